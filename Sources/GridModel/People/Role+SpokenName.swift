extension Role {
    /// The role as a sentence names it: its Chinese name in Chinese (社区工作者), its people.csv token in English
    /// (community_worker), as the English reasons have always written it.
    public var spokenName: String {
        switch self {
        case .communityWorker: return Message.text("person_role.community_worker")
        case .gridWorker: return Message.text("person_role.grid_worker")
        case .gridWorkerPartTime: return Message.text("person_role.grid_worker_part_time")
        case .gridWorkerAuxiliary: return Message.text("person_role.grid_worker_auxiliary")
        case .sunkCadre: return Message.text("person_role.sunk_cadre")
        case .partyMemberInService: return Message.text("person_role.party_member_in_service")
        case .partyMemberRetired: return Message.text("person_role.party_member_retired")
        case .volunteer: return Message.text("person_role.volunteer")
        case .propertyStaff: return Message.text("person_role.property_staff")
        case .merchantRep: return Message.text("person_role.merchant_rep")
        case .mentor: return Message.text("person_role.mentor")
        case .newWorker: return Message.text("person_role.new_worker")
        case .resident: return Message.text("person_role.resident")
        }
    }
}
