import GridModel
import GridRules

/// The input of one week's roster prepared for planning: people and residents indexed in id order, who serves
/// which grid, and every person's available slots.
///
/// Areas (`visits.visitors`): a person serves the grids of their posts; with no post, the grid of their home
/// building; failing that, every grid of their community. A visit is offered to visitors serving the resident's
/// grid, and always to the resident's paired person (结对认亲).
///
/// Availability: a person serves in their weekly slots (the rules' default slots when people.csv gives none),
/// never on a day of their leave or on a holiday. A 调休 working weekend counts as a weekday: the person serves
/// in the periods they hold on any Monday–Friday, as well as their own slots of that day.
struct RosterContext: Sendable {
    let input: RosterInput
    let rules: VisitRules
    let ruleSet: RuleSet
    let calendar: RosterCalendar
    /// People sorted by id.
    let people: [Person]
    let personIndex: [PersonID: Int]
    /// Residents sorted by id.
    let residents: [Resident]
    let residentIndex: [ResidentID: Int]
    /// The grid of each resident whose building is in the plan.
    let gridOfResident: [ResidentID: GridID]
    let communityOfGrid: [GridID: CommunityID]
    /// The grids each person serves, sorted (empty when none).
    let gridsOfPerson: [[GridID]]
    /// Whether a person's roles let them visit (`visits.visitors`).
    let isVisitor: [Bool]
    /// People who may visit a grid's residents (visitor roles), by index, sorted.
    let visitorsOfGrid: [GridID: [Int]]
    /// Each person's facts for rule conditions.
    let facts: [ConditionFacts]
    /// Each person's week before anything is placed.
    let ledgers: [VisitorLedger]
    /// Days of leave in the week, per person (for messages).
    let leaveDays: [Int: [CalendarDate]]

    init(input: RosterInput, ruleSet: RuleSet) {
        self.input = input
        self.ruleSet = ruleSet
        let rules = ruleSet.visits
        self.rules = rules
        let calendar = RosterCalendar(input.calendar)
        self.calendar = calendar
        let people = input.street.people.sorted { $0.id < $1.id }
        self.people = people
        personIndex = people.firstIndices(by: \.id)
        let residents = input.street.residents.sorted { $0.id < $1.id }
        self.residents = residents
        residentIndex = residents.firstIndices(by: \.id)
        var communityOfBuilding: [BuildingID: CommunityID] = [:]
        for building in input.street.buildings { communityOfBuilding[building.id] = building.communityID }
        var communityOfGrid: [GridID: CommunityID] = [:]
        var gridsOfCommunity: [CommunityID: Set<GridID>] = [:]
        for (building, grid) in input.gridOfBuilding.sorted(by: { $0.key < $1.key }) {
            guard let community = communityOfBuilding[building] else { continue }
            if communityOfGrid[grid] == nil { communityOfGrid[grid] = community }
            gridsOfCommunity[community, default: []].insert(grid)
        }
        self.communityOfGrid = communityOfGrid
        var gridOfResident: [ResidentID: GridID] = [:]
        for resident in residents {
            if let grid = input.gridOfBuilding[resident.buildingID] { gridOfResident[resident.id] = grid }
        }
        self.gridOfResident = gridOfResident
        let visitorRoles = Set(rules.visitorRoles.value)
        var gridsOfPerson: [[GridID]] = []
        var isVisitor: [Bool] = []
        var visitorsOfGrid: [GridID: [Int]] = [:]
        var facts: [ConditionFacts] = []
        for (index, person) in people.enumerated() {
            var grids = input.postsOfPerson[person.id] ?? []
            if grids.isEmpty, case .building(let home) = person.home, let grid = input.gridOfBuilding[home] {
                grids = [grid]
            }
            if grids.isEmpty, let community = person.communityID { grids = gridsOfCommunity[community] ?? [] }
            let sorted = grids.sorted()
            gridsOfPerson.append(sorted)
            let visits = !person.roles.isDisjoint(with: visitorRoles)
            isVisitor.append(visits)
            if visits { for grid in sorted { visitorsOfGrid[grid, default: []].append(index) } }
            facts.append(
                ConditionFacts(
                    isPartyMember: person.isPartyMember, roles: person.roles, skills: Set(person.skills)))
        }
        self.gridsOfPerson = gridsOfPerson
        self.isVisitor = isVisitor
        self.visitorsOfGrid = visitorsOfGrid
        self.facts = facts
        var leaveOf: [PersonID: [Leave]] = [:]
        for leave in input.leave { leaveOf[leave.personID, default: []].append(leave) }
        var leaveDays: [Int: [CalendarDate]] = [:]
        var ledgers: [VisitorLedger] = []
        let week = input.week
        for (index, person) in people.enumerated() {
            let own = person.availability ?? rules.defaultSlots.value
            let leaves = leaveOf[person.id] ?? []
            let weekdayPeriods = Set(own.filter { $0.day.rawValue <= 5 }.map(\.period))
            var slots: Set<RosterSlot> = []
            for (day, date) in week.days.enumerated() {
                if leaves.contains(where: { $0.covers(date) }) {
                    leaveDays[index, default: []].append(date)
                    continue
                }
                guard !calendar.holidays.contains(date) else { continue }
                for slot in own where slot.day.rawValue == date.isoWeekday {
                    slots.insert(RosterSlot(day: day, period: slot.period))
                }
                if calendar.workdays.contains(date) && date.isoWeekday >= 6 {
                    for period in weekdayPeriods { slots.insert(RosterSlot(day: day, period: period)) }
                }
            }
            ledgers.append(
                VisitorLedger(
                    slots: slots.sorted(), slotCap: rules.maxVisitsPerSlot.value, dayCap: rules.maxVisitsPerDay.value,
                    visitLimit: Self.visitLimit(person, rules: rules, share: rules.visitShareOfHours.value),
                    pairedLimit: Self.visitLimit(person, rules: rules, share: rules.pairedShareOfHours.value)))
        }
        self.ledgers = ledgers
        self.leaveDays = leaveDays
    }

    /// The week's visit limit: the weekly cap, and the visits that a share of weekly hours allows.
    static func visitLimit(_ person: Person, rules: VisitRules, share: Double) -> Int {
        let cap = rules.maxVisitsPerWeek.value
        guard let hours = person.hoursPerWeek, hours.isFinite, hours >= 0 else { return cap }
        let minutes = hours * share * 60
        let byHours = Int((minutes / Double(max(1, rules.minutesPerVisit.value))).rounded(.down))
        return min(cap, byHours)
    }

    /// Visits that hours allow, for load ratios (the weekly cap when hours are unknown); at least 1.
    func hourBudget(_ person: Int) -> Double {
        let person = people[person]
        guard let hours = person.hoursPerWeek, hours > 0 else { return Double(max(1, rules.maxVisitsPerWeek.value)) }
        return max(1, hours * rules.visitShareOfHours.value * 60 / Double(max(1, rules.minutesPerVisit.value)))
    }

    /// Whether a resident's needs (skills) are all among a person's skills; needs that are no skill a person has
    /// anywhere are ignored by the caller.
    func hasSkills(_ person: Int, for needs: [Skill]) -> Bool {
        needs.isEmpty || Set(people[person].skills).isSuperset(of: needs)
    }

    /// The day of a date in the planned week (0 = Monday), nil outside it.
    func day(of date: CalendarDate) -> Int? {
        let offset = date.daysSinceEpoch - input.week.monday.daysSinceEpoch
        return (0..<7).contains(offset) ? offset : nil
    }
}
