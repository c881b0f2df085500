import Foundation

/// An independent check of a roster.csv: it reads the street, the plan and the roster with the tests' own CSV
/// code and counts due visits with its own arithmetic from ``RosterRuleTable`` (nothing of the planner).
///
/// A visit is forced in a week when the week is the last of the resident's window (weeks belong to the month and
/// quarter of their Thursday): then every visit of the window not yet done must be made. Weekly residents are
/// owed one visit every week. Earlier weeks may spread visits as the planner likes, so they are not counted.
struct RosterChecker {
    struct PersonFacts {
        var roles: Set<String>
        var slots: Set<String>
        var hours: Double?
        var home: String?
        var community: String?
    }

    struct ResidentFacts {
        var building: String
        var categories: Set<String>
        var birthYear: Int?
        var paired: String?
    }

    struct Leave {
        var person: String
        var from: TestDay
        var to: TestDay
    }

    struct HistoryVisit {
        var date: TestDay
        var person: String
        var resident: String
        var outcome: String
    }

    var people: [String: PersonFacts] = [:]
    var residents: [String: ResidentFacts] = [:]
    /// Every grid a building has rows in (plan grids.csv).
    var gridsOfBuilding: [String: Set<String>] = [:]
    /// Every grid of a community (plan grids.csv).
    var gridsOfCommunity: [String: Set<String>] = [:]
    /// Grids each person serves (leaders.csv, cadres.csv, reporting.csv).
    var postsOfPerson: [String: Set<String>] = [:]
    /// People with a cadres.csv post.
    var cadres: Set<String> = []

    init(street: URL, plan: URL) throws {
        for person in try RosterTestKit.read(street.appendingPathComponent("people.csv")).records {
            let id = person["person_id", default: ""]
            let roles = Set(person["roles", default: ""].split(separator: ";").map(String.init))
            let written = person["availability", default: ""].split(separator: ";").map(String.init)
            let home = person["home_building_id", default: ""]
            let community = person["community_id", default: ""]
            people[id] = PersonFacts(
                roles: roles, slots: written.isEmpty ? RosterRuleTable.defaultSlots : Set(written),
                hours: Double(person["hours_per_week", default: ""]), home: home.isEmpty ? nil : home,
                community: community.isEmpty ? nil : community)
        }
        for resident in try RosterTestKit.read(street.appendingPathComponent("residents.csv")).records {
            let paired = resident["paired_person_id", default: ""]
            residents[resident["resident_id", default: ""]] = ResidentFacts(
                building: resident["building_id", default: ""],
                categories: Set(resident["categories", default: ""].split(separator: ";").map(String.init)),
                birthYear: Int(resident["birth_year", default: ""]), paired: paired.isEmpty ? nil : paired)
        }
        for row in try RosterTestKit.read(plan.appendingPathComponent("grids.csv")).records {
            gridsOfBuilding[row["building_id", default: ""], default: []].insert(row["grid_id", default: ""])
            gridsOfCommunity[row["community_id", default: ""], default: []].insert(row["grid_id", default: ""])
        }
        for name in ["leaders.csv", "cadres.csv", "reporting.csv"] {
            let url = plan.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            for row in try RosterTestKit.read(url).records {
                let person = row["person_id", default: ""]
                let grid = row["grid_id", default: ""]
                if !grid.isEmpty { postsOfPerson[person, default: []].insert(grid) }
                if name == "cadres.csv" { cadres.insert(person) }
            }
        }
    }

    /// The grids a person serves (visits.visitors): those of their posts; with none, their home building's;
    /// failing that, every grid of their community.
    func gridsServed(by person: String) -> Set<String> {
        if let posts = postsOfPerson[person], !posts.isEmpty { return posts }
        guard let facts = people[person] else { return [] }
        if let home = facts.home, let grids = gridsOfBuilding[home], !grids.isEmpty { return grids }
        return facts.community.flatMap { gridsOfCommunity[$0] } ?? []
    }

