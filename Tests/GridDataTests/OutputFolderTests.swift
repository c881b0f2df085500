import Foundation
import Testing

@testable import GridData

/// OutputFolder: a whole folder written beside its target and swapped in, never a mix of old and new files.
@Suite(.serialized, .inEnglish) struct OutputFolderTests {
    /// A dead process id: above Linux's pid_max (2^22) and macOS's 99,999.
    static let deadPID = 2_147_483_000

    /// An earlier plan folder: two files and a subfolder.
    static func previousFolder(in parent: URL) throws -> URL {
        let target = parent.appendingPathComponent("plan")
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("grids"), withIntermediateDirectories: true)
        try Data("old kpis".utf8).write(to: target.appendingPathComponent("kpis.json"))
        try Data("old grids".utf8).write(to: target.appendingPathComponent("grids/grids.csv"))
        try Data("only in the old plan".utf8).write(to: target.appendingPathComponent("stale.txt"))
        return target
    }

    /// Runs `body` in a scratch folder holding a previous plan folder (`parent/plan`), removed afterwards.
    static func withPreviousFolder(_ label: String, _ body: (_ parent: URL, _ target: URL) throws -> Void) throws {
        let parent = try TemporaryFolder.make(label)
        defer { try? FileManager.default.removeItem(at: parent) }
        try body(parent, try previousFolder(in: parent))
    }

    static let previousContents = [
        "kpis.json": "old kpis", "grids/grids.csv": "old grids", "stale.txt": "only in the old plan",
    ]

    static let newContents = [
        "kpis.json": "new kpis", "grids/grids.csv": "building_id\nB01\n", "calendars/P1.ics": "BEGIN:VCALENDAR",
    ]

    /// Writes the new plan: one file by `write`, one through a streaming CSVWriter, one in a subfolder.
    static func writeNewPlan(_ output: OutputFolder) throws {
        try output.write("kpis.json", text: "new kpis")
        _ = try output.folder("grids")
        let writer = try CSVWriter(url: output.url("grids/grids.csv"), header: ["building_id"], privacy: output.privacy)
        try writer.write(["B01"])
        try writer.close()
        try output.write("calendars/P1.ics", Data("BEGIN:VCALENDAR".utf8))
    }

    @Test func commitReplacesTheWholeFolder() throws {
        try Self.withPreviousFolder("out-commit") { parent, target in
            let output = try OutputFolder(target: target, privacy: .shareable)
            try Self.writeNewPlan(output)
            #expect(TemporaryFolder.contents(target) == Self.previousContents, "the target is untouched until commit")
            try output.commit()
            #expect(TemporaryFolder.contents(target) == Self.newContents)
            #expect(TemporaryFolder.names(parent) == ["plan"], "no staging or old folder is left beside the target")
        }
    }

    @Test func aFirstRunCreatesTheTargetAndItsParents() throws {
        let parent = try TemporaryFolder.make("out-first")
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("a/b/plan")
        let output = try OutputFolder(target: target, privacy: .shareable)
        try Self.writeNewPlan(output)
        try output.commit()
        #expect(TemporaryFolder.contents(target) == Self.newContents)
        #expect(TemporaryFolder.names(target.deletingLastPathComponent()) == ["plan"])
    }

    @Test func aFailureBeforeCommitLeavesThePreviousFolderWhole() throws {
        try Self.withPreviousFolder("out-fail") { parent, target in
            let output = try OutputFolder(target: target, privacy: .residentData)
            try output.write("kpis.json", text: "new kpis")
            // A second file of the same name is refused (O_EXCL), as a writer's failure would be.
            #expect(throws: OutputError.self) { try output.write("kpis.json", text: "again") }
            output.abandon()
            #expect(TemporaryFolder.contents(target) == Self.previousContents)
            #expect(TemporaryFolder.names(parent) == ["plan"])
        }
    }

    @Test func leftoversOfEarlierRunsAreRemoved() throws {
        try Self.withPreviousFolder("out-leftovers") { parent, target in
            let partial = parent.appendingPathComponent(".plan.partial-\(Self.deadPID)-0badf00d")
            let old = parent.appendingPathComponent(".plan.old-\(Self.deadPID)-deadbeef")
            let otherOutput = parent.appendingPathComponent(".other.partial-\(Self.deadPID)-00000001")
            for folder in [partial, old, otherOutput] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data("half".utf8).write(to: folder.appendingPathComponent("kpis.json"))
            }
            let output = try OutputFolder(target: target, privacy: .shareable)
            let names = TemporaryFolder.names(parent)
            #expect(!names.contains(partial.lastPathComponent))
            #expect(!names.contains(old.lastPathComponent))
            #expect(names.contains(otherOutput.lastPathComponent), "another output's leftovers are not ours to remove")
            #expect(TemporaryFolder.contents(target) == Self.previousContents)
            output.abandon()
        }
    }

    @Test func aPreviousFolderCaughtBetweenTwoRenamesIsPutBack() throws {
        try Self.withPreviousFolder("out-stranded") { parent, previous in
            let stranded = parent.appendingPathComponent(".plan.old-\(Self.deadPID)-deadbeef")
            try FileManager.default.moveItem(at: previous, to: stranded)
            let output = try OutputFolder(target: previous, privacy: .shareable)
            #expect(TemporaryFolder.contents(previous) == Self.previousContents)
            #expect(TemporaryFolder.kind(stranded) == "missing")
            output.abandon()
        }
    }

    @Test func aLinkOrAFileAtTheTargetIsRefused() throws {
        try Self.withPreviousFolder("out-link") { parent, real in
            let link = parent.appendingPathComponent("link")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
            let error = #expect(throws: OutputError.self) { try OutputFolder(target: link, privacy: .residentData) }
            #expect(error?.path == link.path)
            #expect(error?.reason.contains("symbolic link") == true)
            #expect(TemporaryFolder.kind(link) == "link")
            #expect(TemporaryFolder.contents(real) == Self.previousContents)
            #expect(TemporaryFolder.names(parent) == ["link", "plan"], "no staging folder was created")
            let file = parent.appendingPathComponent("file")
            try Data("x".utf8).write(to: file)
            #expect(throws: OutputError.self) { try OutputFolder(target: file, privacy: .shareable) }
        }
    }

    @Test func residentDataIsOwnerOnlyAtEveryMomentEvenUnderUmaskZero() throws {
        let parent = try TemporaryFolder.make("out-umask")
        defer { try? FileManager.default.removeItem(at: parent) }
        try TemporaryFolder.withUmask(0) {
            let target = parent.appendingPathComponent("new/roster")
            let output = try OutputFolder(target: target, privacy: .residentData)
            #expect(TemporaryFolder.mode(parent.appendingPathComponent("new")) == 0o700)
            #expect(TemporaryFolder.mode(output.staging) == 0o700)
            try output.write("roster.csv", text: "week\n")
            #expect(TemporaryFolder.mode(output.url("roster.csv")) == 0o600)
            let calendars = try output.folder("calendars")
            #expect(TemporaryFolder.mode(calendars) == 0o700)
            try output.write("calendars/P1.ics", text: "BEGIN:VCALENDAR\r\n")
            #expect(TemporaryFolder.mode(output.url("calendars/P1.ics")) == 0o600)
            let writer = try CSVWriter(url: output.url("unmet.csv"), header: ["resident_id"], privacy: .residentData)
            #expect(TemporaryFolder.mode(output.url("unmet.csv")) == 0o600, "before the first byte is written")
            try writer.close()
            try output.commit()
            #expect(TemporaryFolder.mode(target) == 0o700)
            for name in ["roster.csv", "calendars/P1.ics", "unmet.csv"] {
                #expect(TemporaryFolder.mode(target.appendingPathComponent(name)) == 0o600, "\(name)")
            }
            #expect(TemporaryFolder.mode(target.appendingPathComponent("calendars")) == 0o700)
            // The same under shareable privacy gives 0755/0644.
            let map = try OutputFolder(target: parent.appendingPathComponent("map"), privacy: .shareable)
            try map.write("map.svg", text: "<svg/>")
            try map.commit()
            #expect(TemporaryFolder.mode(parent.appendingPathComponent("map")) == 0o755)
            #expect(TemporaryFolder.mode(parent.appendingPathComponent("map/map.svg")) == 0o644)
        }
    }

    /// Kills the run (a simulated SIGKILL: nothing after it runs) at each of its steps in turn: the target is the
    /// previous folder whole or the new one whole, and the next run clears what was left.
    @Test func aRunKilledAtAnyStepLeavesTheOldFolderOrTheNewOneWhole() throws {
        try Self.withPreviousFolder("out-kill") { parent, target in
            func run() throws {
                let output = try OutputFolder(target: target, privacy: .residentData)
                try Self.writeNewPlan(output)
                try output.commit()
            }
            let steps = try FaultInjection.simulate(at: .max) { try run() }
            #expect(steps == 5, "three files, the swap and the cleanup")
            var outcomes: [Int: String] = [:]
            for step in 1...steps {
                try FileManager.default.removeItem(at: target)
                _ = try Self.previousFolder(in: parent)
                #expect(throws: OutputError.simulatedCrash(step)) {
                    try FaultInjection.simulate(at: step) { try run() }
                }
                let found = TemporaryFolder.contents(target)
                #expect(found == Self.previousContents || found == Self.newContents, "killed at step \(step): \(found)")
                outcomes[step] = found == Self.newContents ? "new" : "old"
                // The next run starts clean and finishes.
                try run()
                #expect(TemporaryFolder.contents(target) == Self.newContents)
                #expect(TemporaryFolder.names(parent) == ["plan"], "after step \(step)")
            }
            #expect(outcomes == [1: "old", 2: "old", 3: "old", 4: "old", 5: "new"])
        }
    }

    @Test func errorsNameThePathAndTheReasonInPlainWords() throws {
        let parent = try TemporaryFolder.make("out-error")
        defer { try? FileManager.default.removeItem(at: parent) }
        let url = parent.appendingPathComponent("missing/grids.csv")
        let error = #expect(throws: OutputError.self) { try CSVWriter(url: url, header: ["a"]) }
        #expect(error?.description == "\(url.path): No such file or directory")
        #expect(error?.description.contains("NSCocoaErrorDomain") == false)
    }
}

extension OutputError {
    static func simulatedCrash(_ step: Int) -> OutputError { FaultInjection.simulatedCrash(step) }
}
