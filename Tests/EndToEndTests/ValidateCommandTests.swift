import Foundation
import Testing

/// Paths of the repository, found from this file so that the suite runs from any working directory.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static var malformedStreets: [String] {
        let folder = path("Tests/GridDataTests/Fixtures/malformed")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// `wangge validate` as a planner meets it: every malformed street exits 2 with a located message on stderr and
/// nothing on stdout; a good street exits 0 with its summary.
@Suite struct ValidateCommandTests {
    @Test func thereAreAtLeastTwentyMalformedStreets() {
        #expect(Repository.malformedStreets.count >= 20)
    }

    @Test(arguments: Repository.malformedStreets)
    func malformedStreetExitsTwo(name: String) throws {
        let folder = Repository.path("Tests/GridDataTests/Fixtures/malformed/\(name)")
        let outcome = try WanggeBinary.run(["validate", folder.path])
        #expect(outcome.status == 2, "\(name): exit \(outcome.status), stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains(".csv"), "\(name): the message names no file: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "\(name): printed a summary for a bad street")
    }

    @Test func missingFolderExitsTwo() throws {
        let outcome = try WanggeBinary.run(["validate", "/nonexistent/street"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/nonexistent/street"))
    }

    @Test func sampleStreetValidates() throws {
        let outcome = try WanggeBinary.run(["validate", Repository.path("Scenarios/sample-street").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("communities: 8"))
    }
}
