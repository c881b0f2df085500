import Foundation
import GridData
import GridModel
import Testing

/// The roster job's extra files: leave.csv, calendar.csv, a pinned roster.csv and a history at any path.
@Suite(.inEnglish) struct RosterFileReaderTests {
    static let week = ISOWeek(year: 2026, week: 48)!

    static let street = Street(
        buildings: [Building(id: "B1", communityID: "C01", households: 10, position: PlanarPoint(x: 0, y: 0))],
        people: [
            Person(id: "P1", name: "张三", roles: [.gridWorker]),
            Person(id: "P2", name: "李四", roles: [.sunkCadre]),
        ],
        residents: [
            Resident(id: "R1", buildingID: "B1", categories: [.elderlyAlone], name: "王小明"),
            Resident(id: "R2", buildingID: "B1", categories: [.ordinary]),
        ])

    static func file(_ name: String, _ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
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

    var reader: RosterFileReader { RosterFileReader(street: Self.street) }

    // MARK: leave.csv

    @Test func readsLeave() throws {
        let url = try Self.file("leave.csv", "person_id,from,to\nP2,2026-11-24,2026-11-25\nP1,2026-11-23,2026-11-23\n")
        let leave = try reader.readLeave(file: url)
        #expect(leave.map(\.personID) == ["P1", "P2"])
        #expect(leave[1].covers(CalendarDate(year: 2026, month: 11, day: 25)!))
        #expect(!leave[1].covers(CalendarDate(year: 2026, month: 11, day: 26)!))
    }

    @Test func leaveProblemsNameLineAndColumn() throws {
        let text = "person_id,from,to\nP9,2026-11-24,2026-11-25\nP1,2026-11-30,2026-11-23\nP2,2026-02-30,2026-11-23\n"
        let url = try Self.file("leave.csv", text)
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readLeave(file: url) }
        #expect(issues.count == 3)
        #expect(issues[0].line == 2 && issues[0].column == 1 && issues[0].value == "P9")
        #expect(issues[0].problem.contains("unknown person"))
        #expect(issues[1].line == 3 && issues[1].column == 3 && issues[1].problem.contains("ends before"))
        #expect(issues[2].line == 4 && issues[2].column == 2 && issues[2].value == "2026-02-30")
        #expect(issues.allSatisfy { $0.file.hasSuffix("leave.csv") && $0.expected != nil })
    }

