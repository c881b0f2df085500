/// What `wangge --version` prints: the engine's version and the file formats it reads and writes.
enum WanggeVersion {
    /// Raised with every release; the plan files' formats follow ../shared/spec/data-format.md.
    static let engine = "0.10.0"

    static let text = "wangge \(engine) (output contract 1: kpis.json and run.json as in Sources/GridData/Schemas)"
}
