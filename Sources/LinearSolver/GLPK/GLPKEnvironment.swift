import CGLPK
import Foundation

/// Brackets every use of GLPK on the calling thread.
///
/// GLPK keeps one environment per thread. A solve builds, solves and deletes its problem inside one synchronous call,
/// then frees the thread's environment, so worker threads that end leave nothing behind. A solve started from inside a
/// heuristic callback would share (and then free) the environment of the outer solve, so it is refused.
enum GLPKEnvironment {
    private static let depthKey = "org.wangge.linearsolver.glpk-depth"

    static func withSession<Result>(
        messageLevel: MessageLevel,
        _ body: () throws(LinearSolverError) -> Result
    ) throws(LinearSolverError) -> Result {
        let threadStorage = Thread.current.threadDictionary
        guard (threadStorage[depthKey] as? Int ?? 0) == 0 else { throw .reentrantSolve }
        threadStorage[depthKey] = 1
        defer {
            // Every glp_prob of this session is deleted by now (owned by a scope inside `body`).
            glp_free_env()
            threadStorage[depthKey] = 0
        }
        glp_term_out(messageLevel == .off ? GLP_OFF : GLP_ON)
        return try body()
    }

    static func messageLevelCode(_ level: MessageLevel) -> Int32 {
        switch level {
        case .off: return GLP_MSG_OFF
        case .errors: return GLP_MSG_ERR
        case .normal: return GLP_MSG_ON
        case .all: return GLP_MSG_ALL
        }
    }
}
