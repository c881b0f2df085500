import GridModel

/// Where a rule applies (`applies_to`): communities, compound types, resident categories. An empty list means
/// "everywhere" for that dimension.
public struct RuleScope: Hashable, Sendable, CustomStringConvertible {
    /// Communities the rule is limited to; empty means every community.
    public var communities: [CommunityID]
    /// Compound types the rule is limited to; empty means every type.
    public var compoundTypes: [CompoundType]
    /// Resident categories the rule is about; empty means it is not about a category.
    public var categories: [ResidentCategory]

    /// Creates a scope.
    public init(
        communities: [CommunityID] = [], compoundTypes: [CompoundType] = [], categories: [ResidentCategory] = []
    ) {
        self.communities = communities
        self.compoundTypes = compoundTypes
        self.categories = categories
    }

    /// True when no dimension is limited.
    public var isEverywhere: Bool { communities.isEmpty && compoundTypes.isEmpty && categories.isEmpty }

    /// Whether the rule applies in a community (nil: no community given, so only unlimited rules apply).
    public func includes(community: CommunityID?) -> Bool {
        communities.isEmpty || community.map(communities.contains) == true
    }

    /// Words for `rules explain`, in the command's language.
    public var description: String {
        let language = Language.current
        var parts: [String] = []
        parts.append(
            communities.isEmpty
                ? Message.text("rules.scope.every_community")
                : Message.text("rules.scope.communities", ["communities": language.list(communities.map(\.rawValue))]))
        if !compoundTypes.isEmpty {
            let types = language.list(compoundTypes.map(\.rawValue))
            parts.append(Message.text("rules.scope.compound_types", ["types": types]))
        }
        if !categories.isEmpty {
            let categories = language.list(categories.map(\.rawValue))
            parts.append(Message.text("rules.scope.residents", ["categories": categories]))
        }
        return language.clauses(parts)
    }
}
