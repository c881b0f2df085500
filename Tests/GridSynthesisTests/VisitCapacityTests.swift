import GridModel
import Testing

@testable import GridSynthesis

@Suite struct VisitCapacityTests {
    @Test func strictestCategorySetsTheFrequency() {
        #expect(VisitCapacity.visitsPerWeek([.elderlyEmptyNest, .elderlyAlone]) == 1)
        #expect(VisitCapacity.visitsPerWeek([.mentalHealth(grade: 0)]) < 0.1)
        #expect(VisitCapacity.visitsPerWeek([.mentalHealth(grade: 0), .lowIncome]) == 0.25)
        #expect(VisitCapacity.visitorsPerVisit([.communityCorrection]) == 2)
        #expect(VisitCapacity.visitorsPerVisit([.keyPerson]) == 1)
    }

    /// With no staff at all, the top-up alone must bring every community to the required margin.
    @Test func topUpVolunteersCoverEveryCommunity() {
        let configuration = StreetGenerator.Configuration(seed: 4, households: 6_000)
        let drawn = StreetLayout(configuration: configuration, communityHouseholds: [2_000, 2_000, 2_000]).draw()
        var population = PopulationGenerator(
            configuration: configuration, street: drawn, departments: StreetGenerator.departments
        )
        population.generateResidents()
        #expect(population.people.isEmpty)
        population.ensureVisitCapacity()
        #expect(!population.people.isEmpty)
        #expect(population.people.allSatisfy { $0.roles == [.volunteer] })
        let street = Street(
            communities: drawn.areas.map(\.community), buildings: drawn.buildings, people: population.people,
            residents: population.residents
        )
        for (community, entry) in VisitCapacity.balance(of: street) {
            #expect(entry.demand > 0)
            #expect(entry.capacity >= VisitCapacity.requiredMargin * entry.demand, "\(community)")
        }
    }
}
