import Foundation
import Testing

/// Output written safely by the commands themselves: a run killed at any write leaves the previous folder whole,
/// resident data is owner-only even under umask 000, links and special files at a target are never followed or
/// replaced, and a formula in an id is refused with its cell named.
@Suite(.serialized) struct SafeWritingCommandTests {
    static let street: Result<URL, any Error> = Result {
        let folder = try RosterTestKit.temporaryDirectory("safe-street")
        let outcome = try RosterTestKit.run([
            "generate", "street", "--seed", "3", "--households", "1000", "--out", folder.path,
        ])
        guard outcome.status == 0 else { throw RosterTestKit.KitError("generate failed: \(outcome.stderr)") }
        return folder
    }

    /// Every file below `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for name in names {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// Runs wangge through a shell, with an environment and a umask.
    static func shell(_ arguments: [String], environment: [String: String] = [:], umask: String = "022") throws
        -> WanggeBinary.Outcome
    {
        let binary = RosterTestKit.releaseBinary ?? WanggeBinary.url
        return try WanggeBinary.launch(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "umask \(umask); exec \"$0\" \"$@\"", binary.path] + WanggeBinary.inEnglish(arguments),
            environment: environment)
    }

    @Test func aRunKilledAtEachWriteLeavesThePreviousFolderWhole() throws {
        let street = try Self.street.get()
        let out = try RosterTestKit.temporaryDirectory("safe-kill").appendingPathComponent("grids")
        let first = try Self.shell(["grids", "draw", street.path, "--out", out.path, "--seed", "1"])
        #expect(first.status <= 1, "\(first.stderr)")
        let before = try Self.snapshot(out)
        #expect(before.count == 6)
        // The second plan whole, written elsewhere: a kill must leave the first plan or this one, never a mix.
        let reference = try RosterTestKit.temporaryDirectory("safe-kill-reference").appendingPathComponent("grids")
        let second = try Self.shell(["grids", "draw", street.path, "--out", reference.path, "--seed", "2"])
        #expect(second.status <= 1, "\(second.stderr)")
        var after = try Self.snapshot(reference)
        after["run.json"] = nil  // seconds per stage differ between runs, and nothing else
        #expect(after.count == 5 && after["kpis.json"] != before["kpis.json"])
        func isSecondPlan(_ files: [String: Data]) -> Bool {
            var files = files
            files["run.json"] = nil
            return files == after
        }
        var killed = 0
        for step in 1...20 {
            let run = try Self.shell(
                ["grids", "draw", street.path, "--out", out.path, "--seed", "2"],
                environment: ["WANGGE_FAULT_KILL_AT_WRITE": String(step)])
            let now = try Self.snapshot(out)
            guard run.status == 128 + 9 else {
                // The run went past its last write: the new folder is whole.
                #expect(run.status <= 1, "step \(step): \(run.stderr)")
                #expect(now.count == 6 && isSecondPlan(now))
                break
            }
            killed += 1
            // Killed before or after the swap: the folder is the previous one or the new one, whole, never a mix.
            let whole = now == before || (now.count == 6 && isSecondPlan(now))
            #expect(whole, "step \(step): \(now.keys.sorted()) after a kill")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
            #expect(leftovers.contains("grids"), "step \(step): the target is gone")
        }
        #expect(killed >= 6, "only \(killed) writes were killed")
        let next = try Self.shell(["grids", "draw", street.path, "--out", out.path, "--seed", "1"])
        #expect(next.status <= 1)
        var again = try Self.snapshot(out)
        var firstPlan = before
        again["run.json"] = nil  // seconds per stage differ between runs, and nothing else
        firstPlan["run.json"] = nil
        #expect(again == firstPlan, "a clean run after the kills writes the first plan again")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(siblings == ["grids"], "leftovers of killed runs remain: \(siblings)")
    }

    @Test func residentDataIsOwnerOnlyUnderUmaskZero() throws {
        let plan = try RosterTestKit.samplePlan.get()
        let out = try RosterTestKit.temporaryDirectory("safe-umask").appendingPathComponent("roster")
        let outcome = try Self.shell(
            ["roster", RosterTestKit.sampleStreet.path, "--plan", plan.path, "--week", "2026-W48", "--out", out.path],
            umask: "000")
        #expect(outcome.status <= 1, "\(outcome.stderr)")
        let folderMode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        // roster.csv, unmet.csv, roster.html, sheets.html, roster.xlsx, kpis.json, run.json and calendars/.
        #expect(names.count == 8, "\(names.sorted())")
        let calendars = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("calendars").path)
        #expect(!calendars.isEmpty)
        for name in names + calendars.map({ "calendars/" + $0 }) {
            let path = out.appendingPathComponent(name).path
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == (isFolder.boolValue ? 0o700 : 0o600), "\(name): mode \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func aSymlinkedMapAndAFIFOTargetAreLeftUntouched() throws {
        let street = try Self.street.get()
        let scratch = try RosterTestKit.temporaryDirectory("safe-links")
        let victim = scratch.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        let out = scratch.appendingPathComponent("grids")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: out.appendingPathComponent("map.svg"), withDestinationURL: victim)
        let outcome = try Self.shell(["grids", "draw", street.path, "--out", out.path])
        #expect(outcome.status <= 1, "\(outcome.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        let kind = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("map.svg").path)[.type]
        #expect(kind as? FileAttributeType == .typeRegular)

        let linkedOut = scratch.appendingPathComponent("linked-out")
        try FileManager.default.createSymbolicLink(at: linkedOut, withDestinationURL: out)
        let refused = try Self.shell(["grids", "draw", street.path, "--out", linkedOut.path])
        #expect(refused.status == 2 && refused.stderr.contains("symbolic link"), "\(refused.stderr)")

        let fifo = scratch.appendingPathComponent("model.lp")
        let mkfifo = Process()
        mkfifo.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
        mkfifo.arguments = [fifo.path]
        try mkfifo.run()
        mkfifo.waitUntilExit()
        let gap = RosterTestKit.repository.appendingPathComponent(
            "Tests/GeneralizedAssignmentTests/Fixtures/gap/gap1.txt")
        let lp = try Self.shell(["solve", "gap", gap.path, "--instance", "0", "--write-lp", fifo.path])
        #expect(lp.status == 2, "\(lp.stderr)")
        let fifoKind = try FileManager.default.attributesOfItem(atPath: fifo.path)[.type]
        #expect(fifoKind as? FileAttributeType != .typeRegular, "the FIFO became \(String(describing: fifoKind))")
    }

    @Test func aFormulaOrALineBreakInAnIdIsRefusedWithItsCell() throws {
        let street = try Self.street.get()
        let copy = try RosterTestKit.copyFolder(street, tag: "safe-formula")
        let people = copy.appendingPathComponent("people.csv")
        var lines = try String(contentsOf: people, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0].split(separator: ",")
        let column = try #require(header.firstIndex(of: "person_id"))
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[column] = "\"=HYPERLINK(\"\"http://x\"\")\""
        lines[1] = Substring(cells.joined(separator: ","))
        try lines.joined(separator: "\n").write(to: people, atomically: true, encoding: .utf8)
        let outcome = try Self.shell(["validate", copy.path])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains("people.csv, line 2, column \(column + 1)")
                && outcome.stderr.contains("an id may not begin with"), "\(outcome.stderr.prefix(800))")
    }
}
