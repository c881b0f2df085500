import GridModel
import Staffing

/// What a summary calls a role, a post, a category or a job inside a sentence: its Chinese name in Chinese
/// (`独居老人 12`), its code in English (`elderly_alone 12`), the wording planners' scripts already match.
///
/// Roles, posts and categories are named where their types live (`spokenName`, shared with reasons and findings);
/// jobs are rows of Tables/cli.tsv whose English is the code.
enum CodeNames {
    /// A person's role (people.csv `roles`).
    static func name(of role: Role) -> String { role.spokenName }

    /// A staffing post (leaders.csv `role`).
    static func name(of post: LeaderRole) -> String { post.spokenName }

    /// A cared-for resident's category (residents.csv `categories`); a category only the rules know is its code.
    static func name(of category: ResidentCategory) -> String { category.spokenName }

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
