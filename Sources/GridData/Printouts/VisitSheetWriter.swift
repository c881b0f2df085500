import Foundation
import GridModel

/// Writes the weekly visit sheets (sheets.html, 走访任务单): one sheet per visitor, handed to them, listing their
/// visits and door-knocking rounds by day and slot with the building, unit and floor that find the door, the
/// resident's masked name (王**), the fellow visitor, a box to tick and a line to sign.
///
/// The sheet goes into the visitor's hands, so it carries the floor (the roster.html on the notice board does not)
/// and never a category, a reason or a rule id. Each sheet starts a new page; a visitor's week (at most the weekly
/// cap of visits, 20 by default, and a round or two) fits on one A4 page. Sheets run by the grid the visitor serves
/// most, then by person id, so that an office prints and hands them out grid by grid.
public struct VisitSheetWriter: Sendable {
    /// People and residents, for names and addresses; communities, for grid names.
    public let street: Street
    /// The plan's grid of each building, for each grid's community.
    public let gridOfBuilding: [BuildingID: GridID]
    /// Slot clock times (`visits.slot_times`).
    public let slotTimes: RosterSlotTimes

    /// A writer for rosters of `street` under the plan `gridOfBuilding`.
    public init(street: Street, gridOfBuilding: [BuildingID: GridID], slotTimes: RosterSlotTimes = .standard) {
        self.street = street
        self.gridOfBuilding = gridOfBuilding
        self.slotTimes = slotTimes
    }

    /// The page text.
    /// - Complexity: O(n log n) in the entries.
    public func text(_ entries: [RosterEntry], week: ISOWeek) -> String {
        let names = StreetNames(street: street, gridOfBuilding: gridOfBuilding)
        var visitorsOfVisit: [RosterVisitKey: [PersonID]] = [:]
        var entriesOfPerson: [PersonID: [RosterEntry]] = [:]
        for entry in entries {
            entriesOfPerson[entry.personID, default: []].append(entry)
            guard entry.kind == .visit, let resident = entry.residentID else { continue }
            visitorsOfVisit[RosterVisitKey(resident: resident, date: entry.date, period: entry.period), default: []]
                .append(entry.personID)
        }
        var grids: [PersonID: [GridID]] = [:]
        for (person, own) in entriesOfPerson { grids[person] = Self.gridsByCount(own) }
        func sheetOrder(_ lhs: PersonID, _ rhs: PersonID) -> Bool {
            let a = grids[lhs]?.first?.rawValue ?? ""
            let b = grids[rhs]?.first?.rawValue ?? ""
            return a != b ? a < b : lhs < rhs
        }
        var html = PrintoutPage.head(title: "走访任务单 Weekly visit sheets \(week)", style: Self.style)
        if entriesOfPerson.isEmpty {
            html += "<section class=\"sheet\"><h1>走访任务单 <span class=\"en\">Weekly visit sheet</span></h1>\n"
            html += "<p>\(PrintoutPage.escape(PrintoutPage.weekLabel(week)))：本周无走访安排 No visits this week.</p>"
            html += "</section>\n"
        }
        for person in entriesOfPerson.keys.sorted(by: sheetOrder) {
            let own = (entriesOfPerson[person] ?? []).sorted(by: Self.order)
            html += sheet(
                person: person, entries: own, grids: grids[person] ?? [], week: week, names: names,
                visitorsOfVisit: visitorsOfVisit)
        }
        return html + PrintoutPage.tail
    }

    /// Writes sheets.html at `url` (mode 0600: it holds residents' addresses).
    public func write(_ entries: [RosterEntry], week: ISOWeek, to url: URL) throws {
        try OwnerOnlyFile.write(text(entries, week: week), to: url)
    }

