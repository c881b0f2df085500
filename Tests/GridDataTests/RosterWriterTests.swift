import Foundation
import GridData
import GridModel
import Testing

/// roster.csv, unmet.csv, the calendars and roster.html as written, and their file modes.
@Suite struct RosterWriterTests {
    static let week = ISOWeek(year: 2026, week: 48)!
    static let monday = week.monday

    static let street = Street(
        people: [
            Person(id: "P1", name: "张三", roles: [.gridWorker]),
            Person(id: "P2", name: "Li, \"Si\"", roles: [.communityWorker]),
            Person(id: "P3", name: "赵<b>六</b>", roles: [.sunkCadre]),
        ],
        residents: [
            Resident(
                id: "R000001", buildingID: "C01-Q01-B001", categories: [.mentalHealth(grade: 4)], unit: "1",
                floor: 17, name: "王小明"),
            Resident(id: "R000002", buildingID: "C01-Q01-B002", categories: [.keyPerson], unit: "2"),
        ])

    static let entries = [
        RosterEntry(
            week: week, date: monday, period: .morning, personID: "P1", residentID: "R000001", gridID: "C01-G01",
            kind: .visit, reason: "two visitors, one a grid worker [visits.mental_health_unstable, visits.caps]"),
        RosterEntry(
            week: week, date: monday, period: .morning, personID: "P2", residentID: "R000001", gridID: "C01-G01",
            kind: .visit, reason: "second visitor [visits.mental_health_unstable, visits.caps]"),
        RosterEntry(
            week: week, date: monday.adding(days: 2), period: .afternoon, personID: "P1", residentID: "R000002",
            gridID: "C01-G02", kind: .visit, reason: "paired visitor [visits.key_person, visits.fixed_pairing]"),
        RosterEntry(
            week: week, date: monday.adding(days: 3), period: .evening, personID: "P3", residentID: nil,
            gridID: "C01-G02", kind: .doorKnocking, reason: "cadre of the grid [visits.door_knocking]"),
    ]

    static let categoryWords = ["mental_health_4", "key_person", "严重精神障碍", "重点人员", "ordinary"]

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-rosterw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The names of ``street``, with grid C01-G01 and C01-G02 in community C01 (幸福社区).
    static var names: PlanNames {
        var street = Self.street
        street.communities = [Community(id: "C01", name: "幸福社区")]
        street.departments = [Department(id: "D01", name: "区委组织部")]
        street.buildings = [
            Building(id: "C01-Q01-B001", communityID: "C01", households: 40, position: PlanarPoint(x: 0, y: 0)),
            Building(id: "C01-Q01-B002", communityID: "C01", households: 40, position: PlanarPoint(x: 50, y: 0)),
        ]
        street.people[0].phone = "13800000001"
        street.people[2].departmentID = "D01"
        return PlanNames(street: street, gridOfBuilding: ["C01-Q01-B001": "C01-G01", "C01-Q01-B002": "C01-G02"])
    }