    @Test func missingLeaveFileIsAnError() {
        let url = URL(fileURLWithPath: "/nonexistent/leave.csv")
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readLeave(file: url) }
        #expect(issues.count == 1)
    }

    // MARK: calendar.csv

    @Test func readsCalendarWithChineseKinds() throws {
        let text = "日期,类型\n2026-10-01,节假日\n2026-10-10,调休上班\n2026-10-02,holiday\n2026-09-28,Workday\n"
        let url = try Self.file("calendar.csv", text)
        let days = try reader.readCalendar(file: url)
        #expect(days.map(\.date.description) == ["2026-09-28", "2026-10-01", "2026-10-02", "2026-10-10"])
        #expect(days.map(\.kind) == [.workday, .holiday, .holiday, .workday])
    }

    @Test func calendarProblems() throws {
        let text = "date,kind\n2026-10-01,holiday\n2026-10-01,holiday\n2026-13-01,holiday\n2026-10-03,vacation\n"
        let url = try Self.file("calendar.csv", text)
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readCalendar(file: url) }
        #expect(issues.count == 3)
        #expect(issues[0].line == 3 && issues[0].column == 1 && issues[0].problem.contains("listed twice"))
        #expect(issues[0].problem.contains("line 2"))
        #expect(issues[1].line == 4 && issues[1].value == "2026-13-01")
        #expect(issues[2].line == 5 && issues[2].column == 2 && issues[2].value == "vacation")
    }

    // MARK: pinned roster.csv

    static let pinHeader = "week,date,slot,person_id,resident_id,grid_id,kind,reason\n"

    @Test func readsPins() throws {
        let text =
            Self.pinHeader + "2026-W48,2026-11-23,AM,P1,R1,C01-G01,visit,\"paired, visits.caps\"\n"
            + "2026-W48,2026-11-24,下午,P2,,C01-G01,door_knocking,\n"
        let url = try Self.file("roster.csv", text)
        let pins = try reader.readPinned(file: url, week: Self.week, grids: ["C01-G01"])
        #expect(pins.count == 2)
        #expect(pins[0].residentID == "R1" && pins[0].period == .morning && pins[0].reason == "paired, visits.caps")
        #expect(pins[1].residentID == nil && pins[1].kind == .doorKnocking && pins[1].period == .afternoon)
    }

    @Test func pinProblems() throws {
        let text =
            Self.pinHeader
            + "2026-W54,2026-11-23,AM,P1,R1,C01-G01,visit,\n"  // 2: no such week
            + "2026-W48,2026-11-30,AM,P1,R1,C01-G01,visit,\n"  // 3: date outside the week
            + "2026-W48,2026-11-23,NOON,P1,R1,C01-G01,visit,\n"  // 4: bad slot
            + "2026-W48,2026-11-23,AM,P9,R9,C01-G09,visit,\n"  // 5: unknown person, resident, grid
            + "2026-W48,2026-11-23,AM,P1,R1,C01-G01,visit,\n"  // 6: fine
            + "2026-W48,2026-11-23,AM,P1,R1,C01-G01,visit,\n"  // 7: overlaps line 6
            + "2026-W47,2026-11-16,AM,P1,R1,C01-G01,visit,\n"  // 8: another week
        let url = try Self.file("pins.csv", text)
        let issues = Self.issues { () throws(GridDataError) in
            _ = try reader.readPinned(file: url, week: Self.week, grids: ["C01-G01"])
        }
        let byLine = Dictionary(grouping: issues, by: { $0.line ?? 0 })
        #expect(byLine[2]?.first?.column == 1 && byLine[2]?.first?.value == "2026-W54")
        #expect(byLine[3]?.first?.column == 2 && byLine[3]?.first?.problem.contains("not in week") == true)
        #expect(byLine[4]?.first?.column == 3 && byLine[4]?.first?.value == "NOON")
        #expect(Set(byLine[5]?.compactMap(\.column) ?? []) == [4, 5, 6])
        #expect(byLine[6] == nil)
        #expect(byLine[7]?.first?.problem.contains("overlapping pins") == true)
        #expect(byLine[7]?.first?.problem.contains("line 6") == true)
        #expect(byLine[8]?.first?.problem.contains("another week") == true)
        #expect(issues.allSatisfy { $0.file.hasSuffix("pins.csv") })
    }

    // MARK: history

    @Test func readsHistoryAtAnyPath() throws {
        let text = "date,person_id,resident_id,outcome\n2026-11-10,P1,R1,done\n2026-11-03,P1,R2,未遇\n"
        let url = try Self.file("history-2026.csv", text)
        let visits = try reader.readHistory(file: url)
        #expect(visits.map(\.residentID) == ["R2", "R1"])
        #expect(visits.map(\.outcome) == [.missed, .done])
    }

    @Test func readsAHistorySavedAsAWorkbook() throws {
        let sheet = WorkbookSheet(
            name: "走访记录", header: ["日期", "走访人员", "居民编号", "结果"],
            rows: [["2026-11-10", "P1", "R1", "done"], ["2026-11-03", "P1", "R77", "未遇"]])
        let folder = try Self.file("unused.txt", "").deletingLastPathComponent()
        let url = folder.appendingPathComponent("history-2026.xlsx")
        try WorkbookWriter.data(for: [sheet]).write(to: url)
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readHistory(file: url) }
        #expect(issues.count == 1)
        #expect(issues.first?.file == url.relativePath && issues.first?.line == 3 && issues.first?.value == "R77")
        var fixed = sheet
        fixed.rows[1][2] = "R2"
        try WorkbookWriter.data(for: [fixed]).write(to: url)
        #expect(try reader.readHistory(file: url).map(\.residentID) == ["R2", "R1"])
    }

    @Test func historyUnknownResidentNamesThePathGiven() throws {
        let text = "date,person_id,resident_id,outcome\n2026-11-10,P1,R1,done\n2026-11-11,P1,R77,done\n"
        let url = try Self.file("history-2026.csv", text)
        let issues = Self.issues { () throws(GridDataError) in _ = try reader.readHistory(file: url) }
        #expect(issues.count == 1)
        #expect(issues.first?.file == url.relativePath)
        #expect(issues.first?.line == 3 && issues.first?.column == 3 && issues.first?.value == "R77")
        #expect(issues.first?.problem.contains("unknown resident") == true)
    }

    // MARK: plan folder

    @Test func buildingSplitOverGridsGoesToTheGridWithMostHouseholds() {
        let rows = [
            GridAssignment(
                buildingID: "B1", unit: "1", households: 20, communityID: "C01", gridID: "C01-G02",
                microGridID: nil),
            GridAssignment(
                buildingID: "B1", unit: "2", households: 30, communityID: "C01", gridID: "C01-G01",
                microGridID: nil),
            GridAssignment(
                buildingID: "B2", unit: "1", households: 15, communityID: "C01", gridID: "C01-G03",
                microGridID: nil),
            GridAssignment(
                buildingID: "B2", unit: "2", households: 15, communityID: "C01", gridID: "C01-G02",
                microGridID: nil),
        ]
        let grids = RosterPlanFolder.gridOfBuilding(rows)
        #expect(grids["B1"] == "C01-G01")
        #expect(grids["B2"] == "C01-G02")
    }

    @Test func planFolderPostsComeFromLeadersCadresAndReporting() throws {
        let grids = try Self.file("grids.csv", "building_id,households,community_id,grid_id\nB1,10,C01,C01-G01\n")
        let folder = grids.deletingLastPathComponent()
        try Data("role,grid_id,micro_grid_id,building_id,person_id,reason\ngrid_leader,C01-G01,,,P1,x\n".utf8).write(
            to: folder.appendingPathComponent("leaders.csv"))
        try Data("person_id,grid_id,post,hours,department,reason\n".utf8).write(
            to: folder.appendingPathComponent("cadres.csv"))
        try Data("person_id,community_id,grid_id,reason\nP2,C01,C01-G01,x\n".utf8).write(
            to: folder.appendingPathComponent("reporting.csv"))
        let plan = try RosterPlanFolder.read(layout: PlanFolderLayout(folder: folder), street: Self.street)
        #expect(plan.gridOfBuilding == ["B1": "C01-G01"])
        #expect(plan.postsOfPerson == ["P1": ["C01-G01"], "P2": ["C01-G01"]])
        try Data("person_id,community_id,grid_id,reason\nP2,C01,C01-G07,x\nP8,C01,C01-G01,x\n".utf8).write(
            to: folder.appendingPathComponent("reporting.csv"))
        let issues = Self.issues { () throws(GridDataError) in
            _ = try RosterPlanFolder.read(layout: PlanFolderLayout(folder: folder), street: Self.street)
        }
        #expect(issues.count == 2)
        #expect(issues.first?.line == 2 && issues.first?.column == 3 && issues.first?.value == "C01-G07")
        #expect(issues.last?.line == 3 && issues.last?.column == 1 && issues.last?.problem == "unknown person")
    }

    @Test func aPlanWithoutStaffingIsRefusedNamingTheMissingFiles() throws {
        let grids = try Self.file("grids.csv", "building_id,households,community_id,grid_id\nB1,10,C01,C01-G01\n")
        let folder = grids.deletingLastPathComponent()
        try Data("person_id,grid_id,post,hours,department,reason\n".utf8).write(
            to: folder.appendingPathComponent("cadres.csv"))
        let issues = Self.issues { () throws(GridDataError) in
            _ = try RosterPlanFolder.read(layout: PlanFolderLayout(folder: folder), street: Self.street)
        }
        #expect(issues.count == 1)
        #expect(issues.first?.problem == "the plan has no staffing: leaders.csv, reporting.csv missing")
    }

    @Test func aPlanFolderFromWanggePlanIsReadFromItsSubfolders() throws {
        let grids = try Self.file("grids.csv", "building_id,households,community_id,grid_id\nB1,10,C01,C01-G01\n")
        let plan = grids.deletingLastPathComponent().appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: plan.appendingPathComponent("grids"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: grids, to: plan.appendingPathComponent("grids/grids.csv"))
        let layout = PlanFolderLayout(folder: plan)
        #expect(layout.grids.lastPathComponent == "grids" && layout.staff.lastPathComponent == "staff")
        #expect(layout.missingStaffingFiles == PlanFolderLayout.staffingFiles)
        let flat = PlanFolderLayout(folder: grids.deletingLastPathComponent())
        #expect(flat.grids == flat.staff)
    }

    @Test func aFormulaAsAnIdInAPlanFileIsRefusedWithItsCell() throws {
        let grids = try Self.file("grids.csv", "building_id,households,community_id,grid_id\nB1,10,C01,C01-G01\n")
        let folder = grids.deletingLastPathComponent()
        try Data("role,grid_id,micro_grid_id,building_id,person_id,reason\ngrid_leader,C01-G01,,,=cmd|x,x\n".utf8)
            .write(to: folder.appendingPathComponent("leaders.csv"))
        try Data("person_id,grid_id,post,hours,department,reason\n".utf8).write(
            to: folder.appendingPathComponent("cadres.csv"))
        try Data("person_id,community_id,grid_id,reason\n".utf8).write(to: folder.appendingPathComponent("reporting.csv"))
        let issues = Self.issues { () throws(GridDataError) in
            _ = try RosterPlanFolder.read(layout: PlanFolderLayout(folder: folder), street: Self.street)
        }
        let refused = issues.first { $0.description.contains("an id may not begin with") }
        #expect(refused?.line == 2 && refused?.column == 5 && refused?.value == "=cmd|x", "\(issues)")
    }
}
