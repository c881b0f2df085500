/// One row of unmatched.csv: a request no volunteer could take, the rule that blocked it and why in words.
public struct UnmatchedRow: Hashable, Sendable, Codable {
    /// The request.
    public var requestID: RequestID
    /// The rule that blocked it (`matching.distance`, `matching.skills` …).
    public var ruleID: RuleID
    /// Why, in the command's language; never a resident's category.
    public var reason: String

    public init(requestID: RequestID, ruleID: RuleID, reason: String) {
        self.requestID = requestID
        self.ruleID = ruleID
        self.reason = reason
    }
}
