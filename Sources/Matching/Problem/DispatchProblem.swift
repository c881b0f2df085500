/// One dispatch: the requests of a week and the volunteers who may take them.
///
/// The job builds it from the street's files (requests.csv, people.csv availability, leave, the roster, responses);
/// the dispatcher reads nothing else, so that it can be tested on plain values.
public struct DispatchProblem: Hashable, Sendable {
    /// The requests; order does not matter (the dispatcher sorts by id).
    public var requests: [DispatchRequest]
    /// The volunteers; order does not matter.
    public var volunteers: [DispatchVolunteer]

    /// Creates a problem.
    public init(requests: [DispatchRequest], volunteers: [DispatchVolunteer]) {
        self.requests = requests
        self.volunteers = volunteers
    }
}
