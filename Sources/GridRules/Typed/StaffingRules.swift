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

        /// A post of `perUnit` holders eligible by `eligible`, stated by `ruleID`.
        public init(perUnit: Sourced<Int>, eligible: Sourced<RuleCondition>, ruleID: RuleID) {
            self.perUnit = perUnit
            self.eligible = eligible
            self.ruleID = ruleID
        }
    }

    /// Who staffs a special grid (专属网格) and how many of the usual posts it has (staffing.special_grid).
    public struct SpecialGridStaffing: Sendable {
        /// The grid leader post: one per special grid; who may hold it (the facts include whether the person works
        /// in the site).
        public var gridLeader: Post
        /// The leader post of each of its micro-grids.
        public var microGridLeader: Post
        /// Cost saved (× the post's preference weight) by a leader who works in the site.
        public var sitePeopleBonus: Double
        /// Full-time grid workers per special grid.
        public var gridWorkersPerGrid: Int
        /// Sunk-down cadres per special grid.
        public var cadresPerGrid: Int
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

    /// How the cadre model weighs nearness, load and familiarity (`staffing.cadre_nearby`): a holding of a post in
    /// a grid costs `postCost + weight × (min(distance, cap) / metresPerCostUnit + post hours / weekly hours)`, less
    /// `weight × familiarBonus` where the cadre served the grid before; each cadre present in a grid costs
    /// `gridPresenceCost`.
    public struct CadrePlacement: Hashable, Sendable {
        /// The soft rule's weight on nearness, load and familiarity.
        public var weight: Double
        /// Metres of distance from home that cost one unit.
        public var metresPerCostUnit: Double
        /// Distances above this count as this.
        public var distanceCapMetres: Double
        /// The distance counted for a cadre whose home is unknown.
        public var unknownDistanceMetres: Double
        /// Units (× weight) saved by a cadre who served the grid before.
        public var familiarBonus: Double
        /// The cost of each post held, whatever the weight (fewer posts where the rules ask for no more).
        public var postCost: Double
        /// The cost of each cadre present in a grid (a cadre's posts gather in fewer grids).
        public var gridPresenceCost: Double
        /// The rule.
        public var ruleID: RuleID
    }

    /// How grid leaders and grid workers are chosen among the eligible (`staffing.grid_post_preference`): a person
    /// costs `weight × (min(distance, cap) / metresPerCostUnit − bonuses)`; an unknown distance counts as the cap.
    public struct GridPostPreference: Hashable, Sendable {
        /// The soft rule's weight.
        public var weight: Double
        /// Metres from home to the grid's nearest building that cost one unit.
        public var metresPerCostUnit: Double
        /// Distances above this (and unknown ones) count as this.
        public var distanceCapMetres: Double
        /// Units saved by a person living in the grid.
        public var livesInGridBonus: Double
        /// Units saved by the person holding the post in the grid today.
        public var currentHolderBonus: Double
        /// Units a person leading a second small grid costs (where the rules allow two).
        public var secondGridCost: Double
        /// The rule.
        public var ruleID: RuleID
    }

    /// How micro-grid leaders are chosen among the eligible (`staffing.micro_grid_leader_preference`): a person
    /// costs `weight × (costPerRadius × min(distance, distanceCapRadii × radius) / radius − score × scoreBonus −
    /// currentHolderBonus)`, less the preferred pool's bonus.
    public struct MicroGridLeaderPreference: Hashable, Sendable {
        /// The soft rule's weight.
        public var weight: Double
        /// Units a home one radius (300 m by default) from the micro-grid costs.
        public var costPerRadius: Double
        /// Distances above this many radii count as this.
        public var distanceCapRadii: Double
        /// Units saved by the best ability and enthusiasm score (scores are 0…1).
        public var scoreBonus: Double
        /// Units saved by the person leading the micro-grid today.
        public var currentHolderBonus: Double
        /// The rule.
        public var ruleID: RuleID
    }

    /// How a building's leader is chosen among its eligible residents (`staffing.building_leader_preference`): the
    /// highest `weight × (current holder + party member + score × scoreBonus)` plus the preferred pool's bonus, ties
    /// to the smaller person id.
    public struct BuildingLeaderPreference: Hashable, Sendable {
        /// The soft rule's weight.
        public var weight: Double
        /// Points for the person leading the building today.
        public var currentHolderBonus: Double
        /// Points for a party member.
        public var partyMemberBonus: Double
        /// Points for the best ability and enthusiasm score (scores are 0…1).
        public var scoreBonus: Double
        /// The rule.
        public var ruleID: RuleID
    }

    /// Grid leader (网格长): one per grid from the eligible roles.
    public var gridLeader: Post
    /// How many grids one person may lead.
    public var maxGridsPerLeader: Sourced<Int>
    /// Whether one person may lead two small grids, and their combined household limit.
    public var twoSmallGridsAllowed: Sourced<Bool>
    /// Combined households up to which one leader may lead two small grids.
    public var twoSmallGridsMaxHouseholds: Sourced<Int>
    /// How special grids are staffed.
    public var specialGrid: SpecialGridStaffing
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
    /// Metres between homes that cost a mentor pairing one unit.
    public var mentorMetresPerCostUnit: Sourced<Double>
    /// Distances between homes above this count as this.
    public var mentorDistanceCapMetres: Sourced<Double>
    /// The distance counted when either home is unknown.
    public var mentorUnknownDistanceMetres: Sourced<Double>
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
    /// Which post holders' phones a notice card prints, and the hotline (`staffing.public_contacts`).
    public var publicContacts: PublicContacts
    /// Objective terms of the staffing job, sorted by rule id.
    public var objective: [ObjectiveTerm]
    /// The cadre model's nearness, load and familiarity (`staffing.cadre_nearby`).
    public var cadrePlacement: CadrePlacement
    /// The choice among eligible grid leaders and workers.
    public var gridPostPreference: GridPostPreference
    /// The choice among eligible micro-grid leaders.
    public var microGridLeaderPreference: MicroGridLeaderPreference
    /// The choice among a building's eligible residents.
    public var buildingLeaderPreference: BuildingLeaderPreference

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
        let special = index.one(.specialGridStaffing).flatMap { rule -> SpecialGridStaffing? in
            guard
                let map = index.parameters(
                    rule, ["grid_leader", "micro_grid_leader", "site_people_bonus", "grid_workers_per_grid",
                           "cadres_per_grid"]),
                let leader = map.condition("grid_leader"), let microLeader = map.condition("micro_grid_leader"),
                let bonus = map.number("site_people_bonus"), let workers = map.int("grid_workers_per_grid"),
                let cadres = map.int("cadres_per_grid")
            else { return nil }
            return SpecialGridStaffing(
                gridLeader: Post(perUnit: leader.map { _ in 1 }, eligible: leader, ruleID: rule.id),
                microGridLeader: Post(perUnit: microLeader.map { _ in 1 }, eligible: microLeader, ruleID: rule.id),
                sitePeopleBonus: bonus.value,
                gridWorkersPerGrid: workers.value, cadresPerGrid: cadres.value, ruleID: rule.id)
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
                Message.text(
                    "rules.staffing.departments_above_cadres",
                    [
                        "rule": minDepartments.ruleID.rawValue, "departments": "\(minDepartments.value)",
                        "cadres": "\(minCadres.value)",
                    ])
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
            index.parameters(
                $0,
                [
                    "mentors", "mentees", "mentor_capacity", "same_community_bonus", "metres_per_cost_unit",
                    "distance_cap_m", "unknown_distance_m",
                ])
        }
        let mentors = mentoring?.condition("mentors")
        let mentees = mentoring?.condition("mentees")
        let capacity = mentoring?.int("mentor_capacity", atLeast: 1)
        let bonus = mentoring?.number("same_community_bonus")
        let mentorScale = mentoring?.number("metres_per_cost_unit")
        if let mentorScale, mentorScale.value <= 0 {
            index.context.report(
                .outOfRange, at: mentorScale.location,
                Message.text(
                    "rules.parameters.not_positive",
                    [
                        "rule": mentorScale.ruleID.rawValue, "key": "metres_per_cost_unit",
                        "found": RuleKind.format(mentorScale.value),
                    ]))
        }
        let mentorCap = mentoring?.number("distance_cap_m")
        let mentorUnknown = mentoring?.number("unknown_distance_m")
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
        let contacts = PublicContacts.read(index)
        let terms = ObjectiveTerm.read(index).filter { Self.terms.contains($0.term) }
        let cadreTerm = ObjectiveTerm.required("cadre_proximity_familiarity_balance", in: terms, index: index)
        let postTerm = ObjectiveTerm.required("grid_post_preference", in: terms, index: index)
        let microTerm = ObjectiveTerm.required("micro_grid_leader_preference", in: terms, index: index)
        let buildingTerm = ObjectiveTerm.required("building_leader_preference", in: terms, index: index)
        guard let cadreTerm, let postTerm, let microTerm, let buildingTerm, let mentorScale, mentorScale.value > 0,
            let mentorCap, let mentorUnknown
        else { return nil }
        guard let leaderPost, let maxGrids, let twoAllowed, let twoMax, let worker, let micro, let special,
            let poolsRule,
            let pools,
            let postLimit, let buildingPost, let buildingMin, let buildingTypes, let buildingResidents,
            let cadreEligible,
            let minPosts, let weekly, let minCadres, let minDepartments, let workloads, let mentors, let mentees,
            let capacity, let bonus, let reportingEligible, let reportingCommunity, let reportingCapacity,
            let reportingHours, let ratio, let patrol, let contacts
        else { return nil }
        gridLeader = leaderPost
        maxGridsPerLeader = maxGrids
        twoSmallGridsAllowed = twoAllowed
        twoSmallGridsMaxHouseholds = twoMax
        gridWorker = worker
        specialGrid = special
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
        publicContacts = contacts
        mentorMetresPerCostUnit = mentorScale
        mentorDistanceCapMetres = mentorCap
        mentorUnknownDistanceMetres = mentorUnknown
        objective = terms
        cadrePlacement = CadrePlacement(
            weight: cadreTerm.weight, metresPerCostUnit: cadreTerm.coefficient("metres_per_cost_unit"),
            distanceCapMetres: cadreTerm.coefficient("distance_cap_m"),
            unknownDistanceMetres: cadreTerm.coefficient("unknown_distance_m"),
            familiarBonus: cadreTerm.coefficient("familiar_bonus"), postCost: cadreTerm.coefficient("post_cost"),
            gridPresenceCost: cadreTerm.coefficient("grid_presence_cost"), ruleID: cadreTerm.ruleID)
        gridPostPreference = GridPostPreference(
            weight: postTerm.weight, metresPerCostUnit: postTerm.coefficient("metres_per_cost_unit"),
            distanceCapMetres: postTerm.coefficient("distance_cap_m"),
            livesInGridBonus: postTerm.coefficient("lives_in_grid_bonus"),
            currentHolderBonus: postTerm.coefficient("current_holder_bonus"),
            secondGridCost: postTerm.coefficient("second_grid_cost"), ruleID: postTerm.ruleID)
        microGridLeaderPreference = MicroGridLeaderPreference(
            weight: microTerm.weight, costPerRadius: microTerm.coefficient("cost_per_radius"),
            distanceCapRadii: microTerm.coefficient("distance_cap_radii"),
            scoreBonus: microTerm.coefficient("score_bonus"),
            currentHolderBonus: microTerm.coefficient("current_holder_bonus"), ruleID: microTerm.ruleID)
        buildingLeaderPreference = BuildingLeaderPreference(
            weight: buildingTerm.weight, currentHolderBonus: buildingTerm.coefficient("current_holder_bonus"),
            partyMemberBonus: buildingTerm.coefficient("party_member_bonus"),
            scoreBonus: buildingTerm.coefficient("score_bonus"), ruleID: buildingTerm.ruleID)
    }

    /// The objective terms the staffing job weighs.
    static let terms: Set<String> = [
        "cadre_proximity_familiarity_balance", "grid_post_preference", "micro_grid_leader_preference",
        "building_leader_preference",
    ]

    private static func post(_ map: ParameterMap, _ countKey: String, rule: Rule) -> Post? {
        let count = map.int(countKey, atLeast: 1)
        let eligible = map.condition("eligible")
        guard let count, let eligible else { return nil }
        return Post(perUnit: count, eligible: eligible, ruleID: rule.id)
    }
}
