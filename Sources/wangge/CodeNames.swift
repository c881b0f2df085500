import GridModel
import Staffing

/// What a summary calls a role, a post, a category or a job inside a sentence: its Chinese name in Chinese
/// (`独居老人 12`), its code in English (`elderly_alone 12`), the wording planners' scripts already match.
///
/// The names are rows of Tables/cli.tsv whose English is the code, named here with literal keys so that the
/// catalogue's tests see every one; a category a rule file declares beyond the data format's is written as its code.
enum CodeNames {
    /// A person's role (people.csv `roles`).
    static func name(of role: Role) -> String {
        switch role {
        case .communityWorker: Message.text("cli.role.community_worker")
        case .gridWorker: Message.text("cli.role.grid_worker")
        case .gridWorkerPartTime: Message.text("cli.role.grid_worker_part_time")
        case .gridWorkerAuxiliary: Message.text("cli.role.grid_worker_auxiliary")
        case .sunkCadre: Message.text("cli.role.sunk_cadre")
        case .partyMemberInService: Message.text("cli.role.party_member_in_service")
        case .partyMemberRetired: Message.text("cli.role.party_member_retired")
        case .volunteer: Message.text("cli.role.volunteer")
        case .propertyStaff: Message.text("cli.role.property_staff")
        case .merchantRep: Message.text("cli.role.merchant_rep")
        case .mentor: Message.text("cli.role.mentor")
        case .newWorker: Message.text("cli.role.new_worker")
        case .resident: Message.text("cli.role.resident")
        }
    }

    /// A staffing post (leaders.csv `role`).
    static func name(of post: LeaderRole) -> String {
        switch post {
        case .gridLeader: Message.text("cli.post.grid_leader")
        case .gridWorker: Message.text("cli.post.grid_worker")
        case .microGridLeader: Message.text("cli.post.micro_grid_leader")
        case .buildingLeader: Message.text("cli.post.building_leader")
        }
    }

    /// The categories the data format names, by code; `mental_health_N` is handled apart (its grade is an argument).
    private static let categories: [ResidentCategory: Message] = [
        .elderlyAlone: Message("cli.category.elderly_alone"),
        .elderlyEmptyNest: Message("cli.category.elderly_empty_nest"),
        .elderlyDisabled: Message("cli.category.elderly_disabled"),
        .specialHardship: Message("cli.category.special_hardship"),
        .lowIncome: Message("cli.category.low_income"),
        .disabled: Message("cli.category.disabled"),
        .leftBehindChild: Message("cli.category.left_behind_child"),
        .keyPerson: Message("cli.category.key_person"),
        .communityCorrection: Message("cli.category.community_correction"),
        .ordinary: Message("cli.category.ordinary"),
    ]

    /// A cared-for resident's category (residents.csv `categories`); a category only the rules know is its code.
    static func name(of category: ResidentCategory) -> String {
        if let name = categories[category] { return name.description }
        let prefix = "mental_health_"
        if category.rawValue.hasPrefix(prefix), let grade = Int(category.rawValue.dropFirst(prefix.count)),
            category == .mentalHealth(grade: grade)
        {
            return Message.text("cli.category.mental_health", ["grade": "\(grade)"])
        }
        return category.rawValue
    }

    /// A job (kpis.json `job`).
    static func name(of job: JobName) -> String {
        switch job {
        case .grids: Message.text("cli.job.grids")
        case .staff: Message.text("cli.job.staff")
        case .roster: Message.text("cli.job.roster")
        case .matching: Message.text("cli.job.matching")
        }
    }
}
