import GridModel

/// The numbers and conditions the staffing job reads (staffing.yaml), each with the rule it comes from.
public struct StaffingRules: Sendable {
    /// A post that holders fill per grid or micro-grid, with who is eligible.
    public struct Post: Sendable {
        /// Holders per grid (or micro-grid, or building).
        public var perUnit: Sourced<Int>
        /// Who may hold it.
        public var eligible: Sourced<RuleCondition>
        /// The rule.
        public var ruleID: RuleID
    }

    /// A preferred pool for micro-grid leaders and its bonus in the objective.
    public struct Pool: Hashable, Sendable {
        /// The pool's name.
        public var name: String
        /// Who belongs to the pool.
        public var condition: RuleCondition
        /// The objective bonus for a leader from this pool.
        public var bonus: Double
    }

    /// A cadre post's weekly workload: a base per grid plus a share per cared-for resident.
    public struct PostWorkload: Hashable, Sendable {
        /// The post id (`know_people`, `pair_family`, …).
        public var post: String
        /// Weekly hours per grid whatever its residents.
        public var baseHoursPerWeek: Double
        /// Extra weekly hours per cared-for resident of the grid.
        public var hoursPerCaredResident: Double
        /// The rule.
        public var ruleID: RuleID

        /// The weekly hours of this post in a grid with `caredResidents` cared-for residents.
        public func hours(caredResidents: Int) -> Double {
            baseHoursPerWeek + hoursPerCaredResident * Double(caredResidents)
        }
    }

    /// Grid leader (网格长): one per grid from the eligible roles.
    public var gridLeader: Post
    /// How many grids one person may lead.
    public var maxGridsPerLeader: Sourced<Int>
    /// Whether one person may lead two small grids, and their combined household limit.
    public var twoSmallGridsAllowed: Sourced<Bool>
    /// Combined households up to which one leader may lead two small grids.
    public var twoSmallGridsMaxHouseholds: Sourced<Int>
    /// Full-time grid worker (专职网格员): one per grid.
    public var gridWorker: Post
    /// Micro-grid leader (微网格长): party member within the radius.
    public var microGridLeader: Post
    /// The radius the micro-grid leader condition requires (300 m by default), for shortfall messages.
    public var microGridLeaderRadiusMetres: Sourced<Double>?
    /// Preferred pools for micro-grid leaders (soft) and the rule's weight.
    public var microGridLeaderPools: [Pool]
    /// The rule that states the preferred pools.
    public var microGridLeaderPoolsRule: RuleID
    /// The weight of that soft rule.
    public var microGridLeaderPoolsWeight: Double
    /// At most this many leader posts per person per level.
    public var maxPostsPerPersonPerLevel: Sourced<Int>
    /// Building leader (楼栋长).
    public var buildingLeader: Post
    /// Buildings with at least this many households get a leader.
    public var buildingLeaderMinHouseholds: Sourced<Int>
    /// Compound types that get building leaders; nil means all.
    public var buildingLeaderCompoundTypes: Sourced<[CompoundType]?>
    /// Whether the building leader must live in the building.
    public var buildingLeaderFromResidents: Sourced<Bool>
    /// Sunk-down cadres (下沉干部): who counts, posts each, default weekly hours.
    public var cadreEligible: Sourced<RuleCondition>
    /// Posts every cadre holds at least (认人、认亲、认岗、认事).
    public var minPostsPerCadre: Sourced<Int>
    /// Weekly hours of a cadre whose hours people.csv leaves empty.
    public var defaultCadreWeeklyHours: Sourced<Double>
    /// Per grid: at least this many cadres from at least this many departments.
    public var minCadresPerGrid: Sourced<Int>
    /// Departments a grid's cadres come from at least.
    public var minDepartmentsPerGrid: Sourced<Int>
    /// Cadre post workloads, sorted by post id.
    public var postWorkloads: [PostWorkload]
    /// Mentoring (老带新).
    public var mentorEligible: Sourced<RuleCondition>
    /// Who gets a mentor (new workers).
    public var menteeEligible: Sourced<RuleCondition>
    /// New workers one mentor takes at most.
    public var mentorCapacity: Sourced<Int>
    /// Objective bonus for a mentor from the mentee's community.
    public var sameCommunityMentorBonus: Sourced<Double>
    /// Reporting party members (双报到).
    public var reportingEligible: Sourced<RuleCondition>
    /// `home`: the community where they live.
    public var reportingCommunity: Sourced<String>
    /// Reporting party members one community takes at most.
    public var reportingCapacityPerCommunity: Sourced<Int>
    /// Volunteering hours a reporting member gives a year.
    public var reportingHoursPerYear: Sourced<Double>
    /// Community workers per 10,000 residents (soft target).
    public var communityWorkersPer10000: Sourced<Double>
    /// Grid leader's daily patrol minutes.
    public var patrolMinutesPerDay: Sourced<Int>
    /// Objective terms of the staffing job.
    public var objective: [ObjectiveTerm]

