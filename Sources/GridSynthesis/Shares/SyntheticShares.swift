import GridModel

/// Every share and ratio the generator draws from, each with its source. Tags follow
/// ../shared/domain/rules-catalogue.md: [S] a public source, [M] general knowledge not confirmed there,
/// [SEED] the project's seed documents. Section numbers refer to that catalogue.
///
/// Tests compare generated streets against these constants, never against the generator's own counters.
public enum SyntheticShares {
    // MARK: Population

    /// Persons per household: 2.62 (七普, 2020; §10 [M]). Population = households × this.
    public static let personsPerHousehold = 2.62
    /// Share of the population aged 60 or over: 18.70 % (七普, 2020; §10 [S] zgkjsz.com).
    public static let aged60Share = 0.187
    /// Share of the 60+ who are empty-nest (空巢), those living alone included: 35 %, the middle of §10's
    /// 30–40 % (Shanghai ≈40 % of 60–70 [S] fx361.cc). Written as `elderly_empty_nest`.
    public static let emptyNestShareOf60 = 0.35
    /// Share of the 60+ living alone (独居): 10 %, the middle of §10's 8–12 % [M]. They are a subset of the
    /// empty-nest and carry both `elderly_alone` and `elderly_empty_nest`.
    public static let livingAloneShareOf60 = 0.10
    /// Share of the 60+ who are disabled in daily living (失能, `elderly_disabled`): 5 % [M]; the catalogue gives
    /// no figure (national estimates of 失能 and 半失能 together are ≈15 % of the 60+; we list the severe part).
    public static let elderlyDisabledShareOf60 = 0.05

    // MARK: Other cared-for categories (shares of the population)

    /// Severe mental disorder (严重精神障碍) registered: 0.45 %, the middle of §10's 0.4–0.5 % [M].
    public static let mentalDisorderShare = 0.0045
    /// Danger-grade mix of severe mental disorder: 81 % stable (grade 0), 19 % basically stable (grades 1–2),
    /// under 1 % unstable (grades 3–5) (§10 [S] doczj.com, one county's 1,716 registered). We take 0.6 % for
    /// grades 3–5 out of the 19 %: grade 0 81 %, grade 1 12 %, grade 2 6.4 %, grades 3, 4, 5 0.2 % each.
    public static let mentalGradeShares: [Double] = [0.81, 0.12, 0.064, 0.002, 0.002, 0.002]
    /// Disabled persons: ≈6 % of the population (§10 [M], national estimate).
    public static let disabledShare = 0.06
    /// Part of the disabled whom the generator lists as cared-for (`disabled`): 25 %, i.e. the severely disabled
    /// (grades 1–2) who hold a certificate; the others need no scheduled visit. 6 % × 25 % = 1.5 % of the
    /// population [M]; a planner who lists every disabled person changes only this constant.
    public static let disabledListedFraction = 0.25
    /// Urban minimum-living-allowance (低保) recipients: 0.85 %, the middle of §10's 0.7–1 % [M].
    public static let lowIncomeShare = 0.0085
    /// Special hardship (特困) persons: 0.1 % [M] (no catalogue figure; urban 特困 are rarer than 低保).
    public static let specialHardshipShare = 0.001
    /// Left-behind children (留守儿童) in an urban street: 0.03 % [M] (rare in cities; no catalogue figure).
    public static let leftBehindChildShare = 0.0003
    /// Community correction (社区矫正): 0.05 % (§10 [M]).
    public static let communityCorrectionShare = 0.0005
    /// Key persons (重点人员): 126 in the seed street (§10 [SEED]); taken as 126 per 20,000 households.
    public static let keyPersonsPerHousehold = 126.0 / 20_000

    // MARK: Overlaps between categories (what share of a category is drawn from people already listed)

    /// Share of the 失能 elderly who are also empty-nest [M].
    public static let elderlyDisabledAmongEmptyNest = 0.3
    /// Share of the listed disabled who are elderly already listed [M].
    public static let disabledAmongElderly = 0.25
    /// Share of 低保 recipients who are disabled or elderly already listed [M].
    public static let lowIncomeAmongListed = 0.2
    /// Share of 特困 persons who are elderly living alone [M] (特困供养 mostly serves lone elders).
    public static let specialHardshipAmongAlone = 0.6
    /// Share of community-correction persons who are also key persons [M].
    public static let correctionAlsoKeyPerson = 0.3

