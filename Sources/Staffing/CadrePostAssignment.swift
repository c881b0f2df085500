import GridModel
import GridRules

/// One row of cadres.csv: a sunk-down cadre holding one post in one grid.
public struct CadrePostAssignment: Hashable, Sendable {
    /// The cadre.
    public var personID: PersonID
    /// The cadre's department.
    public var departmentID: DepartmentID?
    /// The grid.
    public var gridID: GridID
    /// The post id (`know_people`, `pair_family`, `take_post`, `take_matter`).
    public var post: String
    /// Weekly hours of the post in this grid.
    public var hours: Double
    /// Why, citing rule ids.
    public var reason: String
}
