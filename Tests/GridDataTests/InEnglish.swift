import GridModel
import Testing

/// Runs a suite's tests with ``Language/current`` bound to English: these suites check the English wording of the
/// data module's problems (the wording planners' scripts match with `--lang en`), while the default is Chinese.
struct InEnglish: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await Language.$current.withValue(.english) { try await function() }
    }
}

extension Trait where Self == InEnglish {
    /// The suite's problems are read in English.
    static var inEnglish: Self { InEnglish() }
}
