import Foundation
import Testing

/// Weeks planned in sequence, each with the history of the weeks before: missed visits are caught up and every
/// resident's quota holds at the end of the month (November) and of the quarter (Q4).
@Suite struct RosterRollingTests {
    /// One week's visits as history rows: `date, person_id, resident_id, outcome`; a visit (every row of a resident
    /// at a date and slot) is missed with probability `missedShare`, drawn from a seeded generator.
    static func historyRows(
        _ roster: [[String: String]], missedShare: Double, random: inout RosterTestRandom
    ) -> [[String]] {
        var groups: [String: [[String: String]]] = [:]
        for row in roster where row["kind"] == "visit" {
            let key = [row["resident_id", default: ""], row["date", default: ""], row["slot", default: ""]]
                .joined(separator: " ")
            groups[key, default: []].append(row)
        }
        var rows: [[String]] = []
        for key in groups.keys.sorted() {
            let outcome = random.unit() < missedShare ? "missed" : "done"
            for row in groups[key] ?? [] {
                rows.append([
                    row["date", default: ""], row["person_id", default: ""], row["resident_id", default: ""], outcome,
                ])
            }
        }
        return rows
    }

    /// Runs `weeks` of 2026 in order, each week's history holding every earlier week's outcomes; returns the
    /// history after the last week but one and the last week's roster.
    static func runWeeks(
        street: URL, plan: URL, weeks: ClosedRange<Int>, missedShare: Double, seed: UInt64
    ) throws -> (history: [[String]], last: [[String: String]], statuses: [Int32]) {
        let folder = try RosterTestKit.temporaryDirectory("rolling")
        let historyURL = folder.appendingPathComponent("history.csv")
        var history = RosterTestKit.Table(header: ["date", "person_id", "resident_id", "outcome"], rows: [])
        var random = RosterTestRandom(seed: seed)
        var last: [[String: String]] = []
        var statuses: [Int32] = []
        for week in weeks {
            try RosterTestKit.write(history, to: historyURL)
            let name = "2026-W\(week < 10 ? "0" : "")\(week)"
            let out = folder.appendingPathComponent(name)
            let outcome = try RosterTestKit.roster(
                street: street, plan: plan, week: name, out: out, extra: ["--history", historyURL.path])
            statuses.append(outcome.status)
            guard outcome.status <= 1 else { throw RosterTestKit.KitError("\(name): \(outcome.stderr.prefix(800))") }
            last = try RosterTestKit.read(out.appendingPathComponent("roster.csv")).records
            if week != weeks.upperBound {
                history.rows += historyRows(last, missedShare: missedShare, random: &random)
            }
        }
        return (history.rows, last, statuses)
    }

    /// Residents whose quota over the weeks `from…to` (Mondays) is not met, counting done history rows and the
    /// last week's planned visits as done; only residents whose window is exactly that span are checked.
    static func shortfalls(
        checker: RosterChecker, history: [[String]], last: [[String: String]], from: TestDay, to: TestDay,
        period: RosterRuleTable.Period
    ) -> (checked: Int, short: [String], shortWeekly: [String]) {
        var done: [String: Int] = [:]
        for row in history where row[3] == "done" {
            guard let date = TestDay(row[0]), from <= date, date < to.adding(7) else { continue }
            done[row[2], default: 0] += 1
        }
        let planned = RosterChecker.visits(last)
        var checked = 0
        var short: [String] = []
        var shortWeekly: [String] = []
        let year = from.adding(3).civil.year
        for id in checker.residents.keys.sorted() {
            guard let (rule, visitors) = checker.requirement(id, year: year) else { continue }
            let quota: Int
            switch (rule.period, period) {
            case (.week, _):
                quota = rule.visits * ((to.days - from.days) / 7 + 1)
            case (let own, let wanted) where own == wanted && rule.every == 1:
                quota = rule.visits
            default:
                continue
            }
            checked += 1
            let plannedVisits = (planned[id] ?? [:]).values.filter { Set($0).count >= visitors }.count
            let total = (done[id] ?? 0) / visitors + plannedVisits
            guard total < quota else { continue }
            let line = "\(id): \(total) of \(quota) (\(rule.id))"
            if rule.period == .week { shortWeekly.append(line) } else { short.append(line) }
        }
        return (checked, short, shortWeekly)
    }

    @Test func novemberQuotaHoldsAfterFourWeeksWithMissedVisits() throws {
        let plan = try RosterTestKit.samplePlan.get()
        let street = RosterTestKit.sampleStreet
        let run = try Self.runWeeks(street: street, plan: plan, weeks: 45...48, missedShare: 0.1, seed: 20_261_122)
        let missed = run.history.filter { $0[3] == "missed" }.count
        #expect(missed > 0, "the history holds missed visits to catch up")
        let checker = try RosterChecker(street: street, plan: plan)
        let result = Self.shortfalls(
            checker: checker, history: run.history, last: run.last, from: TestDay.monday(year: 2026, week: 45),
            to: TestDay.monday(year: 2026, week: 48), period: .month)
        #expect(result.checked > 1000)
        let short = result.short.count
        #expect(short == 0, "\(result.short.prefix(20))")
        // Weekly residents too: a visit missed in W45–W47 is owed again later in the month (caught up).
        let shortWeekly = result.shortWeekly.count
        #expect(shortWeekly == 0, "\(result.shortWeekly.prefix(20))")
    }

