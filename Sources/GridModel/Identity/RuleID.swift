/// Tag type for rule ids; it carries no data.
public enum RuleTag {}

/// The id of a rule (`grid.households_per_grid`), cited by every assignment a job makes.
public typealias RuleID = Identifier<RuleTag>
