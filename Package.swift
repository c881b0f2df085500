// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Wangge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wangge", targets: ["wangge"]),
        .library(name: "LinearSolver", targets: ["LinearSolver"]),
        .library(name: "GridModel", targets: ["GridModel"]),
        .library(name: "GridData", targets: ["GridData"]),
        .library(name: "GridRules", targets: ["GridRules"]),
        .library(name: "GridSynthesis", targets: ["GridSynthesis"]),
        .library(name: "GridPlanning", targets: ["GridPlanning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(name: "LinearSolver", dependencies: ["CGLPK"]),
        .target(name: "GridModel"),
        .target(name: "GridData", dependencies: ["GridModel"]),
        .target(
            name: "GridRules", dependencies: ["GridModel", .product(name: "Yams", package: "Yams")],
            exclude: ["Defaults/embed-rules.sh"]
        ),
        .target(name: "GridSynthesis", dependencies: ["GridModel", "GridData"]),
        .target(name: "GridPlanning", dependencies: ["GridModel", "GridRules", "LinearSolver"]),
        .executableTarget(
            name: "wangge",
            dependencies: [
                "LinearSolver", "GridModel", "GridData", "GridRules", "GridSynthesis", "GridPlanning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearSolverTests", dependencies: ["LinearSolver"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridModelTests", dependencies: ["GridModel"]),
        .testTarget(name: "GridDataTests", dependencies: ["GridData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridRulesTests", dependencies: ["GridRules"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridSynthesisTests", dependencies: ["GridSynthesis", "GridData"]),
        .testTarget(name: "GridPlanningTests", dependencies: ["GridPlanning"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EndToEndTests", dependencies: ["wangge"]),
    ]
)
