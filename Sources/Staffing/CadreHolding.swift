import LinearSolver

/// One possible cadre post of the cadre model: cadre c holds post t in grid g, with its hours and cost.
struct CadreHolding {
    var cadre: Int
    var grid: Int
    var post: Int
    var hours: Double
    var cost: Double
    var locked: Bool
    var variable: VariableIndex
}