    @Test func rosterCSVHasTheSpecColumnsThenTheNames() {
        let text = RosterTableWriter.rosterText(Self.entries, names: Self.names)
        #expect(text.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = text.dropFirst().split(separator: "\n").map(String.init)
        #expect(
            lines[0] == "week,date,slot,person_id,resident_id,grid_id,kind,reason,name,phone,department_name,"
                + "community_name,grid_name,resident_name,building_id,unit,floor")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("2026-W48,2026-11-23,AM,P1,R000001,C01-G01,visit,\"two visitors,"))
        #expect(lines[1].hasSuffix("]\",张三,13800000001,,幸福社区,幸福社区第1网格,王小明,C01-Q01-B001,1,17"))
        #expect(lines[2].hasSuffix("]\",\"Li, \"\"Si\"\"\",,,幸福社区,幸福社区第1网格,王小明,C01-Q01-B001,1,17"))
        #expect(
            lines[4] == "2026-W48,2026-11-26,EVE,P3,,C01-G02,door_knocking,cadre of the grid [visits.door_knocking],"
                + "赵<b>六</b>,,区委组织部,幸福社区,幸福社区第2网格,,,,")
        let unmet = RosterTableWriter.unmetText(
            [
                UnmetVisit(
                    residentID: "R000002", due: Self.monday.adding(days: 6), ruleID: "visits.elderly_alone",
                    gridID: "C01-G02", reason: "no visitor free, short 1")
            ], names: Self.names)
        #expect(
            unmet == "\u{FEFF}resident_id,due,reason,resident_name,community_name,grid_id,grid_name,building_id,unit,"
                + "floor\nR000002,2026-11-29,\"no visitor free, short 1\",,幸福社区,C01-G02,幸福社区第2网格,C01-Q01-B002,"
                + "2,\n")
    }

    @Test func filesAreOwnerOnly() throws {
        let folder = try Self.temporaryFolder()
        let url = folder.appendingPathComponent("roster.csv")
        try Data("old".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        try RosterTableWriter.writeRoster(Self.entries, names: Self.names, to: url)
        try RosterICSWriter(street: Self.street).write(
            Self.entries, week: Self.week, to: folder.appendingPathComponent("roster.ics"))
        try RosterHTMLWriter(street: Self.street, gridOfBuilding: [:])
            .write(Self.entries, week: Self.week, to: folder.appendingPathComponent("roster.html"))
        for name in ["roster.csv", "roster.ics", "roster.html"] {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: folder.appendingPathComponent(name).path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(name) has mode \(String(mode ?? 0, radix: 8))")
        }
        #expect(try String(contentsOf: url, encoding: .utf8).hasPrefix("week,"))
    }

    @Test func calendarIsDeterministicFoldedAndCRLF() throws {
        let writer = RosterICSWriter(street: Self.street, showsFloors: true)
        let text = writer.text(Self.entries, week: Self.week)
        #expect(text == writer.text(Self.entries.reversed(), week: Self.week))
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "a bare LF at octet \(index)")
        }
        let physical = text.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.first == "BEGIN:VCALENDAR")
        #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == 4)
        #expect(unfolded.contains("DTSTART;TZID=Asia/Shanghai:20261123T090000"))
        #expect(unfolded.contains("DTEND;TZID=Asia/Shanghai:20261123T113000"))
        #expect(unfolded.contains("DTSTART;TZID=Asia/Shanghai:20261126T190000"))
        #expect(unfolded.contains("DTEND;TZID=Asia/Shanghai:20261125T170000"))
        #expect(unfolded.filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20261123T000000Z" })
        let uids = unfolded.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == 4)
        #expect(uids.contains("UID:2026-W48-P1-R000001-2026-11-23-AM@wangge"))
        #expect(unfolded.contains { $0.hasPrefix("ATTENDEE;CN=张三;") })
        #expect(unfolded.contains { $0.hasPrefix("ATTENDEE;CN=\"Li, Si\";") })
        #expect(unfolded.contains("SUMMARY:走访 Visit: 王**"))
        #expect(unfolded.contains("LOCATION:楼栋 C01-Q01-B001 1单元 17层"))
        #expect(!text.contains("王小明"))
        #expect(unfolded.contains { $0.hasPrefix("DESCRIPTION:") && $0.contains("同行 With: Li\\, \"Si\"") })
        // Only what the visitor needs: no category, no reason.
        for word in ["mental_health", "key_person", "visits."] { #expect(!text.contains(word)) }
    }

    @Test func eachVisitorsCalendarHoldsTheirEventsWithMaskedNamesAndNoFloor() {
        let calendars = RosterICSWriter(street: Self.street, showsFloors: true).calendars(Self.entries, week: Self.week)
        #expect(calendars.map(\.person) == ["P1", "P2", "P3"])
        for (person, text) in calendars {
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
            let mine = Self.entries.filter { $0.personID == person }.count
            #expect(unfolded.components(separatedBy: "BEGIN:VEVENT").count - 1 == mine, "\(person)")
            #expect(!unfolded.contains("王小明") && !unfolded.contains("层"), "\(person)")
            #expect(!unfolded.contains("ATTENDEE") || unfolded.contains("urn:wangge:person:\(person)"))
        }
        let first = calendars[0].text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(first.contains("LOCATION:楼栋 C01-Q01-B001 1单元\r\n"))
        #expect(first.contains("同行 With: Li\\, \"Si\""))
    }

    @Test func gridRosterFlowsGridsWithMaskedNamesAndNoRuleOrCategory() {
        let writer = RosterHTMLWriter(
            street: Self.namedStreet, gridOfBuilding: ["C01-Q01-B001": "C01-G01", "C01-Q01-B002": "C01-G02"])
        let html = writer.text(Self.entries, week: Self.week)
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(!html.contains("break-after: page") && !html.contains("page-break-after: always"))
        #expect(html.components(separatedBy: "<section class=\"grid").count - 1 == 2)
        #expect(html.contains("幸福社区第1网格") && html.contains("幸福社区第2网格"))
        #expect(html.contains("王**"))
        #expect(!html.contains("王小明"))
        #expect(!html.contains("17层"))
        #expect(html.contains("R****02"))
        #expect(html.contains("张三、Li, &quot;Si&quot;"))
        #expect(html.contains("赵&lt;b&gt;六&lt;/b&gt;"))
        #expect(!html.contains("<b>六"))
        for word in Self.categoryWords { #expect(!html.contains(word), "\(word)") }
        #expect(!html.contains("visits."))
        #expect(html.contains("上午 AM"))
        #expect(html.contains("敲门行动 Door-knocking"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    @Test func visitSheetGivesEachVisitorTheirWeekWithFloorsBoxesAndTimesFromTheRules() {
        let times = RosterSlotTimes(
            morning: (8 * 60 + 30, 11 * 60), afternoon: (14 * 60 + 30, 17 * 60), evening: (19 * 60, 21 * 60),
            timeZone: "Asia/Shanghai", utcOffsetMinutes: 480)
        let writer = VisitSheetWriter(
            street: Self.namedStreet, gridOfBuilding: ["C01-Q01-B001": "C01-G01", "C01-Q01-B002": "C01-G02"],
            slotTimes: times)
        let html = writer.text(Self.entries, week: Self.week)
        let sheets = html.components(separatedBy: "<section class=\"sheet\">").dropFirst()
        #expect(sheets.count == 3)
        #expect(html.contains(".sheet { break-after: page;"))
        let first = sheets.first ?? ""
        #expect(first.contains("<b>张三</b>"))
        #expect(first.contains("幸福社区第1网格"))
        #expect(first.contains("2026-W48 (2026-11-23 – 2026-11-29)"))
        #expect(first.contains("C01-Q01-B001 1单元 17层"))
        #expect(first.contains("王**") && !html.contains("王小明"))
        #expect(first.contains("上午 AM 08:30–11:00"))
        #expect(first.contains("<span class=\"box\"></span>"))
        #expect(first.contains("走访人签名"))
        #expect(first.contains("Li, &quot;Si&quot;"), "the fellow visitor")
        #expect(sheets.last?.contains("敲门行动 Door-knocking") == true)
        for word in Self.categoryWords { #expect(!html.contains(word), "\(word)") }
        #expect(!html.contains("visits."))
    }

    /// The test street with a community name, for grid names.
    static var namedStreet: Street {
        var street = Self.street
        street.communities = [Community(id: "C01", name: "幸福社区")]
        return street
    }

    @Test(arguments: [
        ("王小明", "R1", "王**"), ("欧阳娜娜", "R1", "欧**"), ("李", "R1", "李**"), ("", "R000123", "R****23"),
        ("  ", "AB", "A**"),
    ])
    func masksNames(_ name: String, _ id: String, _ expected: String) {
        #expect(ResidentNameMask.mask(name: name, residentID: id) == expected)
    }

    @Test func missingNameMasksTheID() {
        #expect(ResidentNameMask.mask(name: nil, residentID: "R000777") == "R****77")
    }
}
