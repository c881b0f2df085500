// swift-tools-version: 6.1
// A nested package so that `swift build` and `swift test` at the top level skip the benchmarks and their
// dependencies. Run from the top level: `swift package --package-path Benchmarks benchmark`.
import PackageDescription

let package = Package(
    name: "WanggeBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Wangge", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GridModel", package: "Wangge"),
                .product(name: "GridData", package: "Wangge"),
                .product(name: "GridRules", package: "Wangge"),
                .product(name: "GeneralizedAssignment", package: "Wangge"),
                .product(name: "Staffing", package: "Wangge"),
                .product(name: "Rostering", package: "Wangge"),
            ],
            path: "Benchmarks/CoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