    /// The sample street cut to one community (C01) with its part of the plan; people serving it are kept, with
    /// references outside it cleared.
    static func oneCommunity(_ community: String) throws -> (street: URL, plan: URL) {
        let source = RosterTestKit.sampleStreet
        let street = try RosterTestKit.copyFolder(source, tag: "one-street")
        let plan = try RosterTestKit.copyFolder(try RosterTestKit.samplePlan.get(), tag: "one-plan")
        func filter(_ url: URL, keep: ([String: String]) -> Bool) throws -> RosterTestKit.Table {
            var table = try RosterTestKit.read(url)
            let header = table.header
            table.rows = table.rows.filter { row in
                var record: [String: String] = [:]
                for (index, name) in header.enumerated() where index < row.count { record[name] = row[index] }
                return keep(record)
            }
            try RosterTestKit.write(table, to: url)
            return table
        }
        let buildings = Set(
            try filter(street.appendingPathComponent("buildings.csv")) { $0["community_id"] == community }.records
                .map { $0["building_id", default: ""] })
        _ = try filter(street.appendingPathComponent("communities.csv")) { $0["community_id"] == community }
        _ = try filter(street.appendingPathComponent("units.csv")) {
            buildings.contains($0["building_id", default: ""])
        }
        let grids = Set(
            try filter(plan.appendingPathComponent("grids.csv")) { buildings.contains($0["building_id", default: ""]) }
                .records.map { $0["grid_id", default: ""] })
        var people: Set<String> = []
        for name in ["leaders.csv", "cadres.csv", "reporting.csv"] {
            let kept = try filter(plan.appendingPathComponent(name)) { grids.contains($0["grid_id", default: ""]) }
            people.formUnion(kept.records.map { $0["person_id", default: ""] })
        }
        try FileManager.default.removeItem(at: plan.appendingPathComponent("mentoring.csv"))
        let peopleURL = street.appendingPathComponent("people.csv")
        var table = try RosterTestKit.read(peopleURL)
        let columns = (
            id: table.column("person_id") ?? 0, home: table.column("home_building_id"),
            community: table.column("community_id")
        )
        table.rows = table.rows.compactMap { row in
            var row = row
            let home = columns.home.map { row[$0] } ?? ""
            let inCommunity = columns.community.map { row[$0] == community } ?? false
            guard people.contains(row[columns.id]) || buildings.contains(home) || inCommunity else { return nil }
            if let index = columns.home, !buildings.contains(home) { row[index] = "" }
            if let index = columns.community, !inCommunity { row[index] = "" }
            return row
        }
        let kept = Set(table.rows.map { $0[columns.id] })
        try RosterTestKit.write(table, to: peopleURL)
        let residentsURL = street.appendingPathComponent("residents.csv")
        var residents = try RosterTestKit.read(residentsURL)
        let building = residents.column("building_id") ?? 0
        residents.rows.removeAll { !buildings.contains($0[building]) }
        if let paired = residents.column("paired_person_id") {
            for index in residents.rows.indices where !kept.contains(residents.rows[index][paired]) {
                residents.rows[index][paired] = ""
            }
        }
        try RosterTestKit.write(residents, to: residentsURL)
        return (street, plan)
    }

    /// Q4 2026 by the Thursday rule is W40 (Thursday 1 October) to W53 (Thursday 31 December): 2026 has 53 ISO
    /// weeks. The issue runs W40–W52, so every quarterly quota must hold before the quarter's last (catch-up) week.
    @Test func quarterlyQuotaHoldsForTheFourthQuarter() throws {
        let (street, plan) = try Self.oneCommunity("C01")
        let run = try Self.runWeeks(street: street, plan: plan, weeks: 40...52, missedShare: 0, seed: 7)
        let checker = try RosterChecker(street: street, plan: plan)
        let result = Self.shortfalls(
            checker: checker, history: run.history, last: run.last, from: TestDay.monday(year: 2026, week: 40),
            to: TestDay.monday(year: 2026, week: 52), period: .quarter)
        let quarterly = checker.residents.keys.filter { checker.requirement($0, year: 2026)?.0.period == .quarter }
        #expect(!quarterly.isEmpty, "the community has residents visited every quarter")
        let short = result.short.count + result.shortWeekly.count
        #expect(short == 0, "\((result.short + result.shortWeekly).prefix(20))")
    }
}
