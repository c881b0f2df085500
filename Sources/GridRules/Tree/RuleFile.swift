/// The text of one rule file and the relative name it is known by (its name inside the rules folder, or an
/// overlay's path as given on the command line).
public struct RuleFile: Hashable, Sendable {
    /// The relative name, used in every location and in the rule-set identity.
    public var name: String
    /// The file's text (UTF-8).
    public var text: String

    /// Creates a rule file from its name and text.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
