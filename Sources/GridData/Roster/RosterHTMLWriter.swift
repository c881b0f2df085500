import Foundation
import GridModel

/// Writes the grid rosters for the community notice board (roster.html): per grid, its week's visits and
/// door-knocking rounds by day and slot, with the visitors' names, the building and unit, and the resident's masked
/// name (王**). Chinese first, English beside it.
///
/// Privacy: the page goes on a wall, so it shows no category, no floor, no reason and no rule id (a reason's
/// rule ids could name a category, and none of them means anything to a resident); every text is HTML-escaped.
///
/// Layout: grids follow each other without a forced page break, so that a special grid with two rows does not
/// take a page; a grid's days run in two columns of one-line rows (slot, visitors, building and unit, resident), so
/// that a grid of 190 rows prints on 2 A4 pages where a table of wide rows took 5; a grid of up to
/// ``smallGridRows`` rows is kept on one page (`break-inside: avoid`). Each grid ends with a line "CODE 完 end", so
/// that a reader (and Benchmarks/scripts/printout_pages.sh) sees where it stops.
public struct RosterHTMLWriter: Sendable {
    /// People and residents, for names and addresses; communities, for grid names.
    public let street: Street
    /// The plan's grid of each building, for each grid's community.
    public let gridOfBuilding: [BuildingID: GridID]
    /// Slot clock times shown beside each slot (`visits.slot_times`).
    public let slotTimes: RosterSlotTimes

    /// Grids of at most this many rows stay whole on a page: about a quarter of an A4 page in two columns, so that
    /// moving one to the next page never wastes more than that. Layout, not a planner's choice.
    static let smallGridRows = 30

    /// A writer for rosters of `street` under the plan `gridOfBuilding`.
    public init(street: Street, gridOfBuilding: [BuildingID: GridID], slotTimes: RosterSlotTimes = .standard) {
        self.street = street
        self.gridOfBuilding = gridOfBuilding
        self.slotTimes = slotTimes
    }

    /// One printed row: a visit (its visitors merged) or a door-knocking round.
    struct Row {
        var date: CalendarDate
        var period: WeeklySlot.Period
        var kind: RosterEntry.Kind
        var visitors: [PersonID]
        var residentID: ResidentID?
    }

    /// The page text.
    /// - Complexity: O(n log n) in the entries.
    public func text(_ entries: [RosterEntry], week: ISOWeek) -> String {
        let names = StreetNames(street: street, gridOfBuilding: gridOfBuilding)
        var rowsOfGrid: [GridID: [Row]] = [:]
        var indexOfVisit: [GridID: [RosterVisitKey: Int]] = [:]
        for entry in entries {
            if entry.kind == .visit, let resident = entry.residentID {
                let key = RosterVisitKey(resident: resident, date: entry.date, period: entry.period)
                if let index = indexOfVisit[entry.gridID]?[key] {
                    rowsOfGrid[entry.gridID]?[index].visitors.append(entry.personID)
                    continue
                }
                indexOfVisit[entry.gridID, default: [:]][key] = rowsOfGrid[entry.gridID, default: []].count
            }
            rowsOfGrid[entry.gridID, default: []].append(
                Row(
                    date: entry.date, period: entry.period, kind: entry.kind, visitors: [entry.personID],
                    residentID: entry.residentID))
        }
        var html = PrintoutPage.head(title: "网格走访安排 Grid visit rosters \(week)", style: Self.style)
        html += "<h1>网格走访安排 <span class=\"en\">Grid visit rosters</span> · "
        html += "\(PrintoutPage.escape(PrintoutPage.weekLabel(week)))</h1>\n"
        let grids = rowsOfGrid.keys.sorted()
        if grids.isEmpty { html += "<p>本周无走访安排 <span class=\"en\">No visits this week.</span></p>\n" }
        for grid in grids {
            html += section(grid, rows: (rowsOfGrid[grid] ?? []).sorted(by: Self.order), week: week, names: names)
        }
        html += "<p class=\"note\">居民姓名已隐去 <span class=\"en\">Residents' names are masked.</span> "
        html += "如有疑问请联系网格员 <span class=\"en\">Questions: ask your grid worker.</span></p>\n"
        return html + PrintoutPage.tail
    }

