import GridModel

extension DispatchProblem {
    /// Refuses anything the model could not use: repeated ids, NaN or far positions, empty or reversed spans,
    /// non-positive priorities, an accepted assignment to an unknown volunteer.
    /// - Complexity: O(requests + volunteers + intervals).
    func validate() throws(MatchingError) {
        var requestIDs = Set<RequestID>()
        for request in requests {
            let name = "request \(request.id)"
            guard requestIDs.insert(request.id).inserted else {
                throw .invalidInput(parameter: "request id", value: request.id.rawValue, expected: "a unique id")
            }
            try Self.check(request.position, "\(name) position")
            guard request.minutes >= 1, request.minutes <= DispatchLimits.longestService else {
                throw .invalidInput(
                    parameter: "\(name) minutes", value: "\(request.minutes)",
                    expected: "1…\(DispatchLimits.longestService)")
            }
            try Self.check(MinuteInterval(start: request.earliest, end: request.latest), "\(name) window")
            guard request.priority.isFinite, request.priority > 0, request.priority <= 1e9 else {
                throw .invalidInput(
                    parameter: "\(name) priority", value: "\(request.priority)", expected: "a number in (0, 10⁹]")
            }
            if let fixed = request.fixed {
                guard abs(fixed.start) <= DispatchLimits.largestMinute else {
                    throw .invalidInput(
                        parameter: "\(name) fixed start", value: "\(fixed.start)", expected: "an absolute minute")
                }
            }
        }
        var volunteerIDs = Set<PersonID>()
        for volunteer in volunteers {
            let name = "volunteer \(volunteer.id)"
            guard volunteerIDs.insert(volunteer.id).inserted else {
                throw .invalidInput(parameter: "volunteer id", value: volunteer.id.rawValue, expected: "a unique id")
            }
            try Self.check(volunteer.home, "\(name) home")
            for interval in volunteer.available { try Self.check(interval, "\(name) availability") }
            for busy in volunteer.busy {
                try Self.check(busy.interval, "\(name) busy time")
                try Self.check(busy.position, "\(name) busy place")
            }
        }
        for request in requests {
            if let fixed = request.fixed, !volunteerIDs.contains(fixed.volunteer) {
                throw .invalidInput(
                    parameter: "request \(request.id) accepted by", value: fixed.volunteer.rawValue,
                    expected: "a volunteer of the problem")
            }
        }
    }

    private static func check(_ point: PlanarPoint, _ parameter: String) throws(MatchingError) {
        let limit = DispatchLimits.largestCoordinate
        guard point.x.isFinite, point.y.isFinite, abs(point.x) <= limit, abs(point.y) <= limit else {
            throw .invalidInput(
                parameter: parameter, value: "(\(point.x), \(point.y))", expected: "finite metres within ±10⁸")
        }
    }

    private static func check(_ interval: MinuteInterval, _ parameter: String) throws(MatchingError) {
        let limit = DispatchLimits.largestMinute
        guard abs(interval.start) <= limit, abs(interval.end) <= limit, interval.start <= interval.end else {
            throw .invalidInput(
                parameter: parameter, value: "\(interval.start)…\(interval.end)",
                expected: "a start no later than the end, within ±2⁴⁰ minutes")
        }
    }
}

extension DispatchRules {
    /// Refuses numbers no rule file could give (the loader checks them too; plain values in tests may not be).
    func validate() throws(MatchingError) {
        func require(_ holds: Bool, _ parameter: String, _ value: String, _ expected: String) throws(MatchingError) {
            if !holds { throw .invalidInput(parameter: parameter, value: value, expected: expected) }
        }
        try require(
            startStepMinutes >= 1 && startStepMinutes <= DispatchLimits.longestService, "start_step_minutes",
            "\(startStepMinutes)", "1…\(DispatchLimits.longestService)")
        try require(
            walkingMetresPerMinute.isFinite && walkingMetresPerMinute >= 1, "walking_metres_per_minute",
            "\(walkingMetresPerMinute)", "a finite number ≥ 1")
        try require(
            minimumBufferMinutes >= 0 && minimumBufferMinutes <= DispatchLimits.longestService,
            "minimum_buffer_minutes", "\(minimumBufferMinutes)", "0…\(DispatchLimits.longestService)")
        try require(
            maxDistanceMetres.isFinite && maxDistanceMetres >= 0, "max_distance_m", "\(maxDistanceMetres)",
            "a finite number ≥ 0")
        for (name, value) in [
            ("jobs_per_day", jobsPerDay), ("minutes_per_day", minutesPerDay), ("jobs_per_week", jobsPerWeek),
            ("minutes_per_week", minutesPerWeek),
        ] {
            try require(value >= 0 && value <= DispatchLimits.largestMinute, name, "\(value)", "0…2⁴⁰")
        }
        try require(alternates >= 0 && alternates <= 1000, "alternates", "\(alternates)", "0…1000")
        let weights = [ranking.distance, ranking.skill, ranking.loadBalance, ranking.partyMember]
        try require(weights.allSatisfy(\.isFinite), "ranking weights", "\(weights)", "finite numbers")
        try require(
            firstJobCost.isFinite && firstJobCost >= 0, "first_job_cost", "\(firstJobCost)", "a finite number ≥ 0")
        try require(
            costIncreasePerJob.isFinite && costIncreasePerJob >= 0, "cost_increase_per_job", "\(costIncreasePerJob)",
            "a finite number ≥ 0 (a convex cost)")
    }
}