    // MARK: Compounds (shares by count among residential compounds)

    /// Compound-type mix of the seed city: 5,743 compounds = 1,617 + 310 + 2,912 + 904 (§10 [SEED]). The seed
    /// gives no labels; we read the largest part (50.7 %) as old compounds, matching the seed street's 47 % old
    /// (§10), 1,617 as commodity high-rise, 904 as transitional and village (half each), 310 as work-unit.
    public static let compoundTypeShares: [(CompoundType, Double)] = [
        (.old, 2_912.0 / 5_743),
        (.residential, 1_617.0 / 5_743),
        (.transitional, 452.0 / 5_743),
        (.village, 452.0 / 5_743),
        (.workUnit, 310.0 / 5_743),
    ]
    /// Households per compound in the seed city: 1.6 million / 5,743 ≈ 279 (§10 [SEED]); the building shapes of
    /// ``CompoundShape`` are tuned so that the mean comes out near it.
    public static let seedCityHouseholdsPerCompound = 1_600_000.0 / 5_743
    /// Commercial buildings: 21 in the seed street (§10 [SEED]), taken as 21 per 20,000 households.
    public static let commercialBuildingsPerHousehold = 21.0 / 20_000

    // MARK: Staffing (people.csv)

    /// 社区工作者 per resident: ≥18 per 10,000 urban residents (national 十四五 target, §3 [S] pp6d.com).
    public static let communityWorkersPerResident = 18.0 / 10_000
    /// Households per full-time grid worker: the seed city's 1.6 million households over its 5,208 full-time grid
    /// workers ≈ 307 (§10 [SEED]), inside the one-per-grid-of-300–500 rule (§1, §3), so that even a street drawn
    /// into grids of about 300 households finds one worker per grid.
    public static let householdsPerGridWorker = 1_600_000.0 / 5_208
    /// Part-time grid workers (兼职网格员): one per grid as well [M].
    public static let householdsPerPartTimeGridWorker = 400.0
    /// Auxiliary grid workers: 30,000+ in the seed city of 1.6 million households (§10 [SEED]).
    public static let auxiliaryWorkersPerHousehold = 30_000.0 / 1_600_000
    /// Sunk-down cadres: one per 125 households [M], so that a grid of 250–500 households can get 2–4 cadres
    /// from 2 or more departments (§5 [SEED] "≥1 post per cadre, ~12 departments").
    public static let householdsPerSunkCadre = 125.0
    /// Number of district departments sending cadres: about 12 (§5 [SEED]).
    public static let departmentCount = 12
    /// In-service party members reporting to their community (双报到): 123,000 in the seed city of 1.6 million
    /// households (§10 [SEED]).
    public static let inServicePartyMembersPerHousehold = 123_000.0 / 1_600_000
    /// Retired party members: 131,000 in the seed city (§10 [SEED]).
    public static let retiredPartyMembersPerHousehold = 131_000.0 / 1_600_000
    /// Non-party volunteers: 3 per 100 households [M].
    public static let volunteersPerHousehold = 0.03
    /// Share of retired party members who also volunteer [M].
    public static let retiredPartyVolunteerShare = 0.4
    /// Share of in-service party members who also volunteer [M].
    public static let inServicePartyVolunteerShare = 0.2
    /// Share of party members among community workers [M].
    public static let partyShareOfCommunityWorkers = 0.6
    /// Share of party members among full-time grid workers [M].
    public static let partyShareOfGridWorkers = 0.5
    /// Share of party members among sunk-down cadres (organ cadres are mostly members) [M].
    public static let partyShareOfCadres = 0.9
    /// Mentors (retired party secretaries): 15 in the seed street of ≈20,000 households (§3 [SEED]).
    public static let mentorsPerHousehold = 15.0 / 20_000
    /// New community workers: 23 in the seed street of ≈20,000 households (§3 [SEED]).
    public static let newWorkersPerHousehold = 23.0 / 20_000
    /// Property staff per managed compound: one plus one per 300 households [M].
    public static let householdsPerPropertyStaff = 300.0

    // MARK: Time

    /// The year ages are counted from (the planning horizon of the issues is 2026).
    public static let referenceYear = 2026
}
