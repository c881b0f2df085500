import GridModel

extension StreetReading {
    static let categoryByName: [String: ResidentCategory] = {
        var result: [String: ResidentCategory] = [:]
        for category in ResidentCategory.specified { result[category.rawValue] = category }
        for (alias, category) in ValueAliases.categories { result[alias] = category }
        return result
    }()

    /// residents.csv: `resident_id, building_id, categories[, unit, floor, name, birth_year, paired_person_id,
    /// needs]`.
    func readResidents() {
        var lines: [String: Int] = [:]
        let present = readTable(
            .residents, columns: Columns(required: ["resident_id", "building_id", "categories"]),
            idColumn: "resident_id", register: { id, line in lines[id] = lines[id] ?? line },
            header: { _ in
                lines.reserveCapacity(self.expectedRows)
                self.residents.reserveCapacity(self.expectedRows)
                return true
            }
        ) { row in
            let id = row.required("resident_id", what: DataNoun.residentID, log: &log)
            var isNew = false
            if let id { isNew = register(id, in: &lines, row: row, column: "resident_id", what: DataNoun.residentID) }
            let buildingText = row.required("building_id", what: DataNoun.buildingID, log: &log)
            var building: Building?
            if let buildingText {
                building = buildings[BuildingID(buildingText)]
                if building == nil { _ = checkBuilding(buildingText, row: row, column: "building_id") }
            }
            let categories = readCategories(row)
            let unit = row.text("unit")
            if let unit, let building { checkUnit(unit, of: building, row: row) }
            let floor = row.integer(
                "floor", in: 1...(building?.floors ?? StreetLimits.maximumFloors), what: DataNoun.floor, log: &log)
            let birthYear = row.integer("birth_year", in: StreetLimits.birthYears, what: DataNoun.birthYear, log: &log)
            let paired = row.text("paired_person_id")
            if let paired { _ = checkPerson(paired, row: row, column: "paired_person_id") }
            guard isNew, let id, let buildingText, let categories else { return }
            residents.append(
                Resident(
                    id: ResidentID(id), buildingID: BuildingID(buildingText), categories: categories, unit: unit,
                    floor: floor, name: row.text("name"), birthYear: birthYear,
                    pairedPersonID: paired.map { PersonID($0) }, needs: row.list("needs")))
        }
        if present || !lines.isEmpty { residentLines = lines }
    }

    /// The `categories` list, in the order given, without repeats; nil (and an issue) when empty or unknown.
    ///
    /// The data format names the categories; rules may declare more, so any lower-case `snake_case` word is
    /// accepted, while `mental_health_N` must have a danger grade from 0 to 5.
    private func readCategories(_ row: CSVRow) -> [ResidentCategory]? {
        let items = row.list("categories")
        let expectation = Message.text("data.resident.categories_expected", ["chinese_example": "独居老人;低保"])
        guard !items.isEmpty else {
            log.add(row.issue("categories", value: nil, problem: Message.text("data.resident.missing_categories"),
                    expected: expectation))
            return nil
        }
        var result: [ResidentCategory] = []
        var valid = true
        for item in items {
            if Self.isSnakeCaseWord(item), !item.hasPrefix("mental_health") {
                // Specified or declared by the rules: either way a snake_case word stands for itself.
                let category = ResidentCategory(rawValue: item)
                if !result.contains(category) { result.append(category) }
                continue
            }
            let word = ColumnAliases.normalise(item)
            if let known = Self.categoryByName[item] ?? Self.categoryByName[word] {
                if !result.contains(known) { result.append(known) }
            } else if word.hasPrefix("mental_health") {
                log.add(
                    row.issue(
                        "categories", value: item, problem: Message.text("data.resident.unknown_mental_grade"),
                        expected: "mental_health_0 … mental_health_5"))
                valid = false
            } else if Self.isSnakeCaseWord(word) {
                let category = ResidentCategory(rawValue: word)
                if !result.contains(category) { result.append(category) }
            } else {
                log.add(row.issue("categories", value: item, problem: Message.text("data.resident.unknown_category"),
                        expected: expectation))
                valid = false
            }
        }
        return valid ? result : nil
    }

    /// Orders unit names `1, 2, 10` rather than `1, 10, 2` in messages.
    static func naturalOrder(_ lhs: String, _ rhs: String) -> Bool {
        if let a = Int(lhs), let b = Int(rhs) { return a < b }
        return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}