    private func sheet(
        person: PersonID, entries: [RosterEntry], grids: [GridID], week: ISOWeek, names: StreetNames,
        visitorsOfVisit: [RosterVisitKey: [PersonID]]
    ) -> String {
        let escape = PrintoutPage.escape
        let gridText = grids.map { grid -> String in
            let name = names.gridName(grid)
            return "\(escape(name.chinese)) <span class=\"en\">\(escape(name.english)) · \(escape(grid.rawValue))</span>"
        }.joined(separator: "；")
        let visits = entries.filter { $0.kind == .visit }.count
        let rounds = entries.count - visits
        var count = "<p class=\"count\">走访 \(visits) 户 <span class=\"en\">visits</span>"
        if rounds > 0 { count += " · 敲门行动 \(rounds) 次 <span class=\"en\">door-knocking rounds</span>" }
        let tasks = entries.map { entry -> TaskSheet.Row in
            var task = "走访 Visit"
            var address = ""
            var resident = "—"
            var with = ""
            switch entry.kind {
            case .visit:
                if let id = entry.residentID {
                    resident = names.maskedName(of: id)
                    address = names.residents[id].map { PrintoutPage.address($0, floor: true) } ?? ""
                    let key = RosterVisitKey(resident: id, date: entry.date, period: entry.period)
                    with = (visitorsOfVisit[key] ?? []).filter { $0 != person }.sorted().map(names.name(of:))
                        .joined(separator: "、")
                }
            case .doorKnocking:
                task = "敲门行动 Door-knocking"
                address = names.gridName(entry.gridID).chinese
            }
            return TaskSheet.Row(
                date: entry.date,
                cells: [
                    escape(PrintoutPage.slotLabel(entry.period, times: slotTimes)), escape(task), escape(address),
                    escape(resident), escape(with), TaskSheet.box, "",
                ])
        }
        return TaskSheet(
            title: "走访任务单 <span class=\"en\">Weekly visit sheet</span>", person: person,
            name: names.name(of: person), week: week,
            lines: [
                "<p class=\"grids\">网格 <span class=\"en\">Grid</span>：\(gridText)</p>\n", count + "</p>\n",
            ],
            headings: [
                "日期 <span class=\"en\">Day</span>", "时段 <span class=\"en\">Slot</span>",
                "事项 <span class=\"en\">Task</span>", "地址 <span class=\"en\">Building · unit · floor</span>",
                "居民 <span class=\"en\">Resident</span>", "同行 <span class=\"en\">With</span>",
                "完成 <span class=\"en\">Done</span>", "备注 <span class=\"en\">Notes</span>",
            ],
            rows: tasks,
            signatures: [
                "走访人签名 <span class=\"en\">Visitor's signature</span>", "日期 <span class=\"en\">Date</span>",
                "网格长核对 <span class=\"en\">Checked by grid leader</span>",
            ],
            note: "完成一户在方框内打勾 ✓，未见到居民请在备注写明原因。居民姓名已隐去，本单请勿拍照转发。"
                + "<span class=\"en\">Tick the box after each visit; if the resident was not met, say why under "
                + "Notes. Residents' names are masked; do not photograph or forward this sheet.</span>"
        ).html
    }

    /// The grids of a visitor's entries, the most frequent first (ties by id).
    static func gridsByCount(_ entries: [RosterEntry]) -> [GridID] {
        var count: [GridID: Int] = [:]
        for entry in entries { count[entry.gridID, default: 0] += 1 }
        return count.keys.sorted { (count[$0] ?? 0, $1) > (count[$1] ?? 0, $0) }
    }

    /// Day, slot, door-knocking first, then building, unit, floor and resident: the order a visitor walks.
    static func order(_ lhs: RosterEntry, _ rhs: RosterEntry) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.period != rhs.period { return lhs.period < rhs.period }
        if lhs.kind != rhs.kind { return lhs.kind == .doorKnocking }
        return (lhs.gridID, lhs.residentID?.rawValue ?? "") < (rhs.gridID, rhs.residentID?.rawValue ?? "")
    }

    static let style = TaskSheet.style(noWrap: [2, 3, 4])
}