    /// The visits a person can make this week: the weekly cap or the share of hours, and per day the day's cap or
    /// the slots left (not on leave, not a holiday) times the slot's cap.
    func capacity(of person: String, days: Set<TestDay>, leave: [Leave], holidays: Set<TestDay>) -> Int {
        guard let facts = people[person] else { return 0 }
        var total = 0
        for day in days where !holidays.contains(day) {
            if leave.contains(where: { $0.person == person && $0.from <= day && day <= $0.to }) { continue }
            let slots = ["AM", "PM", "EVE"].filter { facts.slots.contains("\(day.dayName)-\($0)") }.count
            total += min(RosterRuleTable.perDay, slots * RosterRuleTable.perSlot)
        }
        return min(total, RosterRuleTable.weeklyVisits(hours: facts.hours))
    }

    /// The frequency and visitors a resident is owed, with the age taken in the year of the week's Thursday.
    func requirement(_ id: String, year: Int) -> (RosterRuleTable.Frequency, visitors: Int)? {
        guard let resident = residents[id] else { return nil }
        return RosterRuleTable.requirement(
            categories: resident.categories, age: resident.birthYear.map { year - $0 })
    }

    /// The weeks (Mondays) of a resident's window holding the week of `monday`, by the Thursday rule.
    static func window(of rule: RosterRuleTable.Frequency, monday: TestDay) -> [TestDay] {
        let thursday = monday.adding(3).civil
        func key(_ day: TestDay) -> Int {
            let c = day.adding(3).civil
            switch rule.period {
            case .week: return day.days
            case .month: return c.year * 12 + (c.month - 1) / rule.every
            case .quarter: return c.year * 4 + (c.month - 1) / 3
            case .year: return c.year
            }
        }
        let mine = key(monday)
        var weeks: [TestDay] = []
        var day = TestDay(year: thursday.year, month: 1, day: 1).weekMonday.adding(-7)
        let end = TestDay(year: thursday.year, month: 12, day: 31).weekMonday.adding(7)
        while day <= end {
            if key(day) == mine { weeks.append(day) }
            day = day.adding(7)
        }
        return weeks
    }

    struct WeekReport {
        var forcedVisits = 0
        var forcedMet = 0
        var visitRows = 0
        var pairedResidents = 0
        var pairedKept = 0
        /// Paired residents whose paired person has room for them this week (hours, slots, leave, holidays).
        var pairedAttainable = 0
        var cadresWithRound = 0
        var cadres = 0
        var violations: [String] = []

        var pairedShare: Double { pairedResidents == 0 ? 1 : Double(pairedKept) / Double(pairedResidents) }
        /// Kept pairings against those the paired people can make.
        var pairedAttainableShare: Double {
            pairedAttainable == 0 ? 1 : Double(pairedKept) / Double(pairedAttainable)
        }
    }

    /// Visits of a roster: a resident's rows grouped by date and slot.
    static func visits(_ roster: [[String: String]]) -> [String: [String: [String]]] {
        var result: [String: [String: [String]]] = [:]
        for row in roster where row["kind"] == "visit" {
            let resident = row["resident_id", default: ""]
            result[resident, default: [:]][row["date", default: ""] + " " + row["slot", default: ""], default: []]
                .append(row["person_id", default: ""])
        }
        return result
    }

