extension StreetFile {
    /// The columns the engine reads from this file when they are there (../shared/spec/data-format.md), besides the
    /// required ones each reader names: a header cell one edit away from one of these, in a file that lacks it, is
    /// a misspelling (``ColumnSpelling``), while any other unknown column is allowed.
    var optionalColumns: [String] {
        switch self {
        case .communities: ["name", "code"]
        case .departments: ["name"]
        case .buildings:
            ["compound_id", "x", "y", "lat", "lon", "kind", "compound_type", "floors", "units", "street_id"]
        case .units: ["floors"]
        case .adjacency: []
        case .barriers: []
        case .people:
            [
                "name", "department", "party_member", "home_building_id", "x", "y", "lat", "lon", "community_id",
                "hours_per_week", "skills", "availability", "phone", "birth_year", "work_building_id", "ability",
                "enthusiasm",
            ]
        case .residents: ["unit", "floor", "name", "birth_year", "paired_person_id", "needs"]
        case .grids: ["unit", "floors", "micro_grid_id", "kind"]
        case .locks: ["building_id", "person_id", "grid_id", "micro_grid_id", "post"]
        case .visits: []
        case .requests: ["resident_id", "building_id", "urgency", "note"]
        }
    }
}
