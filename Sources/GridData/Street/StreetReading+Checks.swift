import GridModel

/// Checks shared by the files: ids, references, vocabularies, yes/no values, dates.
extension StreetReading {
    /// Registers `id` in `registry`, reporting a duplicate; returns false for a duplicate. `what` names the id in
    /// the command's language (`DataNoun.buildingID`).
    func register(
        _ id: String, in registry: inout [String: Int], row: CSVRow, column: String, what: String
    ) -> Bool {
        if let first = registry[id] {
            log.add(
                row.issue(
                    column, value: id, problem: Message.text("data.id.duplicate", ["what": what]),
                    expected: Message.text("data.id.each_once", ["column": column, "line": "\(first)"])))
            return false
        }
        registry[id] = row.line
        return true
    }

    /// Checks that a referenced building exists.
    func checkBuilding(_ id: String, row: CSVRow, column: String) -> Bool {
        guard buildingLines[id] == nil, !unreadable.contains(.buildings) else { return true }
        log.add(
            row.issue(
                column, value: id, problem: Message.text("data.ref.unknown_building"),
                expected: Message.text("data.ref.listed_in", ["column": "building_id", "file": "buildings.csv"])))
        return false
    }

    /// Checks that a referenced community exists (in communities.csv when given, else among the buildings').
    func checkCommunity(_ id: String, row: CSVRow, column: String) -> Bool {
        guard !unreadable.contains(.communities) else { return true }
        if let communityLines {
            guard communityLines[id] == nil else { return true }
            log.add(
                row.issue(
                    column, value: id, problem: Message.text("data.ref.unknown_community"),
                    expected: Message.text(
                        "data.ref.listed_in", ["column": "community_id", "file": "communities.csv"])))
            return false
        }
        guard !buildingCommunityIDs.contains(id), !unreadable.contains(.buildings) else { return true }
        log.add(
            row.issue(
                column, value: id, problem: Message.text("data.ref.unknown_community"),
                expected: Message.text("data.ref.used_in", ["column": "community_id", "file": "buildings.csv"])))
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
        return checkListed(
            id, in: .people, lines: personLines, unknown: Message.text("data.ref.unknown_person"),
            idColumn: "person_id", row: row, column: column)
    }

    /// Reports a unit the building's units.csv rows do not name (a building without unit rows takes any unit).
    func checkUnit(_ unit: String, of building: Building, row: CSVRow) {
        guard let names = unitNames[building.id], !names.contains(unit) else { return }
        log.add(
            row.issue(
                "unit", value: unit, problem: Message.text("data.ref.unknown_unit", ["building": building.id.rawValue]),
                expected: Message.text(
                    "data.ref.one_of",
                    ["items": Language.current.list(names.sorted(by: Self.naturalOrder).prefix(12))])))
    }

    /// Checks that a referenced resident exists.
    func checkResident(_ id: String, row: CSVRow, column: String) -> Bool {
        checkListed(
            id, in: .residents, lines: residentLines, unknown: Message.text("data.ref.unknown_resident"),
            idColumn: "resident_id", row: row, column: column)
    }

    /// Checks that `id` is listed in `file` (whose ids are `lines`, nil when the file is absent). An unreadable
    /// file was reported already and a file the job does not read is not its business, so their references pass;
    /// references into an absent file are counted and reported once (``reportUnlistedReferences()``). `unknown` is
    /// the problem (`unknown person`), `idColumn` the column of `file` that lists the ids.
    private func checkListed(
        _ id: String, in file: StreetFile, lines: [String: Int]?, unknown: String, idColumn: String, row: CSVRow,
        column: String
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
                column, value: id, problem: unknown,
                expected: Message.text("data.ref.listed_in", ["column": idColumn, "file": file.fileName])))
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
            let named = Language.current.list(sources.map { "\($0.source) \($0.count)" })
            let problem =
                total == 1
                ? Message.text("data.file.referred_to_once", ["problem": missingProblem(file), "sources": named])
                : Message.text(
                    "data.file.referred_to",
                    ["problem": missingProblem(file), "count": "\(total)", "sources": named])
            log.add(
                DataIssue(
                    file: file.fileName, problem: problem,
                    expected: Message.text(
                        "data.file.in_street_folder", ["file": file.fileName, "folder": directory.path])))
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
                column, value: text, problem: Message.text("data.value.unknown", ["what": what]),
                expected: Message.text(
                    "data.value.snake_case_word", ["examples": Language.current.list(examples.prefix(6))])))
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
                column, value: text, problem: Message.text("data.value.not_yes_no"),
                expected: Message.text("data.value.yes_no", ["yes_no_chinese": "是/否"])))
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
                column, value: text, problem: Message.text("data.date.time_invalid"),
                expected: Message.text("data.date.time_expected")))
        return nil
    }
}
