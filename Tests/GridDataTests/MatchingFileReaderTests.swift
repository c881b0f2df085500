import Foundation
import GridData
import GridModel
import Testing

/// The matching loop's files: responses.csv and completions.csv at any path, checked against the requests given
/// and the street's people.
@Suite(.inEnglish) struct MatchingFileReaderTests {
    static let created = LocalDateTime(parsing: "2026-11-23T09:00")!

    static let street = Street(
        buildings: [Building(id: "B1", communityID: "C01", households: 10, position: PlanarPoint(x: 0, y: 0))],
        people: [
            Person(id: "P1", name: "张三", roles: [.volunteer]),
            Person(id: "P2", name: "李四", roles: [.partyMemberRetired]),
        ],
        residents: [Resident(id: "R1", buildingID: "B1", categories: [.elderlyAlone], name: "王小明")],
        requests: [
            ServiceRequest(
                id: "Q1", residentID: "R1", service: Service(rawValue: "fetch_medicine"), createdAt: created,
                earliest: LocalDateTime(parsing: "2026-11-23T10:00")!,
                latest: LocalDateTime(parsing: "2026-11-23T12:00")!,
                minutes: 30),
            ServiceRequest(
                id: "Q2", buildingID: "B1", service: Service(rawValue: "home_repair"), createdAt: created,
                earliest: LocalDateTime(parsing: "2026-11-24T14:00")!,
                latest: LocalDateTime(parsing: "2026-11-24T17:00")!,
                minutes: 60),
        ])

    var reader: MatchingFileReader { MatchingFileReader(street: Self.street) }

    static func file(_ name: String, _ text: String) throws -> URL {
        let url = try TemporaryFolder.make("matching-read").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func issues(_ body: () throws(GridDataError) -> Void) -> [DataIssue] {
        do {
            try body()
            return []
        } catch {
            return error.issues
        }
    }

    // MARK: responses.csv

    @Test func readsResponsesSortedWithChineseHeaderAndWords() throws {
        let text =
            "请求编号,人员编号,回复,回复时间\nQ2,P2,接单,2026-11-23T11:00\nQ1,P1,decline,2026/11/23 9:05\n"
            + "Q1,P2,Accept,2026-11-23T09:20\n"
        let responses = try reader.readResponses(file: try Self.file("responses.csv", text))
        #expect(responses.map(\.requestID) == ["Q1", "Q1", "Q2"])
        #expect(responses.map(\.personID) == ["P1", "P2", "P2"])
        #expect(responses.map(\.answer) == [.decline, .accept, .accept])
        #expect(responses[0].at == LocalDateTime(parsing: "2026-11-23T09:05"))
    }

    @Test func responseProblemsNameLineColumnAndExpectation() throws {
        let text = """
            request_id,person_id,response,at
            Q9,P1,accept,2026-11-23T10:00
            Q1,P1,accept,2026-11-23T08:59
            Q1,P7,accept,2026-11-23T10:00
            Q1,P1,maybe,2026-11-23T10:00
            Q1,P1,accept,

            """
        let url = try Self.file("responses.csv", text)
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readResponses(file: url) }
        #expect(issues.count == 5)
        #expect(issues[0].line == 2 && issues[0].column == 1 && issues[0].value == "Q9")
        #expect(issues[0].problem.contains("unknown request"))
        #expect(issues[1].line == 3 && issues[1].column == 4 && issues[1].problem.contains("before the request"))
        #expect(issues[1].expected?.contains("2026-11-23T09:00") == true)
        #expect(issues[2].line == 4 && issues[2].column == 2 && issues[2].problem.contains("unknown person"))
        #expect(issues[3].line == 5 && issues[3].column == 3 && issues[3].value == "maybe")
        #expect(issues[3].expected?.contains("accept") == true)
        #expect(issues[4].line == 6 && issues[4].column == 4 && issues[4].problem.contains("missing at"))
        #expect(issues.allSatisfy { $0.file.hasSuffix("responses.csv") && $0.expected != nil })
    }

    @Test func responsesAreCheckedAgainstTheRequestsGiven() throws {
        let url = try Self.file("responses.csv", "request_id,person_id,response,at\nQ3,P1,accept,2026-11-23T10:00\n")
        let other = ServiceRequest(
            id: "Q3", residentID: "R1", service: Service(rawValue: "chat"), createdAt: Self.created,
            earliest: Self.created, latest: Self.created, minutes: 30)
        let given = MatchingFileReader(street: Self.street, requests: [other])
        #expect(try given.readResponses(file: url).map(\.requestID) == ["Q3"])
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readResponses(file: url) }
        #expect(issues.count == 1 && issues[0].value == "Q3")
    }

    @Test func missingResponsesFileIsAnError() {
        let url = URL(fileURLWithPath: "/nonexistent/responses.csv")
        #expect(Self.issues { () throws(GridDataError) in _ = try reader.readResponses(file: url) }.count == 1)
    }

    // MARK: completions.csv

    @Test func readsCompletions() throws {
        let text = """
            request_id,person_id,started_at,minutes,outcome,confirmed_by,confirmed_at
            Q2,P2,2026-11-24T14:00,75,no_show,,
            Q1,P1,2026-11-23T10:00,35,完成,P2,2026-11-23T11:00

            """
        let completions = try reader.readCompletions(file: try Self.file("completions.csv", text))
        #expect(completions.map(\.requestID) == ["Q1", "Q2"])
        #expect(completions[0].outcome == .done && completions[0].minutes == 35 && completions[0].isConfirmedDone)
        #expect(completions[0].confirmedBy == "P2")
        #expect(
            completions[1].outcome == .noShow && completions[1].confirmedAt == nil && !completions[1].isConfirmedDone)
    }

    @Test func completionProblemsNameLineColumnAndExpectation() throws {
        let text = """
            request_id,person_id,started_at,minutes,outcome,confirmed_by,confirmed_at
            Q1,P1,2026-11-23T10:00,0,done,,
            Q1,P1,2026-11-23T10:00,30,finished,,
            Q8,P1,2026-11-23T10:00,30,done,,
            Q1,P1,2026-11-23T10:00,30,done,P2,2026-11-23T09:30
            Q1,P1,2026-11-23T08:00,30,done,,
            Q1,P5,2026-11-23T10:00,30,cancelled,,

            """
        let url = try Self.file("completions.csv", text)
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readCompletions(file: url) }
        #expect(issues.count == 6)
        #expect(issues[0].line == 2 && issues[0].column == 4 && issues[0].value == "0")
        #expect(issues[1].line == 3 && issues[1].column == 5 && issues[1].value == "finished")
        #expect(issues[1].expected?.contains("no_show") == true)
        #expect(issues[2].line == 4 && issues[2].column == 1 && issues[2].problem.contains("unknown request"))
        #expect(issues[3].line == 5 && issues[3].column == 7 && issues[3].problem.contains("before it started"))
        #expect(issues[4].line == 6 && issues[4].column == 3 && issues[4].problem.contains("before the request"))
        #expect(issues[5].line == 7 && issues[5].column == 2 && issues[5].problem.contains("unknown person"))
        #expect(issues.allSatisfy { $0.file.hasSuffix("completions.csv") && $0.expected != nil })
    }
}
