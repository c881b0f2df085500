import Foundation

/// Per-group outcomes written by worker threads, each thread to its own index, read after all have joined.
final class RosterParts: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [RosterComponentPlanner.Outcome?]

    init(count: Int) {
        outcomes = Array(repeating: nil, count: count)
    }

    func store(_ outcome: RosterComponentPlanner.Outcome, at index: Int) {
        lock.lock()
        outcomes[index] = outcome
        lock.unlock()
    }

    func all() -> [RosterComponentPlanner.Outcome?] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes
    }
}
