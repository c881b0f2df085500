import GridModel

/// Where each request of a week stands at a moment (`asOf`): read from the last dispatch (`--previous`), the
/// volunteers' answers (responses.csv) and the services done (completions.csv), counting only what happened by then.
///
/// The loop's rules, in time order per request (answers before services at the same minute):
/// - an offer (the previous dispatch's rank-1 row) holds the request for its volunteer until they answer;
/// - an accept fixes it: it never moves again; a decline frees it and the volunteer is never offered it again;
/// - a service `done` serves it (confirmed once `confirmed_at` has passed); `cancelled` closes it; `no_show` frees
///   it like a decline, and that volunteer is not offered it again;
/// - a request nobody holds is dispatched in this round, unless its window can no longer fit the service
///   (`overdue`); an offer never answered whose window has passed is `overdue` too.
///
/// The moment of a new offer: at `asOf` in a live round; in a batch round (a week replayed from files, the
/// default), as the order came in, or at the decline or no-show that freed it. Answers from someone who does not
/// hold the offer are reported (``unofferedResponses``), and a decline among them still keeps that person away.
public struct RequestLoop: Sendable {
    /// One request at `asOf`.
    public struct Standing: Hashable, Sendable {
        /// The request.
        public var request: ServiceRequest
        /// Its state before this round's dispatch.
        public var state: RequestState
        /// Who holds it (an offer not yet answered, accepted, or served).
        public var volunteer: PersonID?
        /// The start agreed or planned with them.
        public var start: LocalDateTime?
        /// Everyone who declined it or did not come: never offered it again.
        public var excluded: Set<PersonID>
        /// When it was first dispatched ("respond" of 2341).
        public var dispatchedAt: LocalDateTime?
        /// The first answer to an offer of it ("reply").
        public var repliedAt: LocalDateTime?
        /// When the service started ("coordinate").
        public var startedAt: LocalDateTime?
        /// When the service was confirmed ("solve").
        public var confirmedAt: LocalDateTime?
        /// When it was called off.
        public var cancelledAt: LocalDateTime?
        /// The moment an offer made in this round would be made (nil when none is to be made).
        public var offerMoment: LocalDateTime?

        /// Whether this round dispatches it.
        public var needsDispatch: Bool { offerMoment != nil }
    }

    /// Requests ordered by `asOf`, by id.
    public private(set) var standings: [Standing]
    /// Requests ordered after `asOf`: left for a later round.
    public private(set) var notYetOrdered: [RequestID]
    /// Answers and services dated after `asOf`: not counted.
    public private(set) var laterEvents: Int
    /// Answers from someone who held no offer of the request (request, person).
    public private(set) var unofferedResponses: [RequestResponse]
    /// The moment the loop stands at.
    public let asOf: LocalDateTime
    /// Whether offers of this round are made at `asOf` (live) or as orders and setbacks came (batch).
    public let offersAtAsOf: Bool

    private enum Event {
        case response(RequestResponse)
        case completion(ServiceCompletion)

        var time: LocalDateTime {
            switch self {
            case .response(let response): response.at
            case .completion(let completion): completion.startedAt
            }
        }
        var order: Int {
            switch self {
            case .response: 0
            case .completion: 1
            }
        }
    }

