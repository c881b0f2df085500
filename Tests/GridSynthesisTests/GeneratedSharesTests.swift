import GridModel
import Testing

@testable import GridSynthesis

/// Generated shares (compound types, categories, roles, party members) against the catalogue, counted here
/// from the `Street` values.
@Suite struct GeneratedSharesTests {
    let street = GeneratedStreets.sample

    @Test func categoriesFollowTheCatalogue() {
        var counts: [String: Int] = [:]
        for resident in street.residents {
            #expect(!resident.categories.isEmpty)
            for category in resident.categories {
                #expect(ResidentCategory.specified.contains(category))
                counts[category.rawValue, default: 0] += 1
            }
        }
        ShareExpectations.checkCategories(
            counts, households: GeneratedStreets.households, communities: GeneratedStreets.communities
        )
        #expect(street.residents.contains { $0.categories.count >= 2 }, "no resident holds several categories")
        #expect(street.residents.allSatisfy { $0.categories.count == Set($0.categories).count })
    }

    @Test(arguments: [0, 1, 2])
    func categoriesFollowTheCatalogueOnOtherSizes(index: Int) {
        let pooled = GeneratedStreets.pool[index]
        var counts: [String: Int] = [:]
        for resident in pooled.residents {
            for category in resident.categories { counts[category.rawValue, default: 0] += 1 }
        }
        ShareExpectations.checkCategories(
            counts, households: pooled.households, communities: pooled.communities.count
        )
    }

    @Test func rolesFollowTheCatalogue() {
        var counts: [String: Int] = [:]
        for person in street.people {
            #expect(!person.roles.isEmpty)
            for role in person.roles { counts[role.rawValue, default: 0] += 1 }
        }
        ShareExpectations.checkRoles(
            counts, households: GeneratedStreets.households, communities: GeneratedStreets.communities
        )
    }

    @Test func compoundTypesFollowTheSeedCityMix() {
        var compounds: [CompoundID: CompoundType] = [:]
        var households: [CompoundID: Int] = [:]
        for generated in [street] + GeneratedStreets.pool {
            for building in generated.buildings {
                guard let id = building.compoundID, let type = building.compoundType, type != .commercial else {
                    continue
                }
                let key = CompoundID("\(generated.households)/\(id)")
                compounds[key] = type
                households[key, default: 0] += building.households
            }
        }
        let total = Double(compounds.count)
        #expect(total > 250)
        // 5,743 = 2,912 old + 1,617 high-rise + 904 transitional/village + 310 work-unit (§10 [SEED]).
        let expected: [(CompoundType, Double, Double)] = [
            (.old, 2_912.0 / 5_743, 0.10), (.residential, 1_617.0 / 5_743, 0.10),
            (.transitional, 452.0 / 5_743, 0.06), (.village, 452.0 / 5_743, 0.06), (.workUnit, 310.0 / 5_743, 0.05),
        ]
        for (type, share, tolerance) in expected {
            let observed = Double(compounds.values.filter { $0 == type }.count) / total
            #expect(abs(observed - share) <= tolerance, "\(type): \(observed) vs \(share)")
        }
        // About 1.6 million / 5,743 ≈ 279 households per compound.
        let mean = Double(households.values.reduce(0, +)) / Double(households.count)
        #expect(abs(mean - 279) <= 0.2 * 279, "households per compound \(mean)")
    }

    @Test func partyMembersLiveInEveryMicroGridSizedArea() {
        var partyAt: [BuildingID: Int] = [:]
        for person in street.people where person.isPartyMember {
            if case .building(let home) = person.home { partyAt[home, default: 0] += 1 }
        }
        // Every run of consecutive residential buildings of a community (in id order, which follows rows and
        // compounds) holding 30–50 households has at least two party members living in it.
        var worst = Int.max
        for community in street.communities {
            let buildings = street.buildings.filter { $0.communityID == community.id && $0.households > 0 }
            for start in buildings.indices {
                var households = 0
                var members = 0
                var end = start
                while end < buildings.count, households < 30 {
                    households += buildings[end].households
                    members += partyAt[buildings[end].id] ?? 0
                    end += 1
                }
                if households >= 30 { worst = min(worst, members) }
            }
        }
        #expect(worst >= 2, "a micro-grid-sized area has only \(worst) party members")
    }

