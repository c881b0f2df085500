import ArgumentParser

/// How `wangge districts` prints its result.
enum DistrictsOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
