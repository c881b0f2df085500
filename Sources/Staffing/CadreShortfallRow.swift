/// A row of the cadre model that has a shortfall slack, to report the slack against its rule.
enum CadreShortfallRow {
    case cadre(Int)
    case cadres(grid: Int)
    case departments(grid: Int)
}
