import GridModel

extension Finding {
    /// A staffing rule not met for lack of people: `missing` holders (posts, departments) short at the place given.
    static func shortfall(
        ruleID: RuleID, communityID: CommunityID? = nil, gridID: GridID? = nil, microGridID: MicroGridID? = nil,
        buildingID: BuildingID? = nil, personID: PersonID? = nil, missing: Int, message: String
    ) -> Finding {
        Finding(
            ruleID: ruleID, level: .hard,
            location: FindingLocation(
                communityID: communityID, gridID: gridID, microGridID: microGridID, buildingID: buildingID,
                personID: personID),
            amount: Double(missing), message: message)
    }

    /// Holders missing, as shortfalls.csv's `missing` column counts them.
    public var missing: Int { Int(amount.rounded()) }
}
