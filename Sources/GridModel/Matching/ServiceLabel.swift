/// What a printout may say about a service: its names in both languages, and whether naming it would reveal a
/// sensitive category of the resident (the catalogue's `sensitive`).
///
/// The rules' catalogue lives in the rules module, which the file writers do not depend on; the command hands the
/// writers these labels, built from the catalogue it loaded.
public struct ServiceLabel: Hashable, Sendable, Codable {
    /// The service.
    public var service: Service
    /// Its Chinese name (服务名称).
    public var nameChinese: String
    /// Its English name.
    public var nameEnglish: String
    /// Whether ordering it reveals a sensitive category (psychological support): then no printout names it.
    public var sensitive: Bool

    public init(service: Service, nameChinese: String, nameEnglish: String, sensitive: Bool) {
        self.service = service
        self.nameChinese = nameChinese
        self.nameEnglish = nameEnglish
        self.sensitive = sensitive
    }
}
