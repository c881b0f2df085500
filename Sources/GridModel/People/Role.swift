/// A role a person holds in community governance (people.csv `roles`). The spec closes this list.
public enum Role: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    case communityWorker = "community_worker"
    case gridWorker = "grid_worker"
    case gridWorkerPartTime = "grid_worker_part_time"
    case gridWorkerAuxiliary = "grid_worker_auxiliary"
    case sunkCadre = "sunk_cadre"
    case partyMemberInService = "party_member_in_service"
    case partyMemberRetired = "party_member_retired"
    case volunteer
    case propertyStaff = "property_staff"
    case merchantRep = "merchant_rep"
    case mentor
    case newWorker = "new_worker"
    case resident

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
