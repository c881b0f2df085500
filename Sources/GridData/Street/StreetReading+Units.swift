import GridModel

extension StreetReading {
    /// units.csv (optional): `building_id, unit, households[, floors]`; without it, units are derived from each
    /// building's `units` count with households spread evenly (the remainder to the lowest-numbered units).
    func readUnits() {
        struct Listed {
            var households = 0
            var firstLine = 0
            var householdsColumn: (column: Int, name: String)?
            var complete = true
        }
        var listed: [BuildingID: Listed] = [:]
        readTable(.units, columns: Columns(required: ["building_id", "unit", "households"])) { row in
            guard let id = row.required("building_id", what: DataNoun.buildingID, log: &log) else { return }
            let known = checkBuilding(id, row: row, column: "building_id")
            let buildingID = BuildingID(id)
            var entry = listed[buildingID] ?? Listed(firstLine: row.line)
            if entry.householdsColumn == nil, let index = row.header.index(of: "households") {
                entry.householdsColumn = (index + 1, row.header.name(at: index))
            }
            defer { listed[buildingID] = entry }
            let name = row.required("unit", what: DataNoun.unitName, log: &log)
            if let name, known {
                if unitNames[buildingID, default: []].contains(name) {
                    log.add(
                        row.issue(
                            "unit", value: name, problem: Message.text("data.unit.duplicate", ["building": id]),
                            expected: Message.text("data.unit.each_once")))
                    entry.complete = false
                    return
                }
                unitNames[buildingID, default: []].insert(name)
            }
            let households = row.requiredInteger(
                "households", in: 0...StreetLimits.maximumHouseholdsPerBuilding, what: DataNoun.households, log: &log)
            let floors = row.integer("floors", in: 1...StreetLimits.maximumFloors, what: DataNoun.floors, log: &log)
            guard let name, let households, known else {
                entry.complete = false
                return
            }
            entry.households += households
            units.append(StairwellUnit(buildingID: buildingID, name: name, households: households, floors: floors))
        }
        for (buildingID, entry) in listed.sorted(by: { $0.value.firstLine < $1.value.firstLine }) {
            guard entry.complete, let building = buildings[buildingID], building.households != entry.households
            else { continue }
            let totals = [
                "building": buildingID.rawValue, "households": "\(building.households)",
            ]
            let expected =
                buildingLines[buildingID.rawValue].map {
                    Message.text("data.unit.households_expected_at", totals.merging(["line": "\($0)"]) { $1 })
                } ?? Message.text("data.unit.households_expected", totals)
            log.add(
                DataIssue(
                    file: StreetFile.units.fileName, line: entry.firstLine, column: entry.householdsColumn?.column,
                    columnName: entry.householdsColumn?.name, value: String(entry.households),
                    problem: Message.text(
                        "data.unit.households_sum",
                        ["building": buildingID.rawValue, "households": "\(entry.households)"]),
                    expected: expected))
        }
        deriveUnits(except: Set(listed.keys))
    }

    /// Cuts each building with a `units` count and no listed units into units `1`…`n`.
    private func deriveUnits(except listed: Set<BuildingID>) {
        for building in buildings.values.sorted(by: { $0.id < $1.id }) where !listed.contains(building.id) {
            guard let count = building.unitCount, count > 0 else { continue }
            let base = building.households / count
            let remainder = building.households % count
            var names: Set<String> = []
            for number in 1...count {
                let name = String(number)
                names.insert(name)
                units.append(
                    StairwellUnit(
                        buildingID: building.id, name: name, households: base + (number <= remainder ? 1 : 0),
                        floors: building.floors))
            }
            unitNames[building.id] = names
        }
    }
}
