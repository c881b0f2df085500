import GridModel

extension StreetReading {
    static let outcomeByName: [String: Visit.Outcome] = {
        var result: [String: Visit.Outcome] = [:]
        for outcome in Visit.Outcome.allCases { result[outcome.rawValue] = outcome }
        for (alias, outcome) in ValueAliases.visitOutcomes { result[alias] = outcome }
        return result
    }()

    /// visits.csv (optional): `date, person_id, resident_id, outcome`.
    func readVisits() {
        readTable(.visits, columns: Columns(required: ["date", "person_id", "resident_id", "outcome"])) { row in
            let date = row.isEmpty("date") ? nil : self.date(row, "date")
            if row.isEmpty("date") {
                log.add(
                    row.issue(
                        "date", value: nil, problem: Message.text("data.visit.missing_date"),
                        expected: WrittenDate.forms))
            }
            let person = row.required("person_id", what: DataNoun.personID, log: &log)
            let resident = row.required("resident_id", what: DataNoun.residentID, log: &log)
            let knownPerson = person.map { checkPerson($0, row: row, column: "person_id") } ?? false
            let knownResident = resident.map { checkResident($0, row: row, column: "resident_id") } ?? false
            var outcome: Visit.Outcome?
            if let text = row.required("outcome", what: DataNoun.outcome, log: &log) {
                outcome = Self.outcomeByName[text] ?? Self.outcomeByName[ColumnAliases.normalise(text)]
                if outcome == nil {
                    log.add(
                        row.issue(
                            "outcome", value: text, problem: Message.text("data.visit.unknown_outcome"),
                            expected: Message.text("data.visit.outcomes")))
                }
            }
            guard let date, let person, let resident, let outcome, knownPerson, knownResident else { return }
            visits.append(
                Visit(date: date, personID: PersonID(person), residentID: ResidentID(resident), outcome: outcome))
        }
    }

    /// requests.csv (optional): residents' service orders for the matching job. A row names the resident who
    /// ordered (`resident_id`) or, for someone not in residents.csv, the building they live in (`building_id`);
    /// exactly one of the two. The service is checked against the catalogue's ids when the loader was given them.
    func readRequests() {
        var lines: [String: Int] = [:]
        let columns = Columns(
            required: ["request_id", "service", "created_at", "earliest", "latest", "minutes"],
            alternatives: [[["resident_id"], ["building_id"]]])
        readTable(.requests, columns: columns) { row in
            let id = row.required("request_id", what: DataNoun.requestID, log: &log)
            var isNew = false
            if let id { isNew = register(id, in: &lines, row: row, column: "request_id", what: DataNoun.requestID) }
            let requester = self.requester(row)
            let service = row.required("service", what: DataNoun.service, log: &log).flatMap { self.service($0, row) }
            var times: [LocalDateTime?] = []
            for column in ["created_at", "earliest", "latest"] {
                if row.isEmpty(column) {
                    log.add(
                        row.issue(
                            column, value: nil, problem: Message.text("data.request.missing_time", ["column": column]),
                            expected: "YYYY-MM-DDTHH:MM"))
                    times.append(nil)
                } else {
                    times.append(dateTime(row, column))
                }
            }
            if let earliest = times[1], let latest = times[2], latest < earliest {
                log.add(
                    row.issue(
                        "latest", value: latest.description, problem: Message.text("data.request.window_reversed"),
                        expected: Message.text("data.request.no_earlier_than", ["earliest": "\(earliest)"])))
            }
            let minutes = row.requiredInteger(
                "minutes", in: 1...StreetLimits.maximumRequestMinutes, what: DataNoun.minutes, log: &log)
            var urgency = row.text("urgency")
            if let text = urgency, let known = knownUrgencies {
                urgency = known[text] ?? known[ColumnAliases.normalise(text)]
                if urgency == nil {
                    log.add(
                        row.issue(
                            "urgency", value: text, problem: Message.text("data.request.unknown_urgency"),
                            expected: Message.text(
                                "data.request.rule_urgencies", ["urgencies": Language.current.list(known.keys.sorted())]
                            )))
                    return
                }
            }
            guard isNew, let id, let requester, let service, let created = times[0],
                let earliest = times[1], let latest = times[2], latest >= earliest, let minutes
            else { return }
            requests.append(
                ServiceRequest(
                    id: RequestID(id), requester: requester, service: service,
                    createdAt: created, earliest: earliest, latest: latest, minutes: minutes,
                    urgency: urgency, note: row.text("note")))
        }
    }

    /// Who ordered: `resident_id` (listed in residents.csv) or `building_id` (listed in buildings.csv), one of them.
    private func requester(_ row: CSVRow) -> ServiceRequest.Requester? {
        switch (row.text("resident_id"), row.text("building_id")) {
        case (let resident?, nil):
            guard checkResident(resident, row: row, column: "resident_id") else { return nil }
            return .resident(ResidentID(resident))
        case (nil, let building?):
            guard checkBuilding(building, row: row, column: "building_id") else { return nil }
            return .building(BuildingID(building))
        case (.some, .some):
            log.add(
                row.issue(
                    "building_id", value: row.text("building_id"),
                    problem: Message.text("data.request.both_requesters"),
                    expected: Message.text("data.request.one_requester")))
            return nil
        case (nil, nil):
            log.add(
                row.issue(
                    row.header.has("resident_id") ? "resident_id" : "building_id", value: nil,
                    problem: Message.text("data.request.no_requester"),
                    expected: Message.text("data.request.one_requester")))
            return nil
        }
    }

    /// A service word; with the catalogue's ids known, one of them.
    private func service(_ text: String, _ row: CSVRow) -> Service? {
        guard let known = knownServices else {
            return vocabularyWord(
                text, aliases: [:], row: row, column: "service", what: DataNoun.service,
                examples: ["legal", "medical", "repair", "elderly_care"]
            ).map(Service.init(rawValue:))
        }
        let word = Service(rawValue: ColumnAliases.normalise(text))
        guard known.contains(word) else {
            let ids = known.map(\.rawValue).sorted()
            log.add(
                row.issue(
                    "service", value: text, problem: Message.text("data.request.unknown_service"),
                    expected: Message.text(
                        "data.request.catalogue_services",
                        ["services": Language.current.list(ids)])))
            return nil
        }
        return word
    }
}
