import GridModel

/// Checks shared by the files: ids, references, vocabularies, yes/no values, dates.
extension StreetReading {
    /// Registers `id` in `registry`, reporting a duplicate; returns false for a duplicate.
    func register(
        _ id: String, in registry: inout [String: Int], row: CSVRow, column: String, what: String
    ) -> Bool {
        if let first = registry[id] {
            log.add(
                row.issue(
                    column, value: id, problem: "duplicate \(what) id",
                    expected: "each \(column) once (first on line \(first))"))
            return false
        }
        registry[id] = row.line
        return true
    }

    /// Checks that a referenced building exists.
    func checkBuilding(_ id: String, row: CSVRow, column: String) -> Bool {
        guard buildingLines[id] == nil, !unreadable.contains(.buildings) else { return true }
        log.add(
            row.issue(column, value: id, problem: "unknown building", expected: "a building_id listed in buildings.csv")
        )
        return false
    }

    /// Checks that a referenced community exists (in communities.csv when given, else among the buildings').
    func checkCommunity(_ id: String, row: CSVRow, column: String) -> Bool {
        guard !unreadable.contains(.communities) else { return true }
        if let communityLines {
            guard communityLines[id] == nil else { return true }
            log.add(
                row.issue(
                    column, value: id, problem: "unknown community",
                    expected: "a community_id listed in communities.csv"))
            return false
        }
        guard !buildingCommunityIDs.contains(id), !unreadable.contains(.buildings) else { return true }
        log.add(
            row.issue(
                column, value: id, problem: "unknown community",
                expected: "a community_id used in buildings.csv"))
        return false
    }

    /// Checks that a referenced person exists (or defers the check while people.csv is read on another thread).
    func checkPerson(_ id: String, row: CSVRow, column: String) -> Bool {
        if deferredPersonReferences != nil {
            let index = row.header.index(of: column)
            deferredPersonReferences?.append(
                DeferredReference(
                    id: id, line: index.map { row.record.line(ofField: $0) } ?? row.line, column: index.map { $0 + 1 },
                    columnName: index.map { row.header.name(at: $0) }))
            return true
        }
        return checkListed(id, in: .people, lines: personLines, what: "person", row: row, column: column)
    }

    /// Reports a unit the building's units.csv rows do not name (a building without unit rows takes any unit).
    func checkUnit(_ unit: String, of building: Building, row: CSVRow) {
        guard let names = unitNames[building.id], !names.contains(unit) else { return }
        log.add(
            row.issue(
                "unit", value: unit, problem: "unknown unit of building \(building.id)",
                expected: "one of " + names.sorted(by: Self.naturalOrder).prefix(12).joined(separator: ", ")))
    }

    /// Checks that a referenced resident exists.
    func checkResident(_ id: String, row: CSVRow, column: String) -> Bool {
        checkListed(id, in: .residents, lines: residentLines, what: "resident", row: row, column: column)
    }

    /// Checks that `id` is listed in `file` (whose ids are `lines`, nil when the file is absent). An unreadable
    /// file was reported already and a file the job does not read is not its business, so their references pass;
    /// references into an absent file are counted and reported once (``reportUnlistedReferences()``).
    private func checkListed(
        _ id: String, in file: StreetFile, lines: [String: Int]?, what: String, row: CSVRow, column: String
    ) -> Bool {
        guard !unreadable.contains(file), needs.read.contains(file) else { return true }
        guard let lines else {
            let written = row.header.index(of: column).map(row.header.name(at:)) ?? column
            countUnlisted(file, source: "\(row.file) (\(written))")
            return true
        }
        guard lines[id] == nil else { return true }
        log.add(
            row.issue(
                column, value: id, problem: "unknown \(what)", expected: "a \(what)_id listed in \(file.fileName)"))
        return false
    }

    /// Counts one reference into the absent `file` from `source` (`residents.csv (paired_person_id)`).
    func countUnlisted(_ file: StreetFile, source: String, count: Int = 1) {
        var sources = unlistedReferences[file, default: []]
        if let index = sources.firstIndex(where: { $0.source == source }) {
            sources[index].count += count
        } else {
            sources.append((source, count))
        }
        unlistedReferences[file] = sources
    }

    /// One problem per absent file that other files refer to (unless it was reported missing already): a missing
    /// people.csv is one problem, not one per resident paired with someone.
    func reportUnlistedReferences() {
        for file in StreetFile.allCases {
            guard let sources = unlistedReferences[file], !reportedMissing.contains(file) else { continue }
            let total = sources.reduce(0) { $0 + $1.count }
            let named = sources.map { "\($0.source) \($0.count)" }.joined(separator: ", ")
            log.add(
                DataIssue(
                    file: file.fileName,
                    problem: missingProblem(file) + ", but other files refer to it \(total) time"
                        + "\(total == 1 ? "" : "s") (\(named)); those references were not checked",
                    expected: "\(file.fileName) in the street folder \(directory.path)"))
        }
    }

    /// A word of an open vocabulary: a Chinese alias, or a lower-case `snake_case` word.
    func vocabularyWord(
        _ text: String, aliases: [String: String], row: CSVRow, column: String, what: String, examples: [String]
    ) -> String? {
        // The aliases are Chinese, so a snake_case word needs no lookup.
        if Self.isSnakeCaseWord(text) { return text }
        if let known = aliases[text] { return known }
        let lowered = ColumnAliases.normalise(text)
        if let known = aliases[lowered] { return known }
        if Self.isSnakeCaseWord(lowered) { return lowered }
        log.add(
            row.issue(
                column, value: text, problem: "unknown \(what)",
                expected: "a snake_case word such as \(examples.prefix(6).joined(separator: ", ")) "
                    + "(or a Chinese name from the README)"))
        return nil
    }

    static func isSnakeCaseWord(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 0x61 && first <= 0x7A else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// A true/false cell; nil (and an issue) when it is neither.
    func boolean(_ row: CSVRow, _ column: String) -> Bool? {
        guard let text = row.text(column) else { return nil }
        if text == "true" { return true }
        if text == "false" { return false }
        if let value = Self.booleanByAlias[ColumnAliases.normalise(text)] { return value }
        log.add(
            row.issue(
                column, value: text, problem: "not a yes/no value",
                expected: "true or false (also yes/no, 1/0, 是/否)"))
        return nil
    }

    static let booleanByAlias: [String: Bool] = Dictionary(
        ValueAliases.booleans.map { (ColumnAliases.normalise($0.alias), $0.value) }, uniquingKeysWith: { a, _ in a })

    /// A calendar date (`2026-11-23`, `2026/11/23`, `2026年11月23日`: ``WrittenDate``).
    func date(_ row: CSVRow, _ column: String) -> CalendarDate? {
        row.date(column, log: &log)
    }

    /// A date and time `YYYY-MM-DDTHH:MM` (or a bare date, meaning midnight); the date in any form of
    /// ``WrittenDate`` and a space for the `T` (`2026/11/23 9:00`, as Excel shows it).
    func dateTime(_ row: CSVRow, _ column: String) -> LocalDateTime? {
        guard let text = row.text(column) else { return nil }
        if let value = WrittenDate.dateTime(text) { return value }
        log.add(
            row.issue(
                column, value: text, problem: "not a valid date and time",
                expected: "an ISO 8601 local time YYYY-MM-DDTHH:MM, such as 2026-11-23T09:00"))
        return nil
    }
}
