import ArgumentParser

/// What every `wangge generate` subcommand takes: the seed, the size and the folder to write.
struct GeneratorOptions: ParsableArguments {
    @Option(help: "Seed of the generator (0…2^64-1).")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Total occupied households (at least 1000; default 20,000 for a street, 1,600,000 for a city, about "
                + "the seed city)."))
    var households: Int?

    @Option(help: "Folder to write (created if missing; its street files are replaced).")
    var out: String
}
