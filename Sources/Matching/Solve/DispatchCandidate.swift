/// A possible job: request, volunteer (positions in the sorted arrays) and start; one binary variable of a part.
struct DispatchCandidate {
    let request: Int
    let volunteer: Int
    let start: Int
    let end: Int
    /// Metres from the volunteer's home to the request.
    let metres: Double
}
