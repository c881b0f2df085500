import GridModel

/// Dispatches a week of requests to volunteers: GLPK over every (request, volunteer, start) that passes the per-pair
/// rules, part by part, with a lexicographic objective (priority, then walking, then load).
///
/// Parts (a community and a day, by default) are solved in a fixed order, days then communities; each part sees the
/// jobs earlier parts gave every volunteer, as busy time and against the caps, so the weekly caps hold across parts.
/// The cost of cutting: a volunteer's week is filled first come, first served across parts, so an earlier part may
/// take a volunteer a later part needed more; `DispatchOptions.Partition.whole` solves one model instead.
public struct Dispatcher: Sendable {
    /// The numbers, from the rules.
    public var rules: DispatchRules
    /// Partition and effort limits.
    public var options: DispatchOptions

    /// Creates a dispatcher.
    public init(rules: DispatchRules, options: DispatchOptions = DispatchOptions()) {
        self.rules = rules
        self.options = options
    }

    /// Dispatches `problem`.
    ///
    /// Accepted matches are kept as they are and occupy their volunteers first. Every number is checked before any
    /// model is built: bad input throws ``MatchingError/invalidInput(parameter:value:expected:)``.
    /// - Complexity: one MIP per part and tier, over the part's candidates; candidates cost O(requests × volunteers)
    ///   to list.
    public func dispatch(_ problem: DispatchProblem) throws(MatchingError) -> DispatchResult {
        try rules.validate()
        try problem.validate()
        if let limit = options.secondsPerTier, !(limit.isFinite && limit >= 0) {
            throw .invalidInput(parameter: "secondsPerTier", value: "\(limit)", expected: "a finite number ≥ 0")
        }
        if let nodes = options.nodesPerSolve, nodes < 1 {
            throw .invalidInput(parameter: "nodesPerSolve", value: "\(nodes)", expected: "an integer ≥ 1")
        }
        if options.keptAtFirst < 1 {
            throw .invalidInput(
                parameter: "keptAtFirst", value: "\(options.keptAtFirst)", expected: "an integer ≥ 1")
        }
        if let kept = options.volunteersPerRequest, kept < 1 {
            throw .invalidInput(parameter: "volunteersPerRequest", value: "\(kept)", expected: "an integer ≥ 1")
        }
        let context = DispatchContext(problem, rules: rules)
        var ledger = DispatchLedger(volunteers: context.volunteers, rules: rules)
        let volunteerIndex = Dictionary(
            uniqueKeysWithValues: context.volunteers.enumerated().map { ($0.element.id, $0.offset) })
        var assigned: [Int: (volunteer: Int, start: Int, fixed: Bool)] = [:]
        for (index, request) in context.requests.enumerated() {
            guard let fixed = request.fixed, let volunteer = volunteerIndex[fixed.volunteer] else { continue }
            ledger.take(fixed.volunteer, start: fixed.start, minutes: request.minutes, at: request.position)
            assigned[index] = (volunteer, fixed.start, true)
        }
        var parts: [DispatchPartOutcome] = []
        for part in partition(context) {
            let (pairs, trimmed) = listPairs(part.requests, context: context, ledger: ledger)
            var outcome = DispatchPartOutcome(
                community: part.community, day: part.day, requests: part.requests.count, candidates: 0,
                constraints: 0, volunteersTrimmed: trimmed, tiers: [])
            if pairs.values.contains(where: { !$0.isEmpty }) {
                var search = DispatchPartSearch(
                    requests: part.requests, pairs: pairs, kept: options.keptAtFirst, context: context,
                    ledger: ledger, secondsPerTier: options.secondsPerTier, nodesPerSolve: options.nodesPerSolve)
                let solved = try search.solve()
                outcome.candidates = solved.candidates
                outcome.constraints = solved.constraints
                outcome.tiers = solved.tiers
                for candidate in solved.chosen {
                    let request = context.requests[candidate.request]
                    ledger.take(
                        context.volunteers[candidate.volunteer].id, start: candidate.start, minutes: request.minutes,
                        at: request.position)
                    assigned[candidate.request] = (candidate.volunteer, candidate.start, false)
                }
            }
            parts.append(outcome)
        }
        return finish(context: context, ledger: ledger, assigned: assigned, parts: parts)
    }

    /// A group of open requests solved together.
    struct Part {
        var community: CommunityID?
        var day: Int?
        var requests: [Int]
    }

    /// The open requests cut into parts, in the order they are solved.
    func partition(_ context: DispatchContext) -> [Part] {
        let open = context.requests.indices.filter { context.requests[$0].fixed == nil }
        switch options.partition {
        case .whole:
            return open.isEmpty ? [] : [Part(community: nil, day: nil, requests: open)]
        case .communityAndDay:
            struct Key: Hashable, Comparable {
                var day: Int
                var community: CommunityID
                static func < (lhs: Key, rhs: Key) -> Bool { (lhs.day, lhs.community) < (rhs.day, rhs.community) }
            }
            let groups = Dictionary(grouping: open) {
                Key(day: DispatchLedger.day(of: context.requests[$0].earliest), community: context.requests[$0].community)
            }
            return groups.keys.sorted().map { Part(community: $0.community, day: $0.day, requests: groups[$0] ?? []) }
        }
    }

    /// Every volunteer able to take each request given the ledger (the per-pair rules and at least one open start),
    /// nearest first (ties by id), with their open starts; and whether the per-request limit dropped anyone.
    func listPairs(_ requests: [Int], context: DispatchContext, ledger: DispatchLedger)
        -> ([Int: [DispatchPartSearch.Pair]], Bool)
    {
        var pairs: [Int: [DispatchPartSearch.Pair]] = [:]
        var trimmed = false
        for requestIndex in requests {
            let request = context.requests[requestIndex]
            var reachable: [(metres: Double, volunteer: Int)] = []
            for (volunteerIndex, volunteer) in context.volunteers.enumerated() {
                guard let metres = context.reach(volunteer, request), context.hasSkills(volunteer, request),
                    context.mayOffer(volunteer, request)
                else { continue }
                reachable.append((metres, volunteerIndex))
            }
            reachable.sort { ($0.metres, $0.volunteer) < ($1.metres, $1.volunteer) }
            var list: [DispatchPartSearch.Pair] = []
            var lastKeptMetres = -Double.infinity
            for (metres, volunteerIndex) in reachable {
                let starts = context.openStarts(context.volunteers[volunteerIndex], request, ledger: ledger)
                guard !starts.isEmpty else { continue }
                if let limit = options.volunteersPerRequest, list.count == limit {
                    trimmed = true
                    break
                }
                // Past the part's size, a farther volunteer is never in a lexicographic optimum (see
                // `DispatchOptions.keepsNearestPerPart`); one as near as the last kept may be, so ties stay.
                if options.keepsNearestPerPart, list.count >= requests.count, metres > lastKeptMetres { break }
                lastKeptMetres = metres
                list.append(DispatchPartSearch.Pair(volunteer: volunteerIndex, metres: metres, starts: starts))
            }
            pairs[requestIndex] = list
        }
        return (pairs, trimmed)
    }
}
