import GridModel

/// The one service catalogue (services.yaml, `services.catalogue`) that volunteer matching and the time bank both
/// read: a service ordered, matched and credited is the same service, with the same id, names and length.
///
/// In the rule file the services are a mapping keyed by id rather than a list, so that an overlay changes one
/// service's value (`services: { home_repair: { minutes: 90 } }`) without restating the catalogue, and a service
/// written twice is the parser's duplicate-key error.
public struct ServiceCatalogue: Hashable, Sendable {
    /// A service residents can order (requests.csv `service`), with everything matching and the time bank need.
    public struct Entry: Hashable, Sendable {
        /// How a service credits its provider in the time bank.
        public enum Credit: Hashable, Sendable {
            /// Service minutes times a rate.
            case perMinute(rate: Double)
            /// A fixed price in minutes per item, whatever the time taken.
            case fixed(minutes: Int)
        }

        /// The id (requests.csv `service`).
        public var id: Service
        /// The Chinese name.
        public var nameChinese: String
        /// The English name.
        public var nameEnglish: String
        /// The 五色 team that serves it.
        public var team: String
        /// Skills a volunteer needs, all of them; empty when anyone may serve.
        public var skills: [Skill]
        /// Usual length in minutes.
        public var minutes: Int
        /// How the time bank credits the provider.
        public var credit: Credit
        /// Earn-only services earn minutes but cannot be redeemed.
        public var earnOnly: Bool
        /// The minimum qualification of a provider; nil when anyone eligible to earn may serve.
        public var provider: RuleCondition?
        /// Whether ordering it reveals a sensitive category of the resident (psychological support reveals a
        /// mental-health need): its name stays off public printouts.
        public var sensitive: Bool

        /// The name in `language`.
        public func name(in language: Language) -> String {
            language == .chinese ? nameChinese : nameEnglish
        }

        /// The name in the command's language.
        public var name: String { name(in: Language.current) }
    }

    /// The services, sorted by id.
    public var services: [Entry]
    /// The rule that states the catalogue.
    public var ruleID: RuleID
    /// Where the rule is written.
    public var location: SourceLocation

    /// A service by id.
    public func service(_ id: Service) -> Entry? { services.first { $0.id == id } }

    /// Keys a service may have.
    static let serviceKeys = [
        "name_zh", "name_en", "team", "skills", "minutes", "credit", "rate", "amount_minutes", "earn_only", "provider",
        "sensitive",
    ]

    /// Credit kinds and the key that gives each its amount.
    static let creditAmountKeys = ["per_minute": "rate", "fixed": "amount_minutes"]

    init?(reading index: RuleIndex) {
        Self.reportRetiredTypes(index)
        guard let rule = index.one(.serviceCatalogue), let parameters = index.parameters(rule, ["services"]),
            let list = parameters.value("services")
        else { return nil }
        guard let entries = list.entries else {
            index.context.report(
                .wrongType, at: list.location,
                Message.text(
                    "rules.services.expected_mapping", ["rule": rule.id.rawValue, "found": list.shapeDescription]))
            return nil
        }
        var services: [Entry] = []
        var complete = true
        for entry in entries {
            if let service = Self.service(entry, rule: rule, context: index.context) {
                services.append(service)
            } else {
                complete = false
            }
        }
        guard complete else { return nil }
        self.services = services.sorted { $0.id < $1.id }
        ruleID = rule.id
        location = rule.location
    }

    /// A rule of the retired `timebank_services` type (a rules folder written before the catalogue) would be read by
    /// nobody; say where its services belong now.
    private static func reportRetiredTypes(_ index: RuleIndex) {
        for rule in index.all(.timeBankServices) {
            index.context.report(
                .wrongType, at: rule.entry["type"]?.location ?? rule.location,
                Message.text("rules.services.retired_type", ["rule": rule.id.rawValue]))
        }
    }

