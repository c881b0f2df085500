import ArgumentParser
import GridModel
import GridRules
import GridSynthesis

/// What every `wangge generate` subcommand takes: the seed, the size, the week of the requests and the folder to
/// write, and the rules whose service catalogue the requests order from.
struct GeneratorOptions: ParsableArguments {
    @Option(help: "Seed of the generator (0…2^64-1).")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Total occupied households (at least 1000; default 20,000 for a street, 1,600,000 for a city, about "
                + "the seed city)."))
    var households: Int?

    @Option(
        help: ArgumentHelp(
            "The ISO week of the service requests written to requests.csv, such as 2026-W48, or a date inside it "
                + "(default: 2026-W48).",
            valueName: "week"))
    var week: String?

    @OptionGroup var rules: RuleSetOptions

    @Option(help: "Folder to write (created if missing; its street files are replaced).")
    var out: String

    /// `--week`, or the generator's usual week; a bad week is exit 2 saying why.
    func requestWeek() throws -> ISOWeek {
        try week.map(PlanDateOptions.parseWeek) ?? RequestGenerator.defaultWeek
    }

    /// The service catalogue of the rules (`--rules`, `--overlay`), which requests order from.
    func serviceCatalogue() throws -> ServiceCatalogue {
        try rules.load().matching.serviceCatalogue
    }
}
