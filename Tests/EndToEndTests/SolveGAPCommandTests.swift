import Foundation
import Testing

/// `wangge solve gap` as a user runs it, on files written by the test.
@Suite struct SolveGAPCommandTests {
    /// Two tiny problems (2 agents × 3 jobs), checked against enumeration of all 8 assignments.
    static let twoProblems = """
        2
        2 3
        1 2 3
        4 5 6
        1 1 1
        2 2 2
        2 4
        2 3
        5 1 4
        2 6 3
        3 3 3
        1 1 1
        3 3
        """

    private static func temporaryFile(_ text: String, name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-gap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Brute force over every assignment of 3 jobs to 2 agents.
    private static func bruteForce(cost: [[Int]], resource: [[Int]], capacity: [Int], maximise: Bool) -> Int? {
        var best: Int?
        for mask in 0..<8 {
            let agentOf = (0..<3).map { (mask >> $0) & 1 }
            var load = [0, 0]
            var total = 0
            for job in 0..<3 {
                load[agentOf[job]] += resource[agentOf[job]][job]
                total += cost[agentOf[job]][job]
            }
            guard load[0] <= capacity[0], load[1] <= capacity[1] else { continue }
            if let current = best, maximise ? total <= current : total >= current { continue }
            best = total
        }
        return best
    }

    @Test func jsonArrayForAMultiProblemFile() throws {
        let file = try Self.temporaryFile(Self.twoProblems, name: "tiny.txt")
        let outcome = try WanggeBinary.run(["solve", "gap", file.path, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
        let objects = try #require(parsed)
        #expect(objects.count == 2)
        let first = Self.bruteForce(cost: [[1, 2, 3], [4, 5, 6]], resource: [[1, 1, 1], [2, 2, 2]], capacity: [2, 4],
                                    maximise: false)
        let second = Self.bruteForce(cost: [[5, 1, 4], [2, 6, 3]], resource: [[3, 3, 3], [1, 1, 1]], capacity: [3, 3],
                                     maximise: false)
        #expect(objects[0]["objective"] as? Int == first)
        #expect(objects[1]["objective"] as? Int == second)
        for object in objects {
            #expect(object["status"] as? String == "optimal")
            #expect(object["gap"] as? Int == 0)
            #expect(object["bound"] as? Int == object["objective"] as? Int)
            #expect(object["seconds"] is Double || object["seconds"] is Int)
        }
        #expect(objects.map { $0["instance"] as? Int } == [0, 1])
    }

    @Test func singleInstanceMaximisationAndLPExport() throws {
        let file = try Self.temporaryFile(Self.twoProblems, name: "tiny.txt")
        let lp = file.deletingLastPathComponent().appendingPathComponent("out.lp")
        let outcome = try WanggeBinary.run([
            "solve", "gap", file.path, "--instance", "1", "--sense", "max", "--format", "json", "--write-lp", lp.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        )
        let expected = Self.bruteForce(cost: [[5, 1, 4], [2, 6, 3]], resource: [[3, 3, 3], [1, 1, 1]],
                                       capacity: [3, 3], maximise: true)
        #expect(object["objective"] as? Int == expected)
        #expect(object["instance"] as? Int == 1)
        let text = try String(contentsOf: lp, encoding: .utf8)
        #expect(text.contains("Maximize") && text.contains("Binaries"))
    }

    @Test func outputIsDeterministicApartFromSeconds() throws {
        let file = try Self.temporaryFile(Self.twoProblems, name: "tiny.txt")
        let runs = try (0..<2).map { _ in
            try WanggeBinary.run(["solve", "gap", file.path, "--format", "json"]).stdout
                .replacing(/"seconds": [0-9.e-]+/, with: "")
        }
        #expect(runs[0] == runs[1])
    }

    @Test(arguments: [
        ("2 3\n1 2 x\n", ["--format", "json"], ", line 2, column 5: found 'x'"),
        (twoProblems, ["--instance", "2"], "--instance 2 is out of range"),
        (twoProblems, ["--sense", "sideways"], "sense"),
        (twoProblems, ["--time-limit=-1"], "--time-limit -1.0"),
        ("", [], ", line 1, column 1: empty file"),
    ])
    func badInputExitsTwo(text: String, arguments: [String], expected: String) throws {
        let file = try Self.temporaryFile(text, name: "bad.txt")
        let outcome = try WanggeBinary.run(["solve", "gap", file.path] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }
}
