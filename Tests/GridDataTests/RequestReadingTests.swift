import Foundation
import GridData
import GridModel
import Testing

/// requests.csv in a street folder: a resident's order or a neighbour's by building, the window, the minutes, and
/// the service against the rules' catalogue when the loader is given it.
@Suite(.inEnglish) struct RequestReadingTests {
    static let header = "request_id,resident_id,building_id,service,created_at,earliest,latest,minutes\n"

    static func street(requests: String) throws -> URL {
        let folder = try TemporaryFolder.make("requests")
        let files = [
            "buildings.csv": "building_id,community_id,households,x,y\nB1,C01,10,0,0\nB2,C01,12,50,0\n",
            "residents.csv": "resident_id,building_id,categories\nR1,B1,elderly_alone\n",
            "requests.csv": requests,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func issues(_ loader: StreetLoader) -> [DataIssue] {
        do throws(GridDataError) {
            _ = try loader.load()
            return []
        } catch {
            return error.issues
        }
    }

    static let catalogue: Set<Service> = [Service(rawValue: "fetch_medicine"), Service(rawValue: "home_repair")]

    @Test func readsResidentAndBuildingRequests() throws {
        let text =
            Self.header
            + "Q2,,B2,home_repair,2026-11-23T08:00,2026-11-24T14:00,2026-11-24T17:00,60\n"
            + "Q1,R1,,Fetch_Medicine,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
        let street = try StreetLoader(directory: try Self.street(requests: text), knownServices: Self.catalogue).load()
        #expect(street.requests.map(\.id) == ["Q1", "Q2"])
        #expect(street.requests[0].residentID == "R1" && street.requests[0].buildingID == nil)
        #expect(street.requests[0].service == Service(rawValue: "fetch_medicine"))
        #expect(street.requests[1].requester == .building("B2") && street.requests[1].residentID == nil)
    }

    @Test func buildingColumnAloneIsEnough() throws {
        let text =
            "request_id,building_id,service,created_at,earliest,latest,minutes\n"
            + "Q1,B1,chat,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
        let street = try StreetLoader(directory: try Self.street(requests: text)).load()
        #expect(street.requests.map(\.buildingID) == ["B1"])
    }

    @Test func requestProblemsNameLineColumnAndExpectation() throws {
        let text =
            Self.header
            + "Q1,R1,,yoga,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
            + "Q2,R1,,home_repair,2026-11-23T08:00,2026-11-23T12:00,2026-11-23T10:00,30\n"
            + "Q3,R1,,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,0\n"
            + "Q4,R1,B1,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
            + "Q5,,,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
            + "Q6,,B9,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
        let issues = Self.issues(
            StreetLoader(directory: try Self.street(requests: text), knownServices: Self.catalogue))
        #expect(issues.count == 6)
        #expect(issues[0].line == 2 && issues[0].column == 4 && issues[0].value == "yoga")
        #expect(issues[0].expected?.contains("fetch_medicine") == true)
        #expect(issues[0].expected?.contains("home_repair") == true)
        #expect(issues[1].line == 3 && issues[1].column == 7 && issues[1].problem.contains("ends before it starts"))
        #expect(issues[2].line == 4 && issues[2].column == 8 && issues[2].value == "0")
        #expect(issues[3].line == 5 && issues[3].column == 3 && issues[3].problem.contains("both"))
        #expect(issues[4].line == 6 && issues[4].column == 2 && issues[4].problem.contains("no resident"))
        #expect(issues[5].line == 7 && issues[5].column == 3 && issues[5].value == "B9")
        #expect(issues.allSatisfy { $0.file == "requests.csv" && $0.expected != nil })
    }

    @Test func withoutTheCatalogueAnySnakeCaseServicePasses() throws {
        let text = Self.header + "Q1,R1,,yoga,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
        #expect(Self.issues(StreetLoader(directory: try Self.street(requests: text))).isEmpty)
    }
}

/// `--requests FILE`: requests.csv from a path of its own, checked against the folder's residents and buildings.
@Suite(.inEnglish) struct RequestsFileTests {
    @Test func requestsFileReplacesTheFoldersOwn() throws {
        let folder = try RequestReadingTests.street(
            requests: RequestReadingTests.header
                + "Q1,R1,,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n")
        let other = try TemporaryFolder.make("requests-file").appendingPathComponent("week48.csv")
        try Data(
            (RequestReadingTests.header + "Q7,,B2,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n"
                + "Q8,R9,,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n").utf8
        ).write(to: other)
        var loader = StreetLoader(directory: folder)
        loader.requestsFile = other
        let issues = RequestReadingTests.issues(loader)
        #expect(issues.count == 1)
        #expect(issues.first?.file == "week48.csv" && issues.first?.line == 3 && issues.first?.value == "R9")
        try Data(
            (RequestReadingTests.header + "Q7,,B2,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n")
                .utf8
        ).write(to: other)
        #expect(try loader.load().requests.map(\.id) == ["Q7"])
    }

    @Test func aMissingRequestsFileIsAProblem() throws {
        let folder = try RequestReadingTests.street(requests: RequestReadingTests.header)
        var loader = StreetLoader(directory: folder)
        loader.requestsFile = URL(fileURLWithPath: "/nonexistent/week48.csv")
        let issues = RequestReadingTests.issues(loader)
        #expect(issues.count == 1 && issues.first?.expected == "/nonexistent/week48.csv")
    }
}

/// The matching job reads requests.csv; the roster does not, so a bad request does not stop a roster.
@Suite(.inEnglish) struct MatchingNeedsTests {
    @Test func onlyTheMatchingJobReadsRequests() throws {
        let folder = try RequestReadingTests.street(
            requests: RequestReadingTests.header
                + "Q1,R1,,home_repair,2026-11-23T08:00,2026-11-23T12:00,2026-11-23T10:00,30\n")
        try Data("person_id,name,roles\nP1,张三,volunteer\n".utf8).write(to: folder.appendingPathComponent("people.csv"))
        #expect(try StreetLoader(directory: folder, needs: .roster).load().requests.isEmpty)
        let issues = RequestReadingTests.issues(StreetLoader(directory: folder, needs: .matching))
        #expect(issues.count == 1 && issues.first?.line == 2 && issues.first?.column == 7)
    }
}
