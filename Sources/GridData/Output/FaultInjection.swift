import Foundation

/// Kills the process at a chosen write, so that a test can prove an interrupted run never leaves a half-written
/// output.
///
/// With `WANGGE_FAULT_KILL_AT_WRITE=N` in the environment, the process sends itself SIGKILL just before its N-th
/// step, counting from 1 across the whole process:
/// - every file an output creates (``OutputFolder/write(_:_:)``, a ``CSVWriter``, ``SafeFile``), before it is
///   created;
/// - in ``OutputFolder/commit()``, the swap (before the new folder takes the target's name) and the cleanup
///   (after it has, before the previous folder is removed).
/// SIGKILL cannot be caught, so nothing runs after it: exactly what a power cut or `kill -9` leaves behind. The
/// line `wangge: fault injection: killed at step N (STEP PATH)` goes to stderr first.
///
/// Tests in this process use ``simulate(at:_:)`` instead, which throws at the step rather than killing, and
/// counts only the steps of the task that asked.
enum FaultInjection {
    /// The variable's name.
    static let variable = "WANGGE_FAULT_KILL_AT_WRITE"

    /// The step to die at, read once from the environment.
    private static let limit: Int? = ProcessInfo.processInfo.environment[variable].flatMap { Int($0) }

    private static let counter = Counter()

    /// A count of steps, shared by the threads of the process.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var steps = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            steps += 1
            return steps
        }

        var current: Int {
            lock.lock()
            defer { lock.unlock() }
            return steps
        }
    }

    /// A simulated crash for tests: a count and the step it fails at.
    final class Simulation: @unchecked Sendable {
        let failAt: Int
        let counter = Counter()

        init(failAt: Int) { self.failAt = failAt }
    }

    @TaskLocal static var simulation: Simulation?

    /// The error a simulated crash throws.
    static func simulatedCrash(_ step: Int) -> OutputError {
        OutputError(path: "(fault injection)", reason: "simulated kill at step \(step)")
    }

    /// Counts one step; dies (or, in a simulation, throws) when it is the chosen one.
    static func step(_ what: String, path: String) throws(OutputError) {
        if let simulation {
            let step = simulation.counter.next()
            if step == simulation.failAt { throw simulatedCrash(step) }
            return
        }
        guard let limit else { return }
        let step = counter.next()
        guard step == limit else { return }
        let message = "wangge: fault injection: killed at step \(step) (\(what) \(path))\n"
        FileHandle.standardError.write(Data(message.utf8))
        PlatformFiles.killImmediately()
    }

    /// Runs `body` with every step of this task counted, the `failAt`-th throwing ``simulatedCrash(_:)``; returns
    /// how many steps were counted.
    @discardableResult
    static func simulate(at failAt: Int, _ body: () throws -> Void) rethrows -> Int {
        let simulation = Simulation(failAt: failAt)
        try $simulation.withValue(simulation) { try body() }
        return simulation.counter.current
    }
}
