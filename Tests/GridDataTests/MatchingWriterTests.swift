import Foundation
import GridData
import GridModel
import Testing

/// matches.csv, unmatched.csv, earnings.csv, sheets.html and matching.xlsx as written: columns, BOM, the formula
/// guard, file modes, masked names, and no sensitive service named on a printout.
@Suite struct MatchingWriterTests {
    static func time(_ text: String) -> LocalDateTime { LocalDateTime(parsing: text)! }
    static let week = ISOWeek(year: 2026, week: 48)!
    static let counselling = Service(rawValue: "psychological_support")
    static let repair = Service(rawValue: "home_repair")

    static let street = Street(
        buildings: [
            Building(id: "B1", communityID: "C01", households: 10, position: PlanarPoint(x: 0, y: 0)),
            Building(id: "B2", communityID: "C01", households: 10, position: PlanarPoint(x: 90, y: 0)),
        ],
        people: [
            Person(id: "P1", name: "张三", roles: [.volunteer], phone: "13800000001"),
            Person(id: "P2", name: "李四", roles: [.partyMemberRetired]),
        ],
        residents: [
            Resident(
                id: "R1", buildingID: "B1", categories: [.mentalHealth(grade: 2)], unit: "2", floor: 5, name: "王小明"),
            Resident(id: "R2", buildingID: "B2", categories: [.elderlyAlone], name: "赵大妈"),
        ])

    static let requests = [
        ServiceRequest(
            id: "Q1", residentID: "R1", service: counselling, createdAt: time("2026-11-23T08:00"),
            earliest: time("2026-11-23T10:00"), latest: time("2026-11-23T12:00"), minutes: 60,
            note: "心理疏导 after a crisis"),
        ServiceRequest(
            id: "Q2", residentID: "R2", service: repair, createdAt: time("2026-11-23T08:00"),
            earliest: time("2026-11-24T14:00"), latest: time("2026-11-24T17:00"), minutes: 90),
        ServiceRequest(
            id: "Q3", buildingID: "B2", service: repair, createdAt: time("2026-11-23T08:00"),
            earliest: time("2026-11-25T09:00"), latest: time("2026-11-25T11:00"), minutes: 45),
    ]

    static let labels = [
        ServiceLabel(service: counselling, nameChinese: "心理疏导", nameEnglish: "Psychological support", sensitive: true),
        ServiceLabel(service: repair, nameChinese: "家电维修", nameEnglish: "Home repair", sensitive: false),
    ]

    static let matches = [
        MatchRow(
            requestID: "Q1", rank: 1, personID: "P1", start: time("2026-11-23T10:00"), minutes: 60, state: .dispatched,
            reason: "=HYPERLINK(\"http://x\") skills, distance"),
        MatchRow(
            requestID: "Q1", rank: 2, personID: "P2", start: time("2026-11-23T10:30"), minutes: 60, state: .dispatched,
            reason: "alternate"),
        MatchRow(
            requestID: "Q2", rank: 1, personID: "P1", start: time("2026-11-24T14:00"), minutes: 90, state: .accepted,
            reason: "accepted"),
        MatchRow(
            requestID: "Q3", rank: 1, personID: "P2", start: time("2026-11-25T09:00"), minutes: 45, state: .confirmed,
            reason: "done"),
    ]

