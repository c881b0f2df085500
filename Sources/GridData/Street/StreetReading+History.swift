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
                log.add(row.issue("date", value: nil, problem: "missing date", expected: WrittenDate.forms))
            }
            let person = row.required("person_id", what: "person id", log: &log)
            let resident = row.required("resident_id", what: "resident id", log: &log)
            let knownPerson = person.map { checkPerson($0, row: row, column: "person_id") } ?? false
            let knownResident = resident.map { checkResident($0, row: row, column: "resident_id") } ?? false
            var outcome: Visit.Outcome?
            if let text = row.required("outcome", what: "outcome", log: &log) {
                outcome = Self.outcomeByName[text] ?? Self.outcomeByName[ColumnAliases.normalise(text)]
                if outcome == nil {
                    log.add(
                        row.issue(
                            "outcome", value: text, problem: "unknown outcome", expected: "done, missed or refused"))
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
            let id = row.required("request_id", what: "request id", log: &log)
            var isNew = false
            if let id { isNew = register(id, in: &lines, row: row, column: "request_id", what: "request") }
            let resident = row.required("resident_id", what: "resident id", log: &log)
            let knownResident = resident.map { checkResident($0, row: row, column: "resident_id") } ?? false
            let service = row.required("service", what: "service", log: &log).flatMap {
                vocabularyWord(
                    $0, aliases: [:], row: row, column: "service", what: "service",
                    examples: ["legal", "medical", "repair", "elderly_care"])
            }
            var times: [LocalDateTime?] = []
            for column in ["created_at", "earliest", "latest"] {
                if row.isEmpty(column) {
                    log.add(
                        row.issue(column, value: nil, problem: "missing \(column)", expected: "YYYY-MM-DDTHH:MM"))
                    times.append(nil)
                } else {
                    times.append(dateTime(row, column))
                }
            }
            if let earliest = times[1], let latest = times[2], latest < earliest {
                log.add(
                    row.issue(
                        "latest", value: latest.description, problem: "the window ends before it starts",
                        expected: "a time no earlier than earliest (\(earliest))"))
            }
            let minutes = row.requiredInteger(
                "minutes", in: 1...StreetLimits.maximumRequestMinutes, what: "minutes", log: &log)
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
