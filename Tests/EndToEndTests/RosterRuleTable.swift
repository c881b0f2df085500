import Foundation
import Testing

/// The visit rules' numbers, written out here so that the checker shares nothing with the planner; a test below
/// checks them against Rules/visits.yaml so the table cannot drift.
enum RosterRuleTable {
    enum Period: String {
        case week, month, quarter, year
    }

    struct Frequency {
        let id: String
        let categories: Set<String>
        let ageAtLeast: Int?
        let visits: Int
        let every: Int
        let period: Period
        let visitors: Int
        /// The text the rule file says, e.g. `2 per month`.
        var text: String { every == 1 ? "\(visits) per \(period.rawValue)" : "\(visits) per \(every) \(period)s" }

        /// Visits per 48th of a day × window length products compare rates exactly (a month is 1461/48 days).
        var windowIn48ths: Int {
            switch period {
            case .week: return 336 * every
            case .month: return 1461 * every
            case .quarter: return 4383 * every
            case .year: return 17532 * every
            }
        }
    }

    static let frequencies: [Frequency] = [
        Frequency(
            id: "visits.key_person", categories: ["key_person"], ageAtLeast: nil, visits: 2, every: 1,
            period: .month, visitors: 1),
        Frequency(
            id: "visits.special_hardship", categories: ["special_hardship", "elderly_disabled", "disabled"],
            ageAtLeast: nil, visits: 1, every: 1, period: .month, visitors: 1),
        Frequency(
            id: "visits.elderly_alone", categories: ["elderly_alone", "elderly_empty_nest"], ageAtLeast: nil,
            visits: 1, every: 1, period: .month, visitors: 1),
        Frequency(
            id: "visits.high_risk_elderly", categories: ["elderly_alone", "elderly_empty_nest"], ageAtLeast: 80,
            visits: 1, every: 1, period: .week, visitors: 1),
        Frequency(
            id: "visits.hardship_households", categories: ["low_income", "community_correction"], ageAtLeast: nil,
            visits: 1, every: 1, period: .month, visitors: 1),
        Frequency(
            id: "visits.left_behind_child", categories: ["left_behind_child"], ageAtLeast: nil, visits: 1, every: 1,
            period: .month, visitors: 1),
        Frequency(
            id: "visits.mental_health_stable", categories: ["mental_health_0"], ageAtLeast: nil, visits: 1,
            every: 1, period: .quarter, visitors: 1),
        Frequency(
            id: "visits.mental_health_basically_stable", categories: ["mental_health_1", "mental_health_2"],
            ageAtLeast: nil, visits: 1, every: 2, period: .month, visitors: 1),
        Frequency(
            id: "visits.mental_health_unstable", categories: ["mental_health_3", "mental_health_4", "mental_health_5"],
            ageAtLeast: nil, visits: 1, every: 1, period: .week, visitors: 2),
        Frequency(
            id: "visits.ordinary_elderly", categories: ["ordinary"], ageAtLeast: 60, visits: 1, every: 1,
            period: .quarter, visitors: 1),
        Frequency(
            id: "visits.ordinary", categories: ["ordinary"], ageAtLeast: nil, visits: 2, every: 1, period: .year,
            visitors: 1),
    ]

    /// visits.caps.
    static let perSlot = 3
    static let perDay = 6
    static let perWeek = 20
    /// visits.default_slots: weekday mornings and afternoons.
    static let defaultSlots: Set<String> = Set(
        ["Mon", "Tue", "Wed", "Thu", "Fri"].flatMap { ["\($0)-AM", "\($0)-PM"] })
    /// visits.caps: minutes one visit takes.
    static let minutesPerVisit = 30
    /// visits.visitors: who visits (in the grids they serve), with up to this share of their weekly hours.
    static let visitorRoles: Set<String> = [
        "community_worker", "grid_worker", "grid_worker_part_time", "grid_worker_auxiliary", "sunk_cadre",
        "party_member_in_service", "party_member_retired", "volunteer",
    ]
    static let shareOfHours = 0.5

    /// The visits a person's week allows: the weekly cap, and the visits their share of hours pays for.
    static func weeklyVisits(hours: Double?) -> Int {
        guard let hours else { return perWeek }
        return min(perWeek, Int((hours * shareOfHours * 60 / Double(minutesPerVisit)).rounded(.down)))
    }

    /// Roles of which one visitor of a two-visitor visit must hold one.
    static let oneVisitorRoles: Set<String> = ["community_worker", "grid_worker"]

