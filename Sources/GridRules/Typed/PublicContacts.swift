import GridModel

/// What a public printout (the notice card, 网格公示牌) may show of the people it names (`staffing.public_contacts`):
/// the posts whose holders' phones are printed, and the hotline printed on every card.
///
/// A phone is personal information: a post holder's phone goes on the wall only because the post is a public
/// service, and the jurisdiction decides which posts those are (some print the grid worker's phone only).
public struct PublicContacts: Hashable, Sendable {
    /// A post a notice card names.
    public enum Post: String, CaseIterable, Hashable, Sendable {
        /// 网格长.
        case gridLeader = "grid_leader"
        /// 专职网格员.
        case gridWorker = "grid_worker"
        /// 微网格长.
        case microGridLeader = "micro_grid_leader"
        /// 楼栋长.
        case buildingLeader = "building_leader"
        /// 下沉干部.
        case sunkCadre = "sunk_cadre"
    }

    /// Posts whose holders' phones may be printed.
    public var phonesOfPosts: Sourced<Set<Post>>
    /// The hotline printed on every card (12345, the government service hotline).
    public var hotline: Sourced<String>

    /// Whether a holder of `post` has their phone printed.
    public func printsPhone(of post: Post) -> Bool { phonesOfPosts.value.contains(post) }

    /// `staffing.public_contacts`, or the engine's defaults (the four leader posts, 12345) when a rules folder
    /// predates the rule.
    static func read(_ index: RuleIndex) -> PublicContacts? {
        guard index.byType[.publicContacts] != nil, let rule = index.one(.publicContacts) else {
            let place = SourceLocation(file: "built-in", line: 0, column: 0)
            let id = RuleID("staffing.public_contacts")
            return PublicContacts(
                phonesOfPosts: Sourced([.gridLeader, .gridWorker, .microGridLeader, .buildingLeader], ruleID: id,
                    location: place),
                hotline: Sourced("12345", ruleID: id, location: place))
        }
        guard let map = index.parameters(rule, ["phones_of_roles", "hotline"]),
            let words = map.words("phones_of_roles"), let hotline = map.text("hotline")
        else { return nil }
        var posts: Set<Post> = []
        for word in words.value {
            guard let post = Post(rawValue: word) else {
                let arguments = [
                    "rule": rule.id.rawValue, "word": word,
                    "posts": Language.current.list(Post.allCases.map(\.rawValue)),
                ]
                index.context.report(
                    .unknownReference, at: words.location, Message.text("rules.contacts.not_a_post", arguments))
                return nil
            }
            posts.insert(post)
        }
        return PublicContacts(phonesOfPosts: words.map { _ in posts }, hotline: hotline)
    }
}