    /// Writes roster.html at `url` (mode 0600).
    public func write(_ entries: [RosterEntry], week: ISOWeek, to url: URL) throws {
        try OwnerOnlyFile.write(text(entries, week: week), to: url)
    }

    private func section(_ grid: GridID, rows: [Row], week: ISOWeek, names: StreetNames) -> String {
        let escape = PrintoutPage.escape
        let name = names.gridName(grid)
        let visits = rows.filter { $0.kind == .visit }.count
        let small = rows.count <= Self.smallGridRows
        var html = "<section class=\"grid\(small ? " small" : "")\">\n<h2><b>\(escape(name.chinese))</b> "
        html += "<span class=\"en\">\(escape(name.english)) · \(escape(grid.rawValue)) · \(escape("\(week)"))</span>"
        html += "<span class=\"count\">走访 \(visits) 户 <span class=\"en\">visits</span>"
        if rows.count > visits { html += " · 敲门 \(rows.count - visits) 次 <span class=\"en\">rounds</span>" }
        html += "</span></h2>\n<div class=\"days\">\n"
        var previousDate: CalendarDate?
        for row in rows {
            if row.date != previousDate {
                if previousDate != nil { html += "</div>\n" }
                html += "<div class=\"day\"><h3>\(escape(PrintoutPage.dayLabel(row.date)))</h3>\n"
                previousDate = row.date
            }
            let visitors = row.visitors.sorted().map(names.name(of:)).joined(separator: "、")
            var address = "敲门行动 Door-knocking"
            var resident = ""
            if let id = row.residentID {
                resident = names.maskedName(of: id)
                address = names.residents[id].map { PrintoutPage.address($0, floor: false) } ?? ""
            }
            html += "<div class=\"r\"><span class=\"s\">\(escape(PrintoutPage.periodName(row.period)))</span>"
            html += "<span class=\"v\">\(escape(visitors))</span><span class=\"a\">\(escape(address))</span>"
            html += "<span class=\"n\">\(escape(resident))</span></div>\n"
        }
        if previousDate != nil { html += "</div>\n" }
        html += "</div>\n<p class=\"end\">\(escape(grid.rawValue)) 完 <span class=\"en\">end</span></p>\n</section>\n"
        return html
    }

    static func order(_ lhs: Row, _ rhs: Row) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.period != rhs.period { return lhs.period < rhs.period }
        if lhs.kind != rhs.kind { return lhs.kind == .doorKnocking }
        let a = lhs.visitors.min()?.rawValue ?? ""
        let b = rhs.visitors.min()?.rawValue ?? ""
        if a != b { return a < b }
        return (lhs.residentID?.rawValue ?? "") < (rhs.residentID?.rawValue ?? "")
    }

    /// Text safe inside an element or an attribute.
    public static func escape(_ text: String) -> String { PrintoutPage.escape(text) }

    static let style = """
        body { font-size: 8.5pt; }
        h1 { font-size: 13pt; margin-bottom: 2mm; }
        .grid { margin-bottom: 3mm; }
        .grid.small { break-inside: avoid; page-break-inside: avoid; }
        h2 { font-size: 9pt; font-weight: 400; border-bottom: 1.2pt solid #111; padding: 1.5mm 0 0.5mm;
          break-after: avoid; page-break-after: avoid; }
        h2 b { font-size: 11.5pt; }
        h2 .count { float: right; }
        .days { columns: 2; column-gap: 5mm; column-rule: 0.5pt solid #bbb; }
        .day { break-inside: auto; }
        h3 { font-size: 8.5pt; background: #e8e8e8; padding: 0.4mm 1mm; margin: 1mm 0 0;
          break-after: avoid; page-break-after: avoid; }
        .r { display: grid; grid-template-columns: 13mm 19mm 1fr 9mm; column-gap: 1.5mm;
          border-bottom: 0.4pt solid #ccc; padding: 0.3mm 0 0.3mm 1mm; break-inside: avoid;
          page-break-inside: avoid; line-height: 1.3; }
        .r .n { text-align: right; }
        .end { margin: 0.5mm 0 0; font-size: 7pt; color: #777; text-align: right; }
        """
}
