import GridModel

/// The problem sorted by id and the per-pair rules every stage shares (candidates, alternates, reasons).
struct DispatchContext {
    let requests: [DispatchRequest]
    let volunteers: [DispatchVolunteer]
    let rules: DispatchRules

    init(_ problem: DispatchProblem, rules: DispatchRules) {
        requests = problem.requests.sorted { $0.id < $1.id }
        volunteers = problem.volunteers.sorted { $0.id < $1.id }.map { volunteer in
            var sorted = volunteer
            sorted.available.sort()
            return sorted
        }
        self.rules = rules
    }

    /// Whether the volunteer has every skill the request needs and meets its provider condition.
    func hasSkills(_ volunteer: DispatchVolunteer, _ request: DispatchRequest) -> Bool {
        request.requiredSkills.isSubset(of: volunteer.skills) && !request.ineligible.contains(volunteer.id)
    }

    /// Metres from home to the request, when within the limit.
    func reach(_ volunteer: DispatchVolunteer, _ request: DispatchRequest) -> Double? {
        let metres = volunteer.home.distance(to: request.position)
        return metres <= rules.maxDistanceMetres ? metres : nil
    }

    /// Whether the volunteer may be offered the request after a decline.
    func mayOffer(_ volunteer: DispatchVolunteer, _ request: DispatchRequest) -> Bool {
        rules.offerDeclinedAgain || !request.declinedBy.contains(volunteer.id)
    }

    /// The first multiple of the step at or after `minute`.
    func stepAtOrAfter(_ minute: Int) -> Int {
        let step = rules.startStepMinutes
        let quotient = minute >= 0 ? (minute + step - 1) / step : -((-minute) / step)
        return quotient * step
    }

    /// Starts on the step grid inside the window whose whole job lies inside one available interval, ascending, at
    /// most ``DispatchLimits/startsPerPair``.
    /// - Complexity: O(available intervals + starts returned).
    func windowStarts(_ volunteer: DispatchVolunteer, _ request: DispatchRequest) -> [Int] {
        var starts: [Int] = []
        var overlapping = false
        var lastEnd = Int.min
        for interval in volunteer.available {
            let first = stepAtOrAfter(max(request.earliest, interval.start))
            let last = min(request.latest, interval.end) - request.minutes
            guard first <= last else { continue }
            if interval.start < lastEnd { overlapping = true }
            lastEnd = max(lastEnd, interval.end)
            for start in stride(from: first, through: last, by: rules.startStepMinutes) {
                if starts.count >= DispatchLimits.startsPerPair { break }
                starts.append(start)
            }
        }
        // Intervals are sorted by start: only overlapping ones can repeat or reorder a start.
        return overlapping ? Array(Set(starts)).sorted() : starts
    }

    /// The starts a volunteer can take the request at, given what the ledger holds.
    func openStarts(_ volunteer: DispatchVolunteer, _ request: DispatchRequest, ledger: DispatchLedger) -> [Int] {
        windowStarts(volunteer, request).filter { start in
            ledger.fitsCaps(volunteer.id, start: start, minutes: request.minutes)
                && ledger.isFree(volunteer.id, start: start, minutes: request.minutes, at: request.position)
        }
    }
}
