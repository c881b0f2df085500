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
        .library(name: "PlanningSupport", targets: ["PlanningSupport"]),
        .library(name: "GeneralizedAssignment", targets: ["GeneralizedAssignment"]),
        .library(name: "Districting", targets: ["Districting"]),
        .library(name: "GridDrawing", targets: ["GridDrawing"]),
        .library(name: "Staffing", targets: ["Staffing"]),
        .library(name: "Rostering", targets: ["Rostering"]),
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "TimeBank", targets: ["TimeBank"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // postgres-nio (the time bank's second backend) takes swift-crypto 3.9 to 5; its SHA-256 chains the ledger.
        .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // Already built for postgres-nio; named because the PostgreSQL store calls them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(name: "LinearSolver", dependencies: ["CGLPK"]),
        .target(name: "GridModel", exclude: ["Messages/Tables", "Messages/embed-messages.sh"]),
        .target(
            name: "GridData",
            dependencies: [
                "GridModel", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Schemas"]
        ),
        .target(
            name: "GridRules", dependencies: ["GridModel", .product(name: "Yams", package: "Yams")],
            exclude: ["Defaults/embed-rules.sh"]
        ),
        .target(name: "GridSynthesis", dependencies: ["GridModel", "GridData", "GridRules"]),
        .target(name: "PlanningSupport", dependencies: ["GridModel"]),
        .target(name: "GeneralizedAssignment", dependencies: ["GridModel", "LinearSolver"]),
        .target(
            name: "Districting", dependencies: ["GridModel", "PlanningSupport", "LinearSolver"], exclude: ["README.md"]
        ),
        .target(name: "GridDrawing", dependencies: ["GridModel", "GridRules", "PlanningSupport", "Districting"]),
        .target(name: "Staffing", dependencies: ["GridModel", "GridRules", "PlanningSupport", "LinearSolver"]),
        .target(name: "Rostering", dependencies: ["GridModel", "GridRules", "PlanningSupport", "LinearSolver"]),
        .target(
            name: "Matching", dependencies: ["GridModel", "GridRules", "PlanningSupport", "LinearSolver"],
            exclude: ["README.md"]
        ),
        .target(
            name: "TimeBank",
            dependencies: [
                "GridModel", "GridRules", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "wangge",
            dependencies: [
                "LinearSolver", "GridModel", "GridData", "GridRules", "GridSynthesis", "PlanningSupport",
                "GeneralizedAssignment", "Districting", "GridDrawing", "Staffing", "Rostering", "Matching",
                "TimeBank", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Streets, plans and fixtures the job suites share (a library only tests link).
        .target(
            name: "PlanningTestFixtures",
            dependencies: ["GridModel", "GridData", "GridRules", "GridSynthesis"],
            path: "Tests/PlanningTestFixtures",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LinearSolverTests", dependencies: ["LinearSolver"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridModelTests", dependencies: ["GridModel"]),
        .testTarget(
            name: "GridDataTests",
            dependencies: ["GridData", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GridRulesTests", dependencies: ["GridRules"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridSynthesisTests", dependencies: ["GridSynthesis", "GridData", "GridRules"]),
        .testTarget(name: "PlanningSupportTests", dependencies: ["PlanningSupport"]),
        .testTarget(
            name: "GeneralizedAssignmentTests", dependencies: ["GeneralizedAssignment", "GridData"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DistrictingTests",
            dependencies: ["Districting", "PlanningSupport", "GridData", "GridSynthesis", "GridRules"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GridDrawingTests",
            dependencies: ["GridDrawing", "Districting", "PlanningSupport", "GridData", "GridSynthesis", "GridRules"]
        ),
        .testTarget(
            name: "StaffingTests",
            dependencies: ["Staffing", "GridDrawing", "GridData", "GridSynthesis", "GridRules", "PlanningTestFixtures"]
        ),
        .testTarget(
            name: "RosteringTests",
            dependencies: ["Rostering", "Staffing", "GridData", "GridSynthesis", "GridRules", "PlanningTestFixtures"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "GridRules", "GridData", "LinearSolver"]),
        .testTarget(name: "TimeBankTests", dependencies: ["TimeBank", "GridRules", "GridModel"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["wangge", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)
