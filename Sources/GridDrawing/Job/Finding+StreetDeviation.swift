import Districting
import GridModel
import GridRules

extension Finding {
    /// The districting core's deviation as a finding, named by the rule it comes from in the community's rules.
    init(_ deviation: StreetDeviation, rules: GridDrawingRules) {
        let rule: RuleID
        var location = FindingLocation(communityID: deviation.communityID)
        switch deviation.rule {
        case .gridHouseholds:
            rule = rules.householdsPerGrid.ruleID
            location.gridID = GridID(deviation.place)
        case .microGridHouseholds:
            rule = rules.householdsPerMicroGrid.ruleID
            location.microGridID = MicroGridID(deviation.place)
        case .unitTooLarge:
            rule = rules.keepWhole(.unit)?.ruleID ?? "grid.unit_whole"
            location.buildingID = BuildingID(deviation.place)
        }
        self.init(
            ruleID: rule, level: .hard, location: location, amount: Double(deviation.amount),
            message: deviation.message)
    }
}
