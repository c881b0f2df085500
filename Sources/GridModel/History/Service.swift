/// A kind of service a resident can order (requests.csv `service`); the matching rules' catalogue defines them.
public struct Service: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
