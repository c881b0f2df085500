/// The first hard rule that keeps every volunteer from a request, checked in this order.
public enum DispatchBlock: String, Hashable, Sendable, CaseIterable, Codable {
    /// Nobody has every skill the service needs and meets its provider condition.
    case noSkill = "no_skill"
    /// Nobody with the skills lives within the walking-distance limit.
    case outsideDistance = "outside_distance"
    /// Everyone left declined it.
    case declined
    /// Nobody left is available for a whole start on the step grid inside the window.
    case notAvailable = "not_available"
    /// Everyone left is capped (jobs or minutes a day or a week) at every start they are free for.
    case capped
    /// Everyone left is elsewhere at every start (other jobs, roster visits, with the walk between).
    case busy
    /// Someone could still take it: the search stopped early (time limit) or the volunteers kept per request left
    /// the one who could out.
    case notChosen = "not_chosen"
}
