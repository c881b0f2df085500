/// A row of the cadre model that has a shortfall slack, to report the slack against its rule.
enum CadreShortfallRow {
    case post(grid: Int, post: Int)
    case cadre(Int)
    case cadres(grid: Int)
    case departments(grid: Int)
}