    /// The strictest applicable frequency and the most visitors any applicable rule asks for.
    static func requirement(categories: Set<String>, age: Int?) -> (Frequency, visitors: Int)? {
        let applicable = frequencies.filter { rule in
            !rule.categories.isDisjoint(with: categories) && (rule.ageAtLeast.map { (age ?? -1) >= $0 } ?? true)
        }
        guard var best = applicable.first else { return nil }
        for rule in applicable.dropFirst() {
            let mine = rule.visits * best.windowIn48ths
            let theirs = best.visits * rule.windowIn48ths
            if mine > theirs || (mine == theirs && rule.windowIn48ths < best.windowIn48ths) { best = rule }
        }
        return (best, applicable.map(\.visitors).max() ?? 1)
    }
}

/// A calendar day of the tests' own (days since 1970-01-01), with ISO weeks by the Thursday rule.
struct TestDay: Hashable, Comparable, CustomStringConvertible {
    let days: Int

    init(days: Int) { self.days = days }

    init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    init(year: Int, month: Int, day: Int) {
        // days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        days = era * 146_097 + doe - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    var weekday: Int { ((days % 7 + 7) % 7 + 3) % 7 + 1 }

    func adding(_ n: Int) -> TestDay { TestDay(days: days + n) }

    /// The Monday of ISO week `week` of `year`.
    static func monday(year: Int, week: Int) -> TestDay {
        let january4 = TestDay(year: year, month: 1, day: 4)
        return january4.adding(1 - january4.weekday + (week - 1) * 7)
    }

    /// The Monday of the ISO week holding this day.
    var weekMonday: TestDay { adding(1 - weekday) }
    /// The Thursday deciding the week's month and quarter.
    var weekThursday: TestDay { weekMonday.adding(3) }

    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    var dayName: String { Self.dayNames[weekday - 1] }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.days < rhs.days }

    var description: String {
        let (y, m, d) = civil
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}

@Suite struct RosterRuleTableTests {
    /// The table above says what Rules/visits.yaml says.
    @Test func tableMatchesTheRuleFile() throws {
        let text = try String(contentsOf: RosterTestKit.visitRules, encoding: .utf8)
        let blocks = text.components(separatedBy: "  - id: ")
        func block(_ id: String) -> String? { blocks.first { $0.hasPrefix(id + "\n") } }
        for rule in RosterRuleTable.frequencies {
            let body = try #require(block(rule.id), "\(rule.id) is not in visits.yaml")
            #expect(body.contains("frequency: \(rule.text)\n"), "\(rule.id): \(rule.text)")
            for category in rule.categories { #expect(body.contains(category), "\(rule.id): \(category)") }
            if let age = rule.ageAtLeast { #expect(body.contains("age_at_least: \(age)"), "\(rule.id)") }
            if rule.visitors > 1 { #expect(body.contains("visitors: \(rule.visitors)"), "\(rule.id)") }
        }
        let caps = try #require(block("visits.caps"))
        #expect(caps.contains("per_slot: \(RosterRuleTable.perSlot)\n"))
        #expect(caps.contains("per_day: \(RosterRuleTable.perDay)\n"))
        #expect(caps.contains("per_week: \(RosterRuleTable.perWeek)\n"))
        #expect(caps.contains("minutes_per_visit: \(RosterRuleTable.minutesPerVisit)\n"))
        let visitors = try #require(block("visits.visitors"))
        #expect(visitors.contains("share_of_hours: \(RosterRuleTable.shareOfHours)\n"))
        let rolesLine = visitors.split(separator: "\n").first { $0.contains("roles:") } ?? ""
        let roles = rolesLine.split(whereSeparator: { "[], :".contains($0) }).map(String.init).filter { $0 != "roles" }
        #expect(Set(roles) == RosterRuleTable.visitorRoles)
        let slots = try #require(block("visits.default_slots"))
        for slot in RosterRuleTable.defaultSlots { #expect(slots.contains(slot)) }
    }

    @Test func isoWeeksByTheThursdayRule() {
        #expect(TestDay.monday(year: 2026, week: 48).description == "2026-11-23")
        #expect(TestDay.monday(year: 2026, week: 1).description == "2025-12-29")
        #expect(TestDay.monday(year: 2026, week: 53).weekThursday.description == "2026-12-31")
        #expect(TestDay("2026-11-23")?.weekday == 1)
    }
}
