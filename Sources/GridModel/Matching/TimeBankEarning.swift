/// Time-bank minutes earned by a confirmed service: one `earn` row of the time-bank import format (earnings.csv),
/// issued from the issuance pool to the volunteer's account.
///
/// The exchange id is made from the request and the volunteer (`earn-R0001-P0042`), so that importing the same
/// earnings twice changes nothing (the time bank is idempotent per exchange id) and a rerun of the dispatch writes
/// the same ids.
public struct TimeBankEarning: Hashable, Sendable, Codable {
    /// The exchange id, unique per request and volunteer.
    public var exchangeID: String
    /// The volunteer credited; the time-bank account has the person's id.
    public var personID: PersonID
    /// Minutes credited (after the catalogue's credit rule: per minute at a rate, or a fixed amount).
    public var minutes: Int
    /// The service served.
    public var service: Service
    /// The day the service was confirmed.
    public var date: CalendarDate
    /// Who confirmed it: the import's operator.
    public var operatorName: String
    /// The request served, for the import's note.
    public var requestID: RequestID

    public init(
        exchangeID: String, personID: PersonID, minutes: Int, service: Service, date: CalendarDate,
        operatorName: String, requestID: RequestID
    ) {
        self.exchangeID = exchangeID
        self.personID = personID
        self.minutes = minutes
        self.service = service
        self.date = date
        self.operatorName = operatorName
        self.requestID = requestID
    }

    /// The earning of a completion, or nil unless it is done and confirmed (and credits at least a minute).
    ///
    /// `credit` turns the minutes served into minutes credited by the service's credit rule; `fallbackOperator`
    /// names the operator when the completion does not say who confirmed it.
    public init?(
        completion: ServiceCompletion, service: Service, fallbackOperator: String,
        credit: (Service, Int) -> Int
    ) {
        guard completion.isConfirmedDone, let confirmedAt = completion.confirmedAt else { return nil }
        let credited = credit(service, completion.minutes)
        guard credited >= 1 else { return nil }
        self.init(
            exchangeID: "earn-\(completion.requestID.rawValue)-\(completion.personID.rawValue)",
            personID: completion.personID, minutes: credited, service: service, date: confirmedAt.date,
            operatorName: completion.confirmedBy ?? fallbackOperator, requestID: completion.requestID)
    }
}
