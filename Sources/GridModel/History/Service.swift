/// A kind of service a resident can order (requests.csv `service`); the rules' one service catalogue
/// (`services.catalogue`, Rules/services.yaml) defines them for matching and the time bank.
public struct Service: OpenVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
