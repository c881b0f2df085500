import GridModel

extension Dispatcher {
    /// Matches with their alternates, and the reason of each request left unmatched, read against the final ledger.
    func finish(
        context: DispatchContext, ledger: DispatchLedger, assigned: [Int: (volunteer: Int, start: Int, fixed: Bool)],
        parts: [DispatchPartOutcome]
    ) -> DispatchResult {
        var matches: [DispatchMatch] = []
        var unmatched: [UnmatchedRequest] = []
        for (index, request) in context.requests.enumerated() {
            guard let match = assigned[index] else {
                let block = blockingRule(request, context: context, ledger: ledger)
                unmatched.append(
                    UnmatchedRequest(request: request.id, block: block, finding: finding(request, block)))
                continue
            }
            let volunteer = context.volunteers[match.volunteer]
            matches.append(
                DispatchMatch(
                    request: request.id, community: request.community, volunteer: volunteer.id, start: match.start,
                    end: match.start + request.minutes, walkingMetres: volunteer.home.distance(to: request.position),
                    fixed: match.fixed,
                    alternates: match.fixed
                        ? [] : alternates(request, besides: volunteer.id, context: context, ledger: ledger)))
        }
        return DispatchResult(matches: matches, unmatched: unmatched, parts: parts)
    }

    /// Up to the rules' number of other volunteers who could take `request` at some start given everyone's final
    /// jobs, best score first (ties: earlier start, then id).
    /// - Complexity: O(volunteers × starts × their occupations).
    func alternates(
        _ request: DispatchRequest, besides chosen: PersonID, context: DispatchContext, ledger: DispatchLedger
    ) -> [DispatchMatch.Alternate] {
        guard rules.alternates > 0 else { return [] }
        var found: [DispatchMatch.Alternate] = []
        for volunteer in context.volunteers where volunteer.id != chosen {
            guard context.hasSkills(volunteer, request), let metres = context.reach(volunteer, request),
                context.mayOffer(volunteer, request),
                let start = context.openStarts(volunteer, request, ledger: ledger).first
            else { continue }
            found.append(
                DispatchMatch.Alternate(
                    volunteer: volunteer.id, start: start, walkingMetres: metres,
                    score: score(volunteer, request, metres: metres, ledger: ledger)))
        }
        found.sort { ($1.score, $0.start, $0.volunteer) < ($0.score, $1.start, $1.volunteer) }
        return Array(found.prefix(rules.alternates))
    }

    /// The `matching.ranking` score: nearness, skill fit (the share of what they offer the job uses), spare weekly
    /// capacity and party membership, each in [0, 1], weighted.
    func score(_ volunteer: DispatchVolunteer, _ request: DispatchRequest, metres: Double, ledger: DispatchLedger)
        -> Double
    {
        let weights = rules.ranking
        let nearness = rules.maxDistanceMetres > 0 ? 1 - metres / rules.maxDistanceMetres : 1
        let fit =
            request.requiredSkills.isEmpty
            ? 1 : Double(request.requiredSkills.count) / Double(max(1, volunteer.skills.count))
        let jobs = ledger.accounts[volunteer.id]?.jobsInWeek ?? 0
        let spare = rules.jobsPerWeek > 0 ? 1 - Double(jobs) / Double(rules.jobsPerWeek) : 0
        return weights.distance * nearness + weights.skill * fit + weights.loadBalance * spare
            + weights.partyMember * (volunteer.partyMember ? 1 : 0)
    }

    /// The first rule, in ``DispatchBlock`` order, that leaves no volunteer for `request`.
    func blockingRule(_ request: DispatchRequest, context: DispatchContext, ledger: DispatchLedger) -> DispatchBlock {
        var left = context.volunteers.filter { context.hasSkills($0, request) }
        if left.isEmpty { return .noSkill }
        left = left.filter { context.reach($0, request) != nil }
        if left.isEmpty { return .outsideDistance }
        left = left.filter { context.mayOffer($0, request) }
        if left.isEmpty { return .declined }
        let windows = left.map { context.windowStarts($0, request) }
        if windows.allSatisfy(\.isEmpty) { return .notAvailable }
        var everyoneCapped = true
        for (volunteer, starts) in zip(left, windows) {
            let withinCaps = starts.filter { ledger.fitsCaps(volunteer.id, start: $0, minutes: request.minutes) }
            if withinCaps.contains(where: {
                ledger.isFree(volunteer.id, start: $0, minutes: request.minutes, at: request.position)
            }) {
                return .notChosen
            }
            if !withinCaps.isEmpty { everyoneCapped = false }
        }
        return everyoneCapped ? .capped : .busy
    }

    /// The finding of an unmatched request, citing the rule of its block.
    func finding(_ request: DispatchRequest, _ block: DispatchBlock) -> Finding {
        let citations = rules.citations
        let rule: RuleID
        switch block {
        case .noSkill: rule = citations.skills
        case .outsideDistance: rule = citations.distance
        case .declined: rule = citations.declined
        case .notAvailable, .busy, .notChosen: rule = citations.times
        case .capped: rule = citations.caps
        }
        let message = Message.text(
            "matching.unmatched.\(block.rawValue)",
            ["request": request.id.rawValue, "metres": "\(Int(rules.maxDistanceMetres))"])
        return Finding(
            ruleID: rule, level: .hard,
            location: FindingLocation(communityID: request.community, requestID: request.id), amount: 1,
            message: message)
    }
}
