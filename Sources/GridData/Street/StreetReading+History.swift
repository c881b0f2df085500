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
                log.add(row.issue("date", value: nil, problem: Message.text("data.visit.missing_date"),
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

    /// requests.csv (optional): residents' service orders for the matching job.
    func readRequests() {
        var lines: [String: Int] = [:]
        let columns = Columns(
            required: ["request_id", "resident_id", "service", "created_at", "earliest", "latest", "minutes"])
        readTable(.requests, columns: columns) { row in
            let id = row.required("request_id", what: DataNoun.requestID, log: &log)
            var isNew = false
            if let id { isNew = register(id, in: &lines, row: row, column: "request_id", what: DataNoun.requestID) }
            let resident = row.required("resident_id", what: DataNoun.residentID, log: &log)
            let knownResident = resident.map { checkResident($0, row: row, column: "resident_id") } ?? false
            let service = row.required("service", what: DataNoun.service, log: &log).flatMap {
                vocabularyWord(
                    $0, aliases: [:], row: row, column: "service", what: DataNoun.service,
                    examples: ["legal", "medical", "repair", "elderly_care"])
            }
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
            guard isNew, let id, let resident, knownResident, let service, let created = times[0],
                let earliest = times[1], let latest = times[2], let minutes
            else { return }
            requests.append(
                ServiceRequest(
                    id: RequestID(id), residentID: ResidentID(resident), service: Service(rawValue: service),
                    createdAt: created, earliest: earliest, latest: latest, minutes: minutes,
                    urgency: row.text("urgency"), note: row.text("note")))
        }
    }
}
