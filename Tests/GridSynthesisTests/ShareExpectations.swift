import GridSynthesis
import Testing

/// The catalogue's figures (../shared/domain/rules-catalogue.md §3, §10, via ``SyntheticShares``) and the
/// tolerances the tests allow, applied to counts the tests made themselves (from values or from files).
enum ShareExpectations {
    /// Allowed gap between an observed count and its expectation: 5 % or three binomial standard deviations,
    /// whichever is larger, plus one per community for the per-community rounding.
    static func tolerance(expected: Double, communities: Int) -> Double {
        max(0.05 * expected, 3 * expected.squareRoot()) + Double(communities)
    }

    /// Expected count of each resident category for a street of `households`.
    static func expectedCategories(households: Int) -> [String: Double] {
        let s = SyntheticShares.self
        let population = Double(households) * s.personsPerHousehold
        let aged = population * s.aged60Share
        return [
            "elderly_empty_nest": aged * s.emptyNestShareOf60,
            "elderly_alone": aged * s.livingAloneShareOf60,
            "elderly_disabled": aged * s.elderlyDisabledShareOf60,
            "disabled": population * s.disabledShare * s.disabledListedFraction,
            "low_income": population * s.lowIncomeShare,
            "special_hardship": population * s.specialHardshipShare,
            "left_behind_child": population * s.leftBehindChildShare,
            "community_correction": population * s.communityCorrectionShare,
            "key_person": Double(households) * s.keyPersonsPerHousehold,
            "mental_health": population * s.mentalDisorderShare,
        ]
    }

    /// Checks category counts (`mental_health_N` summed into `mental_health`) against the catalogue.
    static func checkCategories(_ counts: [String: Int], households: Int, communities: Int) {
        var merged: [String: Int] = [:]
        for (category, count) in counts {
            merged[category.hasPrefix("mental_health_") ? "mental_health" : category, default: 0] += count
        }
        // Catalogue ranges themselves: empty-nest 30–40 % and living alone 8–12 % of the 60+ (§10).
        let aged = Double(households) * 2.62 * 0.187
        let emptyNest = Double(merged["elderly_empty_nest"] ?? 0) / aged
        let alone = Double(merged["elderly_alone"] ?? 0) / aged
        #expect((0.30...0.40).contains(emptyNest), "empty-nest share of 60+: \(emptyNest)")
        #expect((0.08...0.12).contains(alone), "living-alone share of 60+: \(alone)")
        let mental = Double(merged["mental_health"] ?? 0) / (Double(households) * 2.62)
        #expect((0.0035...0.0055).contains(mental), "severe mental disorder share: \(mental)")
        let lowIncome = Double(merged["low_income"] ?? 0) / (Double(households) * 2.62)
        #expect((0.006...0.011).contains(lowIncome), "低保 share: \(lowIncome)")
        for (category, expected) in expectedCategories(households: households) {
            let observed = Double(merged[category] ?? 0)
            let allowed = tolerance(expected: expected, communities: communities)
            #expect(abs(observed - expected) <= allowed, "\(category): \(observed) vs \(expected) ± \(allowed)")
        }
        let grades = (0...5).map { Double(counts["mental_health_\($0)"] ?? 0) }
        let total = grades.reduce(0, +)
        #expect(total > 0)
        #expect(abs(grades[0] / total - 0.81) <= 0.08, "stable share \(grades[0] / total)")
        #expect((grades[3] + grades[4] + grades[5]) / total <= 0.03)
        #expect(grades[1] + grades[2] > 0)
    }

    /// Checks role counts against the catalogue's ratios for a street of `households` in `communities`.
    static func checkRoles(_ counts: [String: Int], households: Int, communities: Int) {
        let h = Double(households)
        let population = h * 2.62
        let grid = Double(counts["grid_worker"] ?? 0)
        // One full-time grid worker per grid of 300–500 households (§1, §3); 5,208 for 1.6 million households in
        // the seed city (§10).
        #expect(grid >= h / 500 && grid <= h / 300 + Double(communities), "grid workers \(grid)")
        #expect(abs(grid - h * 5_208 / 1_600_000) <= Double(communities), "grid workers \(grid)")
        // ≥ 18 community workers per 10,000 residents (§3).
        #expect(Double(counts["community_worker"] ?? 0) >= population * 18 / 10_000)
        #expect(abs(Double(counts["sunk_cadre"] ?? 0) - h / 125) <= 1)
        // 15 mentors and 23 new workers per seed street of 20,000 households (§3 [SEED]).
        #expect(abs(Double(counts["mentor"] ?? 0) - 15 * h / 20_000) <= 1)
        #expect(abs(Double(counts["new_worker"] ?? 0) - 23 * h / 20_000) <= 1)
        // Party members: 123k in service and 131k retired per 1.6 million households (§10 [SEED]).
        let inService = Double(counts["party_member_in_service"] ?? 0)
        let retired = Double(counts["party_member_retired"] ?? 0)
        let expectedInService = h * 123_000 / 1_600_000
        let expectedRetired = h * 131_000 / 1_600_000
        #expect(abs(inService - expectedInService) <= 0.08 * expectedInService, "in service \(inService)")
        #expect(abs(retired - expectedRetired) <= 0.08 * expectedRetired, "retired \(retired)")
        for role in ["volunteer", "property_staff", "merchant_rep", "grid_worker_part_time", "grid_worker_auxiliary"] {
            #expect((counts[role] ?? 0) > 0, "no \(role)")
        }
    }
}