    /// The loop of `requests` at `asOf`, from the previous dispatch's rows, the answers and the services.
    /// - Complexity: O((r + p + a + c) log) in requests, previous rows, answers and completions.
    public init(
        requests: [ServiceRequest], previous: [MatchRow], responses: [RequestResponse],
        completions: [ServiceCompletion], asOf: LocalDateTime, offersAtAsOf: Bool
    ) {
        self.asOf = asOf
        self.offersAtAsOf = offersAtAsOf
        var offerOf: [RequestID: MatchRow] = [:]
        for row in previous where row.rank == 1 && Self.holdsOffer(row.state) { offerOf[row.requestID] = row }
        var firstDispatch: [RequestID: LocalDateTime] = [:]
        for row in previous where row.rank == 1 {
            if let at = row.dispatchedAt { firstDispatch[row.requestID] = min(firstDispatch[row.requestID] ?? at, at) }
        }
        var events: [RequestID: [Event]] = [:]
        var later = 0
        for response in responses {
            if response.at > asOf { later += 1 } else { events[response.requestID, default: []].append(.response(response)) }
        }
        for completion in completions {
            if completion.startedAt > asOf {
                later += 1
            } else {
                events[completion.requestID, default: []].append(.completion(completion))
            }
        }
        var standings: [Standing] = []
        var notYet: [RequestID] = []
        var unoffered: [RequestResponse] = []
        for request in requests.sorted(by: { $0.id < $1.id }) {
            guard request.createdAt <= asOf else {
                notYet.append(request.id)
                later += events[request.id]?.count ?? 0
                continue
            }
            var standing = Standing(
                request: request, state: .open, volunteer: nil, start: nil, excluded: [],
                dispatchedAt: firstDispatch[request.id], repliedAt: nil, startedAt: nil, confirmedAt: nil,
                cancelledAt: nil, offerMoment: nil)
            var accepted = false
            var setback = request.createdAt
            if let offer = offerOf[request.id] {
                standing.volunteer = offer.personID
                standing.start = offer.start
                standing.dispatchedAt = standing.dispatchedAt ?? offer.dispatchedAt
                if offer.state == .accepted { accepted = true }
            }
            let timeline = (events[request.id] ?? []).sorted { ($0.time, $0.order) < ($1.time, $1.order) }
            for event in timeline {
                switch event {
                case .response(let response):
                    standing.repliedAt = standing.repliedAt ?? response.at
                    let holds = standing.volunteer == response.personID && standing.startedAt == nil
                    if !holds { unoffered.append(response) }
                    switch response.answer {
                    case .decline:
                        standing.excluded.insert(response.personID)
                        if holds {
                            standing.volunteer = nil
                            standing.start = nil
                            accepted = false
                            setback = max(setback, response.at)
                        }
                    case .accept:
                        if holds { accepted = true }
                    }
                case .completion(let completion):
                    switch completion.outcome {
                    case .cancelled:
                        standing.cancelledAt = standing.cancelledAt ?? completion.startedAt
                    case .noShow:
                        standing.excluded.insert(completion.personID)
                        if standing.volunteer == completion.personID {
                            standing.volunteer = nil
                            standing.start = nil
                            accepted = false
                        }
                        setback = max(setback, completion.startedAt)
                    case .done:
                        standing.volunteer = completion.personID
                        standing.start = completion.startedAt
                        standing.startedAt = completion.startedAt
                        if let confirmed = completion.confirmedAt, confirmed <= asOf {
                            standing.confirmedAt = confirmed
                        }
                    }
                }
            }
            standing.state = Self.state(standing, accepted: accepted, asOf: asOf)
            if standing.state == .open || standing.state == .declined {
                let moment = offersAtAsOf ? asOf : setback
                if Self.windowFits(request, from: moment) {
                    standing.offerMoment = moment
                } else {
                    standing.state = .overdue
                }
            }
            standings.append(standing)
        }
        self.standings = standings
        notYetOrdered = notYet
        laterEvents = later
        unofferedResponses = unoffered
    }

    /// Whether a previous row's state means its volunteer still held the offer when it was written.
    static func holdsOffer(_ state: RequestState) -> Bool {
        switch state {
        case .dispatched, .accepted, .done, .confirmed: true
        case .open, .declined, .cancelled, .overdue: false
        }
    }

    /// The state from what happened, before any new offer.
    static func state(_ standing: Standing, accepted: Bool, asOf: LocalDateTime) -> RequestState {
        if standing.startedAt != nil { return standing.confirmedAt != nil ? .confirmed : .done }
        if standing.cancelledAt != nil { return .cancelled }
        if standing.volunteer != nil {
            if accepted { return .accepted }
            return standing.request.latest <= asOf ? .overdue : .dispatched
        }
        return standing.excluded.isEmpty ? .open : .declined
    }

    /// Whether the service still fits the window when offered at `moment`.
    static func windowFits(_ request: ServiceRequest, from moment: LocalDateTime) -> Bool {
        max(request.earliest, moment).minutesSinceEpoch + request.minutes <= request.latest.minutesSinceEpoch
    }
}