    @Test func cadresComeFromAboutTwelveDepartmentsEvenly() {
        var perDepartment: [DepartmentID: Int] = [:]
        for person in street.people where person.roles.contains(.sunkCadre) {
            guard let department = person.departmentID else {
                Issue.record("cadre \(person.id) has no department")
                continue
            }
            perDepartment[department, default: 0] += 1
        }
        #expect((10...14).contains(perDepartment.count))
        #expect((perDepartment.values.max() ?? 0) - (perDepartment.values.min() ?? 0) <= 1)
        let cadres = street.people.filter { $0.roles.contains(.sunkCadre) }
        let party = Double(cadres.filter(\.isPartyMember).count) / Double(cadres.count)
        #expect(party >= 0.8)
    }

    @Test func visitorsHaveSkillsHoursAndSlots() {
        for person in street.people {
            #expect((person.hoursPerWeek ?? 0) > 0, "\(person.id) has no hours")
            #expect(!(person.availability ?? []).isEmpty, "\(person.id) has no slots")
            if person.roles.contains(.partyMemberRetired) || person.roles.contains(.partyMemberInService)
                || person.roles.contains(.sunkCadre) || person.roles.contains(.mentor)
            {
                #expect(person.isPartyMember || person.roles.contains(.sunkCadre))
            }
            if person.roles == [.volunteer] { #expect(!person.skills.isEmpty) }
        }
        let mentors = street.people.filter { $0.roles.contains(.mentor) }
        #expect(mentors.allSatisfy { $0.roles.contains(.partyMemberRetired) && ($0.birthYear ?? 0) <= 1966 })
    }

    @Test func pairingsAreWithNearbyCadresOrPartyMembers() {
        let people = Dictionary(uniqueKeysWithValues: street.people.map { ($0.id, $0) })
        let buildings = Dictionary(uniqueKeysWithValues: street.buildings.map { ($0.id, $0) })
        var load: [PersonID: Int] = [:]
        var paired = 0
        for resident in street.residents {
            guard let id = resident.pairedPersonID else {
                #expect(!resident.categories.contains(.specialHardship), "\(resident.id) in hardship is not paired")
                continue
            }
            paired += 1
            load[id, default: 0] += 1
            guard let person = people[id], case .building(let home) = person.home else {
                Issue.record("\(resident.id) paired with \(id), who has no home building")
                continue
            }
            #expect(person.isPartyMember || person.roles.contains(.sunkCadre))
            #expect(buildings[home]?.communityID == buildings[resident.buildingID]?.communityID)
        }
        #expect(paired > 0)
        #expect(load.values.allSatisfy { $0 <= 2 })
    }

    /// Demand from the catalogue's visit frequencies (§6, strict end) and capacity from people's hours, counted
    /// here independently of ``VisitCapacity``.
    @Test func everyDueVisitCanBeMet() {
        var communityOf: [BuildingID: CommunityID] = [:]
        for building in street.buildings { communityOf[building.id] = building.communityID }
        var demand: [CommunityID: Double] = [:]
        for resident in street.residents {
            let names = Set(resident.categories.map(\.rawValue))
            var perWeek = 0.0
            var visitors = 1.0
            if names.contains("elderly_alone") { perWeek = max(perWeek, 1) }
            if names.contains(where: { ["mental_health_3", "mental_health_4", "mental_health_5"].contains($0) }) {
                perWeek = max(perWeek, 1)
                visitors = 2
            }
            if names.contains("key_person") || names.contains("mental_health_1") || names.contains("mental_health_2") {
                perWeek = max(perWeek, 0.5)
            }
            if names.contains("community_correction") { visitors = 2 }
            perWeek = max(perWeek, names.contains("mental_health_0") && names.count == 1 ? 1.0 / 13 : 0.25)
            demand[communityOf[resident.buildingID]!, default: 0] += perWeek * visitors
        }
        var capacity: [CommunityID: Double] = [:]
        var slots: [CommunityID: Set<WeeklySlot>] = [:]
        for person in street.people {
            var community = person.communityID
            if community == nil, case .building(let home) = person.home { community = communityOf[home] }
            guard let community else { continue }
            let share = person.roles.contains(.communityWorker) ? 0.25 : 0.5
            capacity[community, default: 0] += (person.hoursPerWeek ?? 0) * share
            slots[community, default: []].formUnion(person.availability ?? [])
        }
        for community in street.communities {
            let need = demand[community.id] ?? 0
            let offer = capacity[community.id] ?? 0
            #expect(need > 0)
            #expect(offer >= 2 * need, "\(community.id): \(offer) visit-hours for \(need) needed")
            #expect((slots[community.id]?.count ?? 0) >= 15)
        }
    }
}
