import Foundation
import GridModel

/// Writes the printable roster for the community notice board (roster.html): one page per grid (CSS page
/// breaks), Chinese labels with English, the visitors' names, the day and slot, the building and unit, and the
/// resident's masked name (王**).
///
/// Privacy: no category, no rule id that is hidden (the rules' sensitive ids) or that names a category, every
/// text HTML-escaped. Reasons are not printed; only the public rule ids they cite are.
public struct RosterHTMLWriter: Sendable {
    /// People and residents, for names and addresses.
    public let street: Street
    /// Rule ids that may not appear (``GridRules/RuleSet/sensitiveRuleIDs``).
    public let hiddenRuleIDs: Set<String>
    /// Category ids and labels: a rule id containing one is left out even when not hidden.
    public let categoryWords: [String]
    /// Slot clock times shown beside each slot.
    public let slotTimes: RosterSlotTimes

    /// A writer for rosters of `street`.
    public init(
        street: Street, hiddenRuleIDs: Set<String>, categoryWords: [String], slotTimes: RosterSlotTimes = .standard
    ) {
        self.street = street
        self.hiddenRuleIDs = hiddenRuleIDs
        self.categoryWords = categoryWords.filter { !$0.isEmpty }
        self.slotTimes = slotTimes
    }

    /// One printed row: a visit (its visitors merged) or a door-knocking round.
    struct Row {
        var date: CalendarDate
        var period: WeeklySlot.Period
        var kind: RosterEntry.Kind
        var visitors: [PersonID]
        var residentID: ResidentID?
        var rules: [String]
    }

    /// The page text.
    /// - Complexity: O(n log n) in the entries.
    public func text(_ entries: [RosterEntry], week: ISOWeek) -> String {
        let people = Dictionary(street.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let residents = Dictionary(street.residents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rowsOfGrid: [GridID: [Row]] = [:]
        var indexOfVisit: [GridID: [RosterVisitKey: Int]] = [:]
        for entry in entries {
            let rules = publicRuleIDs(in: entry.reason)
            if entry.kind == .visit, let resident = entry.residentID {
                let key = RosterVisitKey(resident: resident, date: entry.date, period: entry.period)
                if let index = indexOfVisit[entry.gridID]?[key] {
                    rowsOfGrid[entry.gridID]?[index].visitors.append(entry.personID)
                    for rule in rules where rowsOfGrid[entry.gridID]?[index].rules.contains(rule) == false {
                        rowsOfGrid[entry.gridID]?[index].rules.append(rule)
                    }
                    continue
                }
                indexOfVisit[entry.gridID, default: [:]][key] = rowsOfGrid[entry.gridID, default: []].count
            }
            rowsOfGrid[entry.gridID, default: []].append(
                Row(
                    date: entry.date, period: entry.period, kind: entry.kind, visitors: [entry.personID],
                    residentID: entry.residentID, rules: rules))
        }
        let last = week.monday.adding(days: 6)
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>走访安排 Visit roster \(week)</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5cm; }
            .page { page-break-after: always; break-after: page; }
            .page:last-child { page-break-after: auto; break-after: auto; }
            h1 { font-size: 18pt; margin: 0 0 0.2cm; }
            p.week { margin: 0 0 0.4cm; }
            table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
            th, td { border: 1px solid #444; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #eee; }
            p.note { font-size: 9pt; color: #444; }
            @media print { body { margin: 1cm; } }
            </style>
            </head>
            <body>

            """
        let grids = rowsOfGrid.keys.sorted()
        if grids.isEmpty {
            html += "<section class=\"page\"><h1>走访安排 Visit roster</h1>\n"
            html += "<p class=\"week\">\(Self.escape("\(week) (\(week.monday) – \(last))"))</p>\n"
            html += "<p>本周无走访安排 No visits this week.</p></section>\n"
        }
        for grid in grids {
            let rows = (rowsOfGrid[grid] ?? []).sorted(by: Self.order)
            html += "<section class=\"page\">\n"
            html += "<h1>网格 Grid \(Self.escape(grid.rawValue)) 走访安排 Visit roster</h1>\n"
            html += "<p class=\"week\">\(Self.escape("\(week) (\(week.monday) – \(last))"))</p>\n"
            html += "<table>\n<thead><tr><th>日期 Date</th><th>时段 Slot</th><th>事项 Task</th>"
            html += "<th>走访人员 Visitor</th><th>楼栋/单元 Building/Unit</th><th>居民 Resident</th>"
            html += "<th>依据 Rules</th></tr></thead>\n<tbody>\n"
            for row in rows {
                let visitors = row.visitors.sorted().map { people[$0]?.name ?? $0.rawValue }.joined(separator: "、")
                var address = ""
                var residentText = ""
                if let id = row.residentID {
                    let resident = residents[id]
                    residentText = ResidentNameMask.mask(name: resident?.name, residentID: id.rawValue)
                    if let resident {
                        address = resident.buildingID.rawValue + (resident.unit.map { " \($0)单元 unit \($0)" } ?? "")
                    }
                }
                let task = row.kind == .visit ? "走访 Visit" : "敲门行动 Door-knocking round"
                let cells = [
                    Self.dayLabel(row.date), slotLabel(row.period), task, visitors, address, residentText,
                    row.rules.joined(separator: " "),
                ]
                html += "<tr>" + cells.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
            html += "<p class=\"note\">居民姓名已隐去 Residents' names are masked.</p>\n</section>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// Writes roster.html at `url` (mode 0600).
    public func write(_ entries: [RosterEntry], week: ISOWeek, to url: URL) throws {
        try OwnerOnlyFile.write(text(entries, week: week), to: url)
    }

    /// The rule ids a reason cites that may be printed: not hidden, naming no category.
    func publicRuleIDs(in reason: String) -> [String] {
        var result: [String] = []
        for token in Self.ruleIDTokens(in: reason) where !hiddenRuleIDs.contains(token) && !result.contains(token) {
            if categoryWords.contains(where: { token.contains($0) }) { continue }
            result.append(token)
        }
        return result
    }

    /// Words shaped like rule ids (`visits.caps`): lower-case letters, digits, `_`, `-` joined by dots.
    static func ruleIDTokens(in text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            while current.hasSuffix(".") { current.removeLast() }
            while current.hasPrefix(".") { current.removeFirst() }
            if current.contains("."), let first = current.unicodeScalars.first, ("a"..."z").contains(first) {
                tokens.append(current)
            }
            current = ""
        }
        for scalar in text.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
                || scalar == "."
            {
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
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

    /// `周一 Mon 2026-11-23`.
    static func dayLabel(_ date: CalendarDate) -> String {
        let chinese = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][date.isoWeekday - 1]
        let english = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.isoWeekday - 1]
        return "\(chinese) \(english) \(date)"
    }

    /// `上午 AM 09:00–11:30`.
    func slotLabel(_ period: WeeklySlot.Period) -> String {
        let chinese = ["上午", "下午", "晚上"][period.rawValue]
        let times = slotTimes.times(of: period)
        return "\(chinese) \(period.code) \(Self.clock(times.start))–\(Self.clock(times.end))"
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Text safe inside an element or an attribute.
    public static func escape(_ text: String) -> String {
        text.escaped(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }
}