    static var names: PlanNames { PlanNames(street: street, gridOfBuilding: [:]) }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    @Test func matchesStartWithTheSpecColumnsAndGuardFormulas() {
        let text = MatchingTableWriter.matchesText(Self.matches, requests: Self.requests, names: Self.names)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = Self.lines(String(text.dropFirst()))
        #expect(lines[0].hasPrefix("request_id,rank,person_id,start,minutes,state,reason,"))
        #expect(lines.count == 5)
        #expect(
            lines[1].hasPrefix(
                "Q1,1,P1,2026-11-23T10:00,60,dispatched,\"'=HYPERLINK(\"\"http://x\"\") skills, distance\""))
        #expect(lines[1].hasSuffix(",张三,13800000001,psychological_support,R1,王小明,B1"))
        #expect(lines[4] == "Q3,1,P2,2026-11-25T09:00,45,confirmed,done,,李四,,home_repair,,,B2")
        #expect(!text.contains("mental_health"))
    }

    @Test func unmatchedCarriesTheBlockingRule() {
        let rows = [UnmatchedRow(requestID: "Q2", ruleID: "matching.distance", reason: "@no one within 2,000 m")]
        let text = MatchingTableWriter.unmatchedText(rows, requests: Self.requests, names: Self.names)
        let lines = Self.lines(String(text.dropFirst()))
        #expect(
            lines == [
                "request_id,reason,rule_id,service,resident_id,resident_name,building_id",
                "Q2,\"'@no one within 2,000 m\",matching.distance,home_repair,R2,赵大妈,B2",
            ])
    }

    @Test func earningsFollowTheTimeBankImportFormat() {
        let done = ServiceCompletion(
            requestID: "Q2", personID: "P1", startedAt: Self.time("2026-11-24T14:00"), minutes: 80, outcome: .done,
            confirmedBy: "W1", confirmedAt: Self.time("2026-11-25T09:00"))
        let unconfirmed = ServiceCompletion(
            requestID: "Q3", personID: "P2", startedAt: Self.time("2026-11-25T09:00"), minutes: 45, outcome: .done)
        let noShow = ServiceCompletion(
            requestID: "Q1", personID: "P2", startedAt: Self.time("2026-11-23T10:00"), minutes: 60, outcome: .noShow,
            confirmedBy: "W1", confirmedAt: Self.time("2026-11-23T12:00"))
        func doubled(_ service: Service, _ minutes: Int) -> Int { minutes * 2 }
        let earnings = [done, unconfirmed, noShow].compactMap {
            TimeBankEarning(completion: $0, service: Self.repair, fallbackOperator: "office", credit: doubled)
        }
        #expect(earnings.count == 1)
        let lines = Self.lines(String(MatchingTableWriter.earningsText(earnings).dropFirst()))
        #expect(
            lines == [
                "exchange_id,kind,from_account,to_account,minutes,service,date,operator,note,currency,state",
                "earn-Q2-P1,earn,,P1,160,home_repair,2026-11-25,W1,Q2,time,confirmed",
            ])
    }

    @Test func sheetsMaskNamesAndNeverNameASensitiveService() {
        let writer = DispatchSheetWriter(street: Self.street, requests: Self.requests, labels: Self.labels)
        let html = writer.text(Self.matches, week: Self.week)
        #expect(html.contains("张三"))
        #expect(html.contains("王**") && !html.contains("王小明"))
        #expect(html.contains("赵**") && !html.contains("赵大妈"))
        #expect(html.contains("家电维修") && html.contains("Home repair"))
        for leak in ["心理", "Psychological", "psychological", "mental", "crisis", "=HYPERLINK", "alternate"] {
            #expect(!html.contains(leak), "sheets.html shows \(leak)")
        }
        #expect(html.contains("B1 2单元 5层"))
        // P1 has Q1 (dispatched) and Q2 (accepted); P2's only rank-1 row is confirmed, so no sheet.
        #expect(html.components(separatedBy: "<section class=\"sheet\">").count == 2)
        #expect(html.contains("@page { size: A4"))
    }

    @Test func unlabelledServiceIsNotNamedEither() {
        let writer = DispatchSheetWriter(street: Self.street, requests: Self.requests, labels: [])
        let html = writer.text(Self.matches, week: Self.week)
        #expect(!html.contains("home_repair") && !html.contains("psychological_support"))
    }

    @Test func filesAreOwnerOnlyAndTheWorkbookHasASheetPerTable() throws {
        let folder = try TemporaryFolder.make("matching-write")
        let matches = folder.appendingPathComponent("matches.csv")
        let unmatched = folder.appendingPathComponent("unmatched.csv")
        let earnings = folder.appendingPathComponent("earnings.csv")
        let sheets = folder.appendingPathComponent("sheets.html")
        try MatchingTableWriter.writeMatches(Self.matches, requests: Self.requests, names: Self.names, to: matches)
        try MatchingTableWriter.writeUnmatched([], requests: Self.requests, names: Self.names, to: unmatched)
        try MatchingTableWriter.writeEarnings([], to: earnings)
        try DispatchSheetWriter(street: Self.street, requests: Self.requests, labels: Self.labels)
            .write(Self.matches, week: Self.week, to: sheets)
        try MatchingTableWriter.writeWorkbook(inFolder: folder)
        #expect(TemporaryFolder.mode(matches) == 0o600)
        #expect(TemporaryFolder.mode(unmatched) == 0o600)
        #expect(TemporaryFolder.mode(sheets) == 0o600)
        #expect(TemporaryFolder.mode(folder.appendingPathComponent("matching.xlsx")) == 0o600)
        let data = try Data(contentsOf: folder.appendingPathComponent("matching.xlsx"))
        let tables = try WorkbookReader.sheets(of: data, file: "matching.xlsx")
        #expect(tables.count == 3)
        #expect(tables[0].sheetName == "派单")
        #expect(tables[0].rows.count == 5)
        #expect(tables[0].rows[1].cells.prefix(3) == ["Q1", "1", "P1"])
    }
}
