/// Errors of the rules module.
public enum GridRulesError: Error {}
