import Foundation
import GridModel

/// Runs `body` for every index of `0..<count` on at most `threads` threads and returns the results in index order.
/// Thread t takes indices t, t + threads, …; each call must depend only on its index, so the result does not depend
/// on the number of threads. The caller's ``Language/current`` holds on every thread, so texts made in `body` are
/// in the command's language.
public func parallelMap<Element: Sendable>(
    count: Int, threads: Int, _ body: @Sendable (Int) -> Element
) -> [Element] {
    let results = IndexedResults<Element>(count: count)
    let workers = max(1, min(threads, count))
    let language = Language.current
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        Language.$current.withValue(language) {
            for index in stride(from: worker, to: count, by: workers) {
                results.store(body(index), at: index)
            }
        }
    }
    return results.all()
}

/// Results written by worker threads, each to its own index, read after all have joined.
private final class IndexedResults<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Element?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ element: Element, at index: Int) {
        lock.lock()
        slots[index] = element
        lock.unlock()
    }

    func all() -> [Element] {
        lock.lock()
        defer { lock.unlock() }
        let filled = slots.compactMap { $0 }
        precondition(filled.count == slots.count, "concurrentPerform returned before every index ran")
        return filled
    }
}