    /// Whether a service id is lower-case letters, digits and `_`, as requests.csv writes it.
    static func isValidID(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Reads one service, reporting every problem in it; nil when any.
    private static func service(_ entry: RuleNode.Entry, rule: Rule, context: RuleReadContext) -> Entry? {
        let id = entry.key
        let path = "parameters.services.\(id)"
        let arguments = ["rule": rule.id.rawValue, "service": id, "path": path]
        var valid = true
        if !isValidID(id) {
            valid = false
            context.report(.wrongType, at: entry.keyLocation, Message.text("rules.services.bad_id", arguments))
        }
        guard let map = ParameterMap(entry.value, keys: serviceKeys, ruleID: rule.id, path: path, context: context)
        else { return nil }
        func name(_ key: String, missing: String) -> String? {
            guard map.value(key, required: false) != nil else {
                context.report(.missingKey, at: entry.keyLocation, Message.text(missing, arguments))
                return nil
            }
            return map.text(key)?.value
        }
        let nameChinese = name("name_zh", missing: "rules.services.no_chinese_name")
        let nameEnglish = name("name_en", missing: "rules.services.no_english_name")
        let team = map.text("team")
        let skills = map.skills("skills")
        var minutes = map.int("minutes", atLeast: Int.min)
        if let length = minutes, length.value < 1 {
            let shown = arguments.merging(["minutes": "\(length.value)"]) { $1 }
            context.report(
                .outOfRange, at: length.location, Message.text("rules.services.minutes_below_one", shown))
            minutes = nil
        }
        let credit = self.credit(map, arguments: arguments)
        let earnOnly = map.bool("earn_only", required: false)
        let provider = map.condition("provider", required: false)
        let sensitive = map.bool("sensitive")
        guard valid, let nameChinese, let nameEnglish, let team, let skills, let minutes, let credit, let sensitive
        else { return nil }
        // A value written but unreadable was reported by its getter; an empty one (`~`) means the default.
        if map.value("earn_only", required: false) != nil && earnOnly == nil { return nil }
        if map.value("provider", required: false) != nil && provider == nil { return nil }
        return Entry(
            id: Service(rawValue: id), nameChinese: nameChinese, nameEnglish: nameEnglish, team: team.value,
            skills: skills.value, minutes: minutes.value, credit: credit, earnOnly: earnOnly?.value ?? false,
            provider: provider?.value, sensitive: sensitive.value)
    }

    /// The credit: its kind, the amount that kind needs (positive), and no amount of the other kind.
    private static func credit(_ map: ParameterMap, arguments: [String: String]) -> Entry.Credit? {
        guard let kind = map.text("credit") else { return nil }
        let kinds = creditAmountKeys.keys.sorted()
        guard let amountKey = creditAmountKeys[kind.value] else {
            let more = [
                "value": kind.value, "allowed": Language.current.list(kinds),
                "hint": NearestName.hint(for: kind.value, among: kinds),
            ]
            map.context.report(
                .outOfRange, at: kind.location,
                Message.text("rules.services.unknown_credit", arguments.merging(more) { $1 }))
            return nil
        }
        var consistent = true
        for (otherKind, otherKey) in creditAmountKeys where otherKind != kind.value {
            guard let unused = map.value(otherKey, required: false) else { continue }
            consistent = false
            let more = ["credit": kind.value, "key": otherKey]
            map.context.report(
                .contradiction, at: unused.location,
                Message.text("rules.services.credit_key_unused", arguments.merging(more) { $1 }))
        }
        guard map.value(amountKey, required: false) != nil else {
            let missing =
                kind.value == "fixed" ? "rules.services.fixed_without_amount" : "rules.services.per_minute_without_rate"
            map.context.report(.missingKey, at: kind.location, Message.text(missing, arguments))
            return nil
        }
        let credit: Entry.Credit?
        if kind.value == "fixed" {
            credit = map.int(amountKey, atLeast: Int.min).flatMap { amount in
                guard amount.value > 0 else {
                    map.context.report(
                        .outOfRange, at: amount.location,
                        Message.text(
                            "rules.services.amount_not_positive",
                            arguments.merging(["amount": "\(amount.value)"]) { $1 }))
                    return nil
                }
                return .fixed(minutes: amount.value)
            }
        } else {
            credit = map.number(amountKey, atLeast: -Double.greatestFiniteMagnitude).flatMap { rate in
                guard rate.value > 0 else {
                    map.context.report(
                        .outOfRange, at: rate.location,
                        Message.text(
                            "rules.services.rate_not_positive",
                            arguments.merging(["rate": RuleKind.format(rate.value)]) { $1 }))
                    return nil
                }
                return .perMinute(rate: rate.value)
            }
        }
        return consistent ? credit : nil
    }
}
