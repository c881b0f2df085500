import Foundation

/// Per-community results written by worker threads, each thread to its own index, read after all have joined.
final class CommunityResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<StaffingPart, GridPlanningError>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<StaffingPart, GridPlanningError>, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func all() -> [Result<StaffingPart, GridPlanningError>?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
