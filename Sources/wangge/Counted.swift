import GridModel

/// A number with its noun, singular or plural as English needs ("1 problem", "3 problems"; Chinese has one form):
/// the two forms are two rows of Tables/cli.tsv, so that no code adds an "s".
enum Counted {
    /// `3 problems` / `3 个问题`: problems found in input.
    static func problems(_ count: Int) -> String {
        count == 1
            ? Message.text("cli.count.problem", ["n": "\(count)"]) : Message.text("cli.count.problems", ["n": "\(count)"])
    }

    /// `3 rows` / `3 行`.
    static func rows(_ count: Int) -> String {
        count == 1 ? Message.text("cli.count.row", ["n": "\(count)"]) : Message.text("cli.count.rows", ["n": "\(count)"])
    }

    /// `3 rules` / `3 条规则`.
    static func rules(_ count: Int) -> String {
        count == 1
            ? Message.text("cli.count.rule", ["n": "\(count)"]) : Message.text("cli.count.rules", ["n": "\(count)"])
    }

    /// `3 problems` / `3 个算例`: the optimisation problems of a GAP file.
    static func instances(_ count: Int) -> String {
        count == 1
            ? Message.text("cli.count.instance", ["n": "\(count)"])
            : Message.text("cli.count.instances", ["n": "\(count)"])
    }

    /// `2.31 s` / `2.31 秒`: seconds already formatted.
    static func seconds(_ formatted: String) -> String { Message.text("cli.seconds", ["seconds": formatted]) }
}