    /// The workload of a cadre post, nil for an unknown post.
    public func workload(of post: String) -> PostWorkload? {
        postWorkloads.first { $0.post == post }
    }

    init?(reading index: RuleIndex) {
        let leader = index.one(.gridLeader).flatMap { rule in
            index.parameters(rule, ["per_grid", "eligible", "max_grids_per_person", "two_small_grids"]).map {
                (rule, $0)
            }
        }
        let leaderPost = leader.flatMap { Self.post($0.1, "per_grid", rule: $0.0) }
        let maxGrids = leader?.1.int("max_grids_per_person", atLeast: 1)
        let twoSmall = leader?.1.map("two_small_grids", keys: ["allowed", "max_combined_households"])
        let twoAllowed = twoSmall?.bool("allowed")
        let twoMax = twoSmall?.int("max_combined_households", atLeast: 1)
        let worker = index.one(.gridWorker).flatMap { rule in
            index.parameters(rule, ["per_grid", "eligible"]).flatMap { Self.post($0, "per_grid", rule: rule) }
        }
        let micro = index.one(.microGridLeader).flatMap { rule in
            index.parameters(rule, ["per_micro_grid", "eligible"]).flatMap {
                Self.post($0, "per_micro_grid", rule: rule)
            }
        }
        let poolsRule = index.one(.preferredPools)
        let poolMaps = poolsRule.flatMap {
            index.parameters($0, ["pools"])?.maps("pools", keys: ["name", "when", "bonus"])
        }
        let pools = poolMaps?.compactMap { map -> Pool? in
            guard let name = map.text("name"), let when = map.condition("when"), let bonus = map.number("bonus") else {
                return nil
            }
            return Pool(name: name.value, condition: when.value, bonus: bonus.value)
        }
        let postLimit = index.one(.postLimit).flatMap {
            index.parameters($0, ["max_posts_per_person_per_level"])?.int("max_posts_per_person_per_level", atLeast: 1)
        }
        let building = index.one(.buildingLeader).flatMap { rule in
            index.parameters(
                rule, ["per_building", "min_households", "compound_types", "from_residents_of_building", "eligible"]
            )
            .map { (rule, $0) }
        }
        let buildingPost = building.flatMap { Self.post($0.1, "per_building", rule: $0.0) }
        let buildingMin = building?.1.int("min_households")
        let buildingTypes = building?.1.compoundTypes("compound_types")
        let buildingResidents = building?.1.bool("from_residents_of_building")
        let cadres = index.one(.cadrePosts).flatMap {
            index.parameters($0, ["eligible", "min_posts_per_cadre", "default_weekly_hours"])
        }
        let cadreEligible = cadres?.condition("eligible")
        let minPosts = cadres?.int("min_posts_per_cadre", atLeast: 1)
        let weekly = cadres?.number("default_weekly_hours")
        let perGrid = index.one(.cadresPerGrid).flatMap { index.parameters($0, ["min_cadres", "min_departments"]) }
        let minCadres = perGrid?.int("min_cadres")
        let minDepartments = perGrid?.int("min_departments")
        if let minCadres, let minDepartments, minDepartments.value > minCadres.value {
            index.context.report(
                .contradiction, at: minDepartments.location,
                "\(minDepartments.ruleID): min_departments \(minDepartments.value) is above min_cadres "
                    + "\(minCadres.value); "
                    + "each department needs at least one cadre"
            )
        }
        let workloadRule = index.one(.postWorkload)
        let workloads = workloadRule.flatMap { rule in
            index.parameters(rule, ["posts"])?.maps(
                "posts", keys: ["id", "base_hours_per_week", "hours_per_cared_resident"])?
                .compactMap { map -> PostWorkload? in
                    guard let id = map.text("id"), let base = map.number("base_hours_per_week"),
                        let share = map.number("hours_per_cared_resident")
                    else { return nil }
                    return PostWorkload(
                        post: id.value, baseHoursPerWeek: base.value, hoursPerCaredResident: share.value,
                        ruleID: rule.id)
                }
        }
        let mentoring = index.one(.mentoring).flatMap {
            index.parameters($0, ["mentors", "mentees", "mentor_capacity", "same_community_bonus"])
        }
        let mentors = mentoring?.condition("mentors")
        let mentees = mentoring?.condition("mentees")
        let capacity = mentoring?.int("mentor_capacity", atLeast: 1)
        let bonus = mentoring?.number("same_community_bonus")
        let reporting = index.one(.reporting).flatMap {
            index.parameters($0, ["eligible", "community", "capacity_per_community", "hours_per_year"])
        }
        let reportingEligible = reporting?.condition("eligible")
        let reportingCommunity = reporting?.word("community", oneOf: ["home"])
        let reportingCapacity = reporting?.int("capacity_per_community", atLeast: 1)
        let reportingHours = reporting?.number("hours_per_year")
        let ratio = index.one(.staffRatio).flatMap {
            index.parameters($0, ["min_per_10000_residents"])?.number("min_per_10000_residents")
        }
        let patrol = index.one(.patrol).flatMap { index.parameters($0, ["minutes_per_day"])?.int("minutes_per_day") }
        guard let leaderPost, let maxGrids, let twoAllowed, let twoMax, let worker, let micro, let poolsRule, let pools,
            let postLimit, let buildingPost, let buildingMin, let buildingTypes, let buildingResidents,
            let cadreEligible,
            let minPosts, let weekly, let minCadres, let minDepartments, let workloads, let mentors, let mentees,
            let capacity, let bonus, let reportingEligible, let reportingCommunity, let reportingCapacity,
            let reportingHours, let ratio, let patrol
        else { return nil }
        gridLeader = leaderPost
        maxGridsPerLeader = maxGrids
        twoSmallGridsAllowed = twoAllowed
        twoSmallGridsMaxHouseholds = twoMax
        gridWorker = worker
        microGridLeader = micro
        microGridLeaderRadiusMetres = micro.eligible.value.requiredRadiusMetres.map {
            Sourced($0, ruleID: micro.ruleID, location: micro.eligible.location)
        }
        microGridLeaderPools = pools
        microGridLeaderPoolsRule = poolsRule.id
        microGridLeaderPoolsWeight = poolsRule.kind.weight ?? 0
        maxPostsPerPersonPerLevel = postLimit
        buildingLeader = buildingPost
        buildingLeaderMinHouseholds = buildingMin
        buildingLeaderCompoundTypes = buildingTypes
        buildingLeaderFromResidents = buildingResidents
        self.cadreEligible = cadreEligible
        minPostsPerCadre = minPosts
        defaultCadreWeeklyHours = weekly
        minCadresPerGrid = minCadres
        minDepartmentsPerGrid = minDepartments
        postWorkloads = workloads.sorted { $0.post < $1.post }
        mentorEligible = mentors
        menteeEligible = mentees
        mentorCapacity = capacity
        sameCommunityMentorBonus = bonus
        self.reportingEligible = reportingEligible
        self.reportingCommunity = reportingCommunity
        reportingCapacityPerCommunity = reportingCapacity
        reportingHoursPerYear = reportingHours
        communityWorkersPer10000 = ratio
        patrolMinutesPerDay = patrol
        objective = ObjectiveTerm.read(index).filter { $0.term == "cadre_proximity_familiarity_balance" }
    }

    private static func post(_ map: ParameterMap, _ countKey: String, rule: Rule) -> Post? {
        let count = map.int(countKey, atLeast: 1)
        let eligible = map.condition("eligible")
        guard let count, let eligible else { return nil }
        return Post(perUnit: count, eligible: eligible, ruleID: rule.id)
    }
}
