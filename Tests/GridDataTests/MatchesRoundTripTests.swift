import Foundation
import GridData
import GridModel
import Testing

/// matches.csv written by one dispatch is read back by the next (`--previous`): the rows come back as written.
@Suite(.inEnglish) struct MatchesRoundTripTests {
    static var street: Street { MatchingWriterTests.street }
    static var requests: [ServiceRequest] { MatchingWriterTests.requests }

    static func folder() throws -> URL { try TemporaryFolder.make("matches-round-trip") }

    @Test func writtenMatchesReadBackEqual() throws {
        var rows = MatchingWriterTests.matches
        rows[0].reason = "技能 skills, \"距离\" 1,200 m; 规则 matching.skills"
        let url = try Self.folder().appendingPathComponent("matches.csv")
        let names = PlanNames(street: Self.street, gridOfBuilding: [:])
        try MatchingTableWriter.writeMatches(rows.reversed(), requests: Self.requests, names: names, to: url)
        let reader = MatchingFileReader(street: Self.street, requests: Self.requests)
        #expect(try reader.readMatches(file: url) == rows)
    }

    @Test func badMatchesNameLineAndColumn() throws {
        let text = """
            request_id,rank,person_id,start,minutes,state,reason
            Q1,1,P1,2026-11-23T10:00,60,dispatched,ok
            Q1,1,P2,2026-11-23T10:30,60,dispatched,same rank
            Q1,0,P2,2026-11-23T10:30,60,dispatched,rank zero
            Q2,1,P1,2026-11-24T14:00,90,waiting,bad state
            Q9,1,P1,2026-11-24T14:00,90,accepted,unknown request

            """
        let url = try Self.folder().appendingPathComponent("matches.csv")
        try Data(text.utf8).write(to: url)
        let reader = MatchingFileReader(street: Self.street, requests: Self.requests)
        var issues: [DataIssue] = []
        do throws(GridDataError) {
            _ = try reader.readMatches(file: url)
        } catch {
            issues = error.issues
        }
        #expect(issues.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["3:2", "4:2", "5:6", "6:1"])
        #expect(issues[0].problem.contains("line 2"))
        #expect(issues[2].expected?.contains("confirmed") == true)
    }
}
