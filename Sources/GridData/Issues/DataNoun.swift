import GridModel

/// The names of the values a cell holds, for problems (`missing {what}`, `{what} is not a number`), in the
/// command's language: one place for the nouns the readers pass as `what`.
enum DataNoun {
    static var buildingID: String { Message.text("data.what.building_id") }
    static var residentID: String { Message.text("data.what.resident_id") }
    static var personID: String { Message.text("data.what.person_id") }
    static var communityID: String { Message.text("data.what.community_id") }
    static var gridID: String { Message.text("data.what.grid_id") }
    static var requestID: String { Message.text("data.what.request_id") }
    static var departmentID: String { Message.text("data.what.department_id") }
    static var households: String { Message.text("data.what.households") }
    static var floors: String { Message.text("data.what.floors") }
    static var floor: String { Message.text("data.what.floor") }
    static var units: String { Message.text("data.what.units") }
    static var unitName: String { Message.text("data.what.unit_name") }
    static var buildingKind: String { Message.text("data.what.building_kind") }
    static var compoundType: String { Message.text("data.what.compound_type") }
    static var birthYear: String { Message.text("data.what.birth_year") }
    static var service: String { Message.text("data.what.service") }
    static var skill: String { Message.text("data.what.skill") }
    static var outcome: String { Message.text("data.what.outcome") }
    static var rank: String { Message.text("data.what.rank") }
    static var requestState: String { Message.text("data.what.request_state") }
    static var response: String { Message.text("data.what.response") }
    static var serviceOutcome: String { Message.text("data.what.service_outcome") }
    static var minutes: String { Message.text("data.what.minutes") }
    static var xMetres: String { Message.text("data.what.x_metres") }
    static var yMetres: String { Message.text("data.what.y_metres") }
    static var latitude: String { Message.text("data.what.latitude") }
    static var longitude: String { Message.text("data.what.longitude") }
    static var hoursPerWeek: String { Message.text("data.what.hours_per_week") }
    static var week: String { Message.text("data.what.week") }
    static var slot: String { Message.text("data.what.slot") }
    static var dayKind: String { Message.text("data.what.day_kind") }
    static var entryKind: String { Message.text("data.what.entry_kind") }
    static var abilityScore: String { Message.text("data.what.ability_score") }
    static var enthusiasmScore: String { Message.text("data.what.enthusiasm_score") }
}