    /// Checks one week's roster.csv rows.
    func check(
        roster: [[String: String]], week monday: TestDay, history: [HistoryVisit] = [], leave: [Leave] = [],
        holidays: Set<TestDay> = []
    ) -> WeekReport {
        var report = WeekReport()
        let year = monday.adding(3).civil.year
        let days = Set((0..<7).map { monday.adding($0) })
        var perSlot: [String: Int] = [:]
        var perDay: [String: Int] = [:]
        var perWeek: [String: Int] = [:]
        var rounds: [String: [String]] = [:]
        for row in roster {
            let person = row["person_id", default: ""]
            let slot = row["slot", default: ""]
            guard let date = TestDay(row["date", default: ""]), days.contains(date) else {
                report.violations.append("date outside the week: \(row)")
                continue
            }
            guard let facts = people[person] else {
                report.violations.append("unknown person: \(row)")
                continue
            }
            if !facts.slots.contains("\(date.dayName)-\(slot)") {
                report.violations.append("\(person) outside availability on \(date) \(slot)")
            }
            if holidays.contains(date) { report.violations.append("\(person) scheduled on holiday \(date)") }
            if leave.contains(where: { $0.person == person && $0.from <= date && date <= $0.to }) {
                report.violations.append("\(person) scheduled on leave on \(date)")
            }
            if row["kind"] == "door_knocking" {
                rounds[person, default: []].append(row["grid_id", default: ""])
                continue
            }
            report.visitRows += 1
            let resident = row["resident_id", default: ""]
            guard let home = residents[resident] else {
                report.violations.append("unknown resident: \(row)")
                continue
            }
            if !(gridsOfBuilding[home.building]?.contains(row["grid_id", default: ""]) ?? false) {
                report.violations.append("\(resident) visited in grid \(row["grid_id", default: ""]), not its own")
            }
            perSlot["\(person) \(date) \(slot)", default: 0] += 1
            perDay["\(person) \(date)", default: 0] += 1
            perWeek[person, default: 0] += 1
        }
        for (key, count) in perSlot where count > RosterRuleTable.perSlot {
            report.violations.append("\(key): \(count) visits in a slot")
        }
        for (key, count) in perDay where count > RosterRuleTable.perDay {
            report.violations.append("\(key): \(count) visits in a day")
        }
        for (key, count) in perWeek where count > RosterRuleTable.weeklyVisits(hours: people[key]?.hours) {
            report.violations.append("\(key): \(count) visits in the week, over the cap or the share of hours")
        }
        let visits = Self.visits(roster)
        var residentsOfPaired: [String: Int] = [:]
        for (id, resident) in residents.sorted(by: { $0.key < $1.key }) {
            guard let (rule, visitors) = requirement(id, year: year) else { continue }
            var met = 0
            for (_, group) in visits[id] ?? [:] where Set(group).count >= visitors {
                if visitors > 1,
                    !group.contains(where: {
                        !(people[$0]?.roles ?? []).isDisjoint(with: RosterRuleTable.oneVisitorRoles)
                    })
                {
                    report.violations.append("\(id): no community or grid worker among \(group)")
                    continue
                }
                met += 1
            }
            let window = Self.window(of: rule, monday: monday)
            if window.last == monday {
                let start = window.first ?? monday
                let doneRows = history.filter {
                    $0.resident == id && $0.outcome == "done" && start <= $0.date && $0.date < monday
                }.count
                let forced = max(0, rule.visits - doneRows / visitors)
                report.forcedVisits += forced
                report.forcedMet += min(met, forced)
                if met < forced { report.violations.append("\(id): \(met) of \(forced) due visits (\(rule.id))") }
            }
            if let paired = resident.paired, let group = visits[id] {
                report.pairedResidents += 1
                residentsOfPaired[paired, default: 0] += 1
                if group.values.contains(where: { $0.contains(paired) }) { report.pairedKept += 1 }
            }
        }
        for (person, count) in residentsOfPaired {
            report.pairedAttainable += min(count, capacity(of: person, days: days, leave: leave, holidays: holidays))
        }
        for cadre in cadres.sorted() where people[cadre]?.roles.contains("sunk_cadre") == true {
            report.cadres += 1
            // A cadre with no slot left this week (leave, holidays) cannot knock: the planner warns instead.
            let canServe = days.contains { day in
                !holidays.contains(day) && !leave.contains { $0.person == cadre && $0.from <= day && day <= $0.to }
                    && ["AM", "PM", "EVE"].contains { people[cadre]?.slots.contains("\(day.dayName)-\($0)") == true }
            }
            guard let grids = rounds[cadre], !grids.isEmpty else {
                if canServe { report.violations.append("cadre \(cadre) has no door-knocking round") }
                continue
            }
            report.cadresWithRound += 1
            if let posts = postsOfPerson[cadre], !grids.allSatisfy(posts.contains) {
                report.violations.append("cadre \(cadre) knocks in \(grids), serving \(posts.sorted())")
            }
        }
        return report
    }
}
