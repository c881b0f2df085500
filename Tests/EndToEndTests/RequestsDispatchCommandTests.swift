import Foundation
import Testing

/// `wangge requests dispatch` run as a user would, on a small street (the sample street with 30 requests of
/// community C02): the files of a round, the loop across two rounds, every "2341" reading recomputed by the tests'
/// own clock (no code of the engine), time-bank earnings against the catalogue's credit, bad input named by file,
/// line and column, and byte-identical reruns.
@Suite(.serialized) struct RequestsDispatchCommandTests {
    // MARK: The small street and round 1

    /// The week of the sample street's requests.
    static let week = "2026-W48"
    /// The live round's moment (a Wednesday, made a holiday by the test calendar).
    static let liveMoment = "2026-11-25T12:00"

    /// The sample street with its requests cut down to the first 30 of community C02 (made once).
    static let smallStreet: Result<URL, any Error> = Result {
        let folder = try RosterTestKit.copyFolder(RosterTestKit.sampleStreet, tag: "dispatch-street")
        let residents = try RosterTestKit.read(folder.appendingPathComponent("residents.csv"))
        var buildingOf: [String: String] = [:]
        for record in residents.records { buildingOf[record["resident_id"] ?? ""] = record["building_id"] ?? "" }
        let requestsFile = folder.appendingPathComponent("requests.csv")
        var requests = try RosterTestKit.read(requestsFile)
        let kept = requests.records.enumerated().filter { _, record in
            let building = (record["building_id"] ?? "").isEmpty
                ? buildingOf[record["resident_id"] ?? ""] ?? "" : record["building_id"] ?? ""
            return building.hasPrefix("C02-")
        }.prefix(30).map { requests.rows[$0.offset] }
        guard kept.count == 30 else { throw RosterTestKit.KitError("only \(kept.count) requests of C02") }
        requests.rows = Array(kept)
        try RosterTestKit.write(requests, to: requestsFile)
        return folder
    }

    /// Round 1: the week replayed in batch on the small street (made once).
    static let roundOne: Result<(outcome: WanggeBinary.Outcome, out: URL), any Error> = Result {
        let street = try smallStreet.get()
        let out = try RosterTestKit.temporaryDirectory("dispatch-round1").appendingPathComponent("round1")
        let outcome = try dispatch(street, out: out)
        guard outcome.status <= 1 else { throw RosterTestKit.KitError("round 1 failed: \(outcome.stderr)") }
        return (outcome, out)
    }

    static func dispatch(_ street: URL, out: URL, _ extra: [String] = []) throws -> WanggeBinary.Outcome {
        try RosterTestKit.run(["requests", "dispatch", street.path, "--week", week] + extra + ["--out", out.path])
    }

    /// One request of requests.csv, its times in minutes.
    struct Order {
        var id: String
        var service: String
        var created: Int
        var earliest: Int
        var latest: Int
        var minutes: Int
        /// When the resident wants the service to begin: the later of created_at and earliest.
        var wanted: Int { max(created, earliest) }
    }

    static func orders(_ street: URL) throws -> [String: Order] {
        var result: [String: Order] = [:]
        for record in try RosterTestKit.read(street.appendingPathComponent("requests.csv")).records {
            let id = record["request_id"] ?? ""
            result[id] = Order(
                id: id, service: record["service"] ?? "", created: try Clock.minutes(record["created_at"]),
                earliest: try Clock.minutes(record["earliest"]), latest: try Clock.minutes(record["latest"]),
                minutes: Int(record["minutes"] ?? "") ?? 0)
        }
        return result
    }

    static func table(_ folder: URL, _ name: String) throws -> RosterTestKit.Table {
        try RosterTestKit.read(folder.appendingPathComponent(name))
    }

    static func kpis(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("kpis.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: The tests' own clock

    /// Local times as minutes since 1970-01-01T00:00, by the civil calendar (no Foundation calendar, no engine code).
    enum Clock {
        static func days(year: Int, month: Int, day: Int) -> Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let mp = (month + 9) % 12
            let doy = (153 * mp + 2) / 5 + day - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146097 + doe - 719468
        }

        static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
            let z = days + 719468
            let era = (z >= 0 ? z : z - 146096) / 146097
            let doe = z - era * 146097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let day = doy - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }

        /// `2026-11-23T09:05` → minutes.
        static func minutes(_ text: String?) throws -> Int {
            let parts = (text ?? "").split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
            guard parts.count == 5 else { throw RosterTestKit.KitError("not a time: \(text ?? "nil")") }
            return days(year: parts[0], month: parts[1], day: parts[2]) * 1440 + parts[3] * 60 + parts[4]
        }

        static func dayNumber(_ date: String) throws -> Int { try minutes(date + "T00:00") / 1440 }

        static func text(_ minutes: Int) -> String {
            let (y, m, d) = civil(minutes / 1440)
            let minute = minutes % 1440
            return String(format: "%04d-%02d-%02dT%02d:%02d", y, m, d, minute / 60, minute % 60)
        }

        /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
        static func weekday(_ day: Int) -> Int { ((day % 7 + 7) % 7 + 3) % 7 + 1 }
    }

    /// The "2341" targets as Rules/matching.yaml's matching.response_2341 states them, computed afresh.
    struct TargetOracle {
        var respondMinutes: Int
        var replyMinutes: Int
        var coordinateMinutes: Int
        var solveWorkingDays: Int
        var holidays: Set<Int> = []
        var workdays: Set<Int> = []

        /// The parameters of matching.response_2341, read from the rule file by the test.
        static func fromRules() throws -> TargetOracle {
            let text = try String(
                contentsOf: RosterTestKit.repository.appendingPathComponent("Rules/matching.yaml"), encoding: .utf8)
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let start = try #require(lines.firstIndex { $0 == "- id: matching.response_2341" })
            var values: [String: Int] = [:]
            for line in lines[(start + 1)...] {
                if line.hasPrefix("- id:") { break }
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let number = Int(parts[1]) { values[parts[0]] = number }
            }
            return TargetOracle(
                respondMinutes: try #require(values["respond_minutes"]),
                replyMinutes: try #require(values["reply_minutes"]),
                coordinateMinutes: try #require(values["coordinate_hours"]) * 60,
                solveWorkingDays: try #require(values["solve_working_days"]))
        }

        func isWorkingDay(_ day: Int) -> Bool {
            !holidays.contains(day) && (Clock.weekday(day) <= 5 || workdays.contains(day))
        }

        /// Due at the same clock time on the n-th working day after the date of `moment`.
        func solveDue(_ moment: Int) -> Int {
            var day = moment / 1440
            var counted = 0
            while counted < solveWorkingDays {
                day += 1
                if isWorkingDay(day) { counted += 1 }
            }
            return day * 1440 + moment % 1440
        }

        struct Reading: Equatable, CustomStringConvertible {
            var outcome: String
            var due: String
            var at: String?
            var late: Int
            var description: String { "\(outcome) due \(due) at \(at ?? "-") late \(late)" }
        }

        static func reading(due: Int, at: Int?, cancelled: Int?, asOf: Int) -> Reading {
            if let at, at <= asOf {
                return Reading(
                    outcome: at <= due ? "met" : "missed", due: Clock.text(due), at: Clock.text(at),
                    late: max(0, at - due))
            }
            if let cancelled, cancelled <= due {
                return Reading(outcome: "cancelled", due: Clock.text(due), at: nil, late: 0)
            }
            // A request called off stops its clock: what never happened is late until the call-off, not until as-of.
            let end = cancelled.map { min($0, asOf) } ?? asOf
            if end > due { return Reading(outcome: "missed", due: Clock.text(due), at: nil, late: end - due) }
            return Reading(outcome: "pending", due: Clock.text(due), at: nil, late: 0)
        }

        /// respond, reply, coordinate, solve.
        func readings(
            _ order: Order, dispatched: Int?, replied: Int?, started: Int?, confirmed: Int?, cancelled: Int?, asOf: Int
        ) -> [String: Reading] {
            [
                "respond": Self.reading(
                    due: order.created + respondMinutes, at: dispatched, cancelled: cancelled, asOf: asOf),
                "reply": Self.reading(due: order.created + replyMinutes, at: replied, cancelled: cancelled, asOf: asOf),
                "coordinate": Self.reading(
                    due: order.wanted + coordinateMinutes, at: started, cancelled: cancelled, asOf: asOf),
                "solve": Self.reading(due: solveDue(order.wanted), at: confirmed, cancelled: cancelled, asOf: asOf),
            ]
        }
    }

    static func engineReading(_ value: Any?) -> TargetOracle.Reading? {
        guard let object = value as? [String: Any] else { return nil }
        return TargetOracle.Reading(
            outcome: object["outcome"] as? String ?? "?", due: object["due"] as? String ?? "?",
            at: object["at"] as? String, late: object["late_minutes"] as? Int ?? -1)
    }

    // MARK: 1. A batch round

    @Test func aBatchRoundWritesEveryFileOwnerOnlyAndAccountsForEveryRequest() throws {
        let street = try Self.smallStreet.get()
        let (outcome, out) = try Self.roundOne.get()
        let names = [
            "matches.csv", "unmatched.csv", "request_states.csv", "earnings.csv", "sheets.html", "kpis.json",
            "run.json", "matching.xlsx",
        ]
        for name in names {
            let path = out.appendingPathComponent(name).path
            #expect(FileManager.default.fileExists(atPath: path), "\(name) missing")
            let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name): mode \(String(mode ?? 0, radix: 8))")
        }
        let folderMode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700, "--out: mode \(String(folderMode ?? 0, radix: 8))")
        let orders = try Self.orders(street)
        let weekStart = try Clock.minutes("2026-11-23T00:00")
        let weekEnd = weekStart + 7 * 1440
        let ofWeek = Set(orders.values.filter { $0.latest > weekStart && $0.earliest < weekEnd }.map(\.id))
        #expect(ofWeek.count == 30)

        let states = try Self.table(out, "request_states.csv")
        let stateIDs = states.records.map { $0["request_id"] ?? "" }
        #expect(stateIDs.count == Set(stateIDs).count, "a request listed twice in request_states.csv")
        #expect(Set(stateIDs) == ofWeek)

        let people = Set(try Self.table(street, "people.csv").records.map { $0["person_id"] ?? "" })
        let matches = try Self.table(out, "matches.csv").records
        let rankOne = matches.filter { $0["rank"] == "1" }
        #expect(!rankOne.isEmpty)
        for row in rankOne {
            let person = row["person_id"] ?? ""
            #expect(people.contains(person), "\(row["request_id"] ?? ""): rank 1 names \"\(person)\"")
            // In batch, an offer is made as the order comes in.
            if row["state"] == "dispatched", let order = orders[row["request_id"] ?? ""] {
                #expect(row["dispatched_at"] == Clock.text(order.created), "\(order.id): \(row)")
            }
        }
        let rankOneIDs = rankOne.map { $0["request_id"] ?? "" }
        #expect(rankOneIDs.count == Set(rankOneIDs).count, "two rank-1 rows for one request")
        let unmatched = try Self.table(out, "unmatched.csv").records
        for row in unmatched {
            #expect(!(row["rule_id"] ?? "").isEmpty, "\(row["request_id"] ?? ""): no rule_id")
            #expect(!rankOneIDs.contains(row["request_id"] ?? ""), "\(row["request_id"] ?? "") matched and unmatched")
        }
        // Every request is held by someone or explained.
        #expect(Set(rankOneIDs).union(unmatched.map { $0["request_id"] ?? "" }) == ofWeek)
        let missed = states.records.contains { record in
            ["respond", "reply", "coordinate", "solve"].contains { record[$0] == "missed" }
        }
        let expected: Int32 = unmatched.isEmpty && !missed ? 0 : 1
        #expect(outcome.status == expected, "\(outcome.stdout)\n\(outcome.stderr.prefix(500))")
        let details = try #require(try Self.kpis(out)["details"] as? [String: Any])
        #expect(details["mode"] as? String == "batch")
        #expect(details["as_of"] as? String == "2026-11-30T00:00")
    }

    // MARK: 2. The loop over two rounds, and the 2341 readings recomputed

    @Test func aLiveRoundAfterAnswersKeepsTheAcceptedAndReadsEveryTargetAsTheRulesSay() throws {
        let street = try Self.smallStreet.get()
        let (_, roundOne) = try Self.roundOne.get()
        let orders = try Self.orders(street)
        let asOf = try Clock.minutes(Self.liveMoment)
        let firstRows = try Self.table(roundOne, "matches.csv").records.filter { $0["rank"] == "1" }
        var offer: [String: (person: String, start: String, dispatched: Int)] = [:]
        for row in firstRows {
            guard let at = row["dispatched_at"], !at.isEmpty else { continue }
            offer[row["request_id"] ?? ""] = (row["person_id"] ?? "", row["start"] ?? "", try Clock.minutes(at))
        }
        // Requests offered in round 1 and ordered at least two hours before the live moment, by id.
        let offered = offer.keys.compactMap { orders[$0] }.filter { $0.created <= asOf - 120 }.sorted { $0.id < $1.id }
        var used: Set<String> = []
        func pick(_ test: (Order) -> Bool) throws -> Order {
            let order = try #require(offered.first { !used.contains($0.id) && test($0) })
            used.insert(order.id)
            return order
        }
        // Served on time and confirmed; served late and confirmed; accepted, not yet served; declined; called off.
        let served = try pick { $0.wanted + 70 + $0.minutes <= asOf }
        let servedLate = try pick { $0.wanted + 300 + $0.minutes + 10 <= asOf }
        let accepted = try pick { $0.wanted > asOf }
        // Wednesday is a holiday in the test calendar: a window reaching into Thursday leaves room to dispatch again.
        let declined = try pick { $0.latest >= asOf + 1440 + $0.minutes }
        let cancelled = try pick { _ in true }

        let scratch = try RosterTestKit.temporaryDirectory("dispatch-live")
        var responses: [[String]] = [["request_id", "person_id", "response", "at"]]
        var completions: [[String]] = [
            ["request_id", "person_id", "started_at", "minutes", "outcome", "confirmed_by", "confirmed_at"]
        ]
        func holder(_ order: Order) -> String { offer[order.id]?.person ?? "" }
        responses.append([served.id, holder(served), "accept", Clock.text(served.created + 10)])
        responses.append([accepted.id, holder(accepted), "accept", Clock.text(accepted.created + 10)])
        responses.append([declined.id, holder(declined), "decline", Clock.text(declined.created + 45)])
        let servedStart = served.wanted + 60
        completions.append([
            served.id, holder(served), Clock.text(servedStart), String(served.minutes), "done", "社区",
            Clock.text(servedStart + served.minutes + 10),
        ])
        let lateStart = servedLate.wanted + 300
        completions.append([
            servedLate.id, holder(servedLate), Clock.text(lateStart), String(servedLate.minutes), "done", "社区",
            Clock.text(asOf - 5),
        ])
        completions.append([
            cancelled.id, holder(cancelled), Clock.text(cancelled.created + 15), "1", "cancelled", "", "",
        ])
        let responsesFile = scratch.appendingPathComponent("responses.csv")
        let completionsFile = scratch.appendingPathComponent("completions.csv")
        let calendarFile = scratch.appendingPathComponent("calendar.csv")
        try RosterTestKit.write(
            RosterTestKit.Table(header: responses[0], rows: Array(responses.dropFirst())), to: responsesFile)
        try RosterTestKit.write(
            RosterTestKit.Table(header: completions[0], rows: Array(completions.dropFirst())), to: completionsFile)
        // Wednesday a holiday, Saturday a 调休 working day.
        try "date,kind\n2026-11-25,holiday\n2026-11-28,workday\n".write(
            to: calendarFile, atomically: true, encoding: .utf8)

        let out = scratch.appendingPathComponent("round2")
        let outcome = try Self.dispatch(
            street, out: out,
            [
                "--as-of", Self.liveMoment, "--previous", roundOne.path, "--responses", responsesFile.path,
                "--completions", completionsFile.path, "--calendar", calendarFile.path,
            ])
        #expect(outcome.status <= 1, "\(outcome.stderr.prefix(800))")
        guard outcome.status <= 1 else { return }

        // The loop.
        let states = Dictionary(
            try Self.table(out, "request_states.csv").records.map { ($0["request_id"] ?? "", $0) },
            uniquingKeysWith: { a, _ in a })
        let matches = try Self.table(out, "matches.csv").records
        let rankOne = Dictionary(
            matches.filter { $0["rank"] == "1" }.map { ($0["request_id"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(states[accepted.id]?["state"] == "accepted", "\(states[accepted.id] ?? [:])")
        #expect(states[accepted.id]?["person_id"] == holder(accepted))
        #expect(states[accepted.id]?["start"] == offer[accepted.id]?.start)
        #expect(rankOne[accepted.id]?["person_id"] == holder(accepted))
        #expect(rankOne[accepted.id]?["start"] == offer[accepted.id]?.start)
        #expect(rankOne[accepted.id]?["state"] == "accepted")
        let unmatchedIDs = Set(try Self.table(out, "unmatched.csv").records.map { $0["request_id"] ?? "" })
        if let row = rankOne[declined.id] {
            #expect(row["state"] == "dispatched", "\(row)")
        } else {
            #expect(unmatchedIDs.contains(declined.id), "declined \(declined.id) is neither dispatched nor unmatched")
        }
        for row in matches where row["request_id"] == declined.id {
            #expect(row["person_id"] != holder(declined), "the decliner is offered \(declined.id) again: \(row)")
        }
        #expect(states[served.id]?["state"] == "confirmed")
        #expect(states[servedLate.id]?["state"] == "confirmed")
        #expect(states[cancelled.id]?["state"] == "cancelled")
        // Requests ordered after the live moment wait for a later round.
        let ordered = Set(orders.values.filter { $0.created <= asOf }.map(\.id))
        #expect(Set(states.keys) == ordered)

        // The 2341 readings, recomputed.
        var oracle = try TargetOracle.fromRules()
        oracle.holidays = [try Clock.dayNumber("2026-11-25")]
        oracle.workdays = [try Clock.dayNumber("2026-11-28")]
        var replied: [String: Int] = [:]
        for row in responses.dropFirst() {
            let at = try Clock.minutes(row[3])
            if at <= asOf { replied[row[0]] = min(replied[row[0]] ?? at, at) }
        }
        var started: [String: Int] = [:]
        var confirmed: [String: Int] = [:]
        var calledOff: [String: Int] = [:]
        for row in completions.dropFirst() {
            let at = try Clock.minutes(row[2])
            guard at <= asOf else { continue }
            if row[4] == "cancelled" { calledOff[row[0]] = min(calledOff[row[0]] ?? at, at) }
            if row[4] == "done" {
                started[row[0]] = at
                if !row[6].isEmpty, try Clock.minutes(row[6]) <= asOf { confirmed[row[0]] = try Clock.minutes(row[6]) }
            }
        }
        let details = try #require(try Self.kpis(out)["details"] as? [String: Any])
        #expect(details["mode"] as? String == "live")
        #expect(details["as_of"] as? String == Self.liveMoment)
        let requests = try #require(details["requests"] as? [[String: Any]])
        #expect(Set(requests.compactMap { $0["request_id"] as? String }) == ordered)
        var tallies: [String: [String: Int]] = [:]
        let targets = ["respond", "reply", "coordinate", "solve"]
        for request in requests {
            let id = request["request_id"] as? String ?? ""
            let order = try #require(orders[id])
            // Respond: the first dispatch (round 1's offer, else this round's at the live moment).
            var dispatched = offer[id]?.dispatched
            if dispatched == nil, let row = rankOne[id], row["state"] == "dispatched" {
                #expect(row["dispatched_at"] == Self.liveMoment, "\(id): \(row)")
                dispatched = asOf
            }
            let expected = oracle.readings(
                order, dispatched: dispatched, replied: replied[id], started: started[id], confirmed: confirmed[id],
                cancelled: calledOff[id], asOf: asOf)
            for target in targets {
                let reading = try #require(expected[target])
                let engine = Self.engineReading(request[target])
                #expect(engine == reading, "\(id) \(target): engine \(engine?.description ?? "nil"), rules \(reading)")
                tallies[target, default: [:]][reading.outcome, default: 0] += 1
                tallies[target, default: [:]]["late_minutes", default: 0] += reading.late
            }
        }
        let engineTallies = try #require(details["targets"] as? [String: [String: Int]])
        for target in targets {
            for key in ["met", "missed", "pending", "cancelled", "late_minutes"] {
                let engine = engineTallies[target]?[key]
                let rules = tallies[target]?[key] ?? 0
                #expect(engine == rules, "\(target).\(key): engine \(engine ?? -1), rules \(rules)")
            }
        }
        // All four outcomes occur, so that each branch of the rules was compared.
        for outcome in ["met", "missed", "pending", "cancelled"] {
            #expect(targets.contains { (tallies[$0]?[outcome] ?? 0) > 0 }, "no \(outcome) reading")
        }
        // The holiday moved a solve target: something was due on Thursday that a plain week would put on Wednesday.
        let holidayMoved = requests.contains { request in
            guard let id = request["request_id"] as? String, let order = orders[id] else { return false }
            return Clock.weekday(order.wanted / 1440) == 2
                && Self.engineReading(request["solve"])?.due.hasPrefix("2026-11-26") == true
        }
        #expect(holidayMoved, "no request wanted on Tuesday to show the holiday")
    }

    /// A request called off after its reply was due, with no answer: the reply is missed, late until the call-off
    /// (the README's rule: a call-off stops the clock; only one at or before the due time makes a target
    /// `cancelled`), not until `as_of`.
    @Test func aCallOffAfterTheReplyWasDueLeavesItMissedUntilTheCallOff() throws {
        let street = try Self.smallStreet.get()
        let (_, roundOne) = try Self.roundOne.get()
        let orders = try Self.orders(street)
        let asOf = try Clock.minutes(Self.liveMoment)
        let rankOne = try Self.table(roundOne, "matches.csv").records.filter { $0["rank"] == "1" }
        let (order, person) = try #require(
            rankOne.compactMap { row in orders[row["request_id"] ?? ""].map { ($0, row["person_id"] ?? "") } }
                .sorted { $0.0.id < $1.0.id }.first { $0.0.created + 300 <= asOf })
        let calledOff = order.created + 120
        let scratch = try RosterTestKit.temporaryDirectory("dispatch-call-off")
        let file = scratch.appendingPathComponent("completions.csv")
        let text = "request_id,person_id,started_at,minutes,outcome,confirmed_by,confirmed_at\n"
            + "\(order.id),\(person),\(Clock.text(calledOff)),1,cancelled,,\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out")
        let outcome = try Self.dispatch(
            street, out: out, ["--as-of", Self.liveMoment, "--previous", roundOne.path, "--completions", file.path])
        #expect(outcome.status <= 1, "\(outcome.stderr.prefix(800))")
        let details = try #require(try Self.kpis(out)["details"] as? [String: Any])
        let requests = try #require(details["requests"] as? [[String: Any]])
        let request = try #require(requests.first { $0["request_id"] as? String == order.id })
        #expect(request["state"] as? String == "cancelled")
        let oracle = try TargetOracle.fromRules()
        let due = order.created + oracle.replyMinutes
        let reply = Self.engineReading(request["reply"])
        #expect(reply?.outcome == "missed")
        // Coordinate and solve fall due after the call-off: cancelled.
        #expect(Self.engineReading(request["coordinate"])?.outcome == "cancelled")
        #expect(Self.engineReading(request["solve"])?.outcome == "cancelled")
        #expect(reply?.late == calledOff - due, "\(order.id) reply: \(reply?.description ?? "nil")")
        #expect(calledOff - due < asOf - due)
    }

    // MARK: 3. Earnings

    /// A service's credit in Rules/services.yaml, read by the test: (per_minute, rate) or (fixed, amount).
    static func credit(of service: String) throws -> (Int) -> Int {
        let text = try String(
            contentsOf: RosterTestKit.repository.appendingPathComponent("Rules/services.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "\(service):" })
        let indent = lines[start].prefix { $0 == " " }.count
        var values: [String: String] = [:]
        for line in lines[(start + 1)...] {
            let depth = line.prefix { $0 == " " }.count
            if !line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), depth <= indent { break }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        switch values["credit"] {
        case "per_minute":
            let rate = try #require(Double(values["rate"] ?? ""))
            return { Int((Double($0) * rate).rounded()) }
        case "fixed":
            let amount = try #require(Int(values["amount_minutes"] ?? ""))
            return { _ in amount }
        default:
            throw RosterTestKit.KitError("\(service): credit \(values["credit"] ?? "nil")")
        }
    }

    @Test func aConfirmedServiceEarnsItsCatalogueCreditAndAnUnconfirmedOneNothing() throws {
        let street = try Self.smallStreet.get()
        let (_, roundOne) = try Self.roundOne.get()
        let orders = try Self.orders(street)
        let rankOne = try Self.table(roundOne, "matches.csv").records.filter { $0["rank"] == "1" }
        let sorted = rankOne.compactMap { row in orders[row["request_id"] ?? ""].map { ($0, row["person_id"] ?? "") } }
            .sorted { $0.0.id < $1.0.id }
        // One per-minute service and one fixed one (home repair) confirmed, one left unconfirmed.
        let perMinute = try #require(sorted.first { $0.0.service != "home_repair" })
        let fixed = try #require(sorted.first { $0.0.service == "home_repair" })
        let unconfirmed = try #require(sorted.first { $0.0.id != perMinute.0.id && $0.0.id != fixed.0.id })
        let scratch = try RosterTestKit.temporaryDirectory("dispatch-earn")
        let file = scratch.appendingPathComponent("completions.csv")
        var rows: [[String]] = []
        var served: [(order: Order, person: String, minutes: Int, confirmed: Int)] = []
        for (offset, (order, person)) in [perMinute, fixed].enumerated() {
            let start = order.wanted + 30
            let minutes = 37 + offset * 8
            let confirmedAt = start + minutes + 60
            rows.append([
                order.id, person, Clock.text(start), String(minutes), "done", "王主任", Clock.text(confirmedAt),
            ])
            served.append((order, person, minutes, confirmedAt))
        }
        rows.append([
            unconfirmed.0.id, unconfirmed.1, Clock.text(unconfirmed.0.wanted + 30), "50", "done", "", "",
        ])
        try RosterTestKit.write(
            RosterTestKit.Table(
                header: ["request_id", "person_id", "started_at", "minutes", "outcome", "confirmed_by", "confirmed_at"],
                rows: rows), to: file)
        let out = scratch.appendingPathComponent("out")
        let outcome = try Self.dispatch(street, out: out, ["--completions", file.path])
        #expect(outcome.status <= 1, "\(outcome.stderr.prefix(800))")
        let earnings = try Self.table(out, "earnings.csv").records
        #expect(earnings.count == 2, "\(earnings)")
        for item in served {
            let id = "earn-\(item.order.id)-\(item.person)"
            let row = earnings.first { $0["exchange_id"] == id }
            #expect(row != nil, "no earning \(id) in \(earnings)")
            guard let row else { continue }
            let credit = try Self.credit(of: item.order.service)(item.minutes)
            #expect(row["minutes"] == String(credit), "\(id): \(row)")
            #expect(row["to_account"] == item.person)
            #expect(row["service"] == item.order.service)
            #expect(row["date"] == String(Clock.text(item.confirmed).prefix(10)))
            #expect(row["operator"] == "王主任")
        }
        #expect(try Self.credit(of: "home_repair")(45) == 60, "the test expects home repair to credit a fixed hour")
        #expect(!earnings.contains { ($0["exchange_id"] ?? "").hasPrefix("earn-\(unconfirmed.0.id)-") })
        let states = try Self.table(out, "request_states.csv").records
        #expect(states.first { $0["request_id"] == unconfirmed.0.id }?["state"] == "done")
        #expect(states.first { $0["request_id"] == fixed.0.id }?["state"] == "confirmed")
        let counts = try #require(try Self.kpis(out)["counts"] as? [String: Int])
        #expect(counts["earnings"] == 2)
        #expect(counts["earned_minutes"] == earnings.compactMap { Int($0["minutes"] ?? "") }.reduce(0, +))
    }

    // MARK: 4. Bad input

    /// One broken input: which file, how it is broken, and where the message must point.
    struct BadInput: Sendable, CustomStringConvertible {
        var description: String
        /// "requests", "responses".
        var file: String
        /// Line (1 = header) of requests.csv to change, its column and the new value; for responses, the row.
        var line: Int
        var column: String
        var value: String
        var columnNumber: Int
    }

    static let badInputs: [BadInput] = [
        BadInput(
            description: "a service not in the catalogue", file: "requests", line: 3, column: "service",
            value: "kite_flying", columnNumber: 4),
        BadInput(
            description: "a window whose latest is before earliest", file: "requests", line: 5, column: "latest",
            value: "2026-11-20T08:00", columnNumber: 7),
        BadInput(
            description: "an unknown urgency", file: "requests", line: 6, column: "urgency", value: "whenever",
            columnNumber: 9),
        BadInput(
            description: "an answer to an unknown request", file: "responses", line: 2, column: "request_id",
            value: "RQ99999", columnNumber: 1),
        BadInput(
            description: "an answer before the request was made", file: "responses", line: 2, column: "at",
            value: "early", columnNumber: 4),
    ]

    @Test(arguments: badInputs)
    func badInputExitsTwoNamingFileLineAndColumnAndWritesNothing(_ bad: BadInput) throws {
        let small = try Self.smallStreet.get()
        let street = try RosterTestKit.copyFolder(small, tag: "dispatch-bad")
        var extra: [String] = []
        let requestsFile = street.appendingPathComponent("requests.csv")
        var requests = try RosterTestKit.read(requestsFile)
        if bad.file == "requests" {
            let column = try #require(requests.column(bad.column))
            #expect(column + 1 == bad.columnNumber)
            requests.rows[bad.line - 2][column] = bad.value
            try RosterTestKit.write(requests, to: requestsFile)
        } else {
            let first = requests.records[0]
            let created = try Clock.minutes(first["created_at"])
            let at = bad.value == "early" ? Clock.text(created - 1) : Clock.text(created + 5)
            let id = bad.column == "request_id" ? bad.value : first["request_id"] ?? ""
            let file = street.appendingPathComponent("answers").appendingPathComponent("responses.csv")
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "request_id,person_id,response,at\n\(id),P000001,accept,\(at)\n".write(
                to: file, atomically: true, encoding: .utf8)
            extra = ["--responses", file.path]
        }
        let out = try RosterTestKit.temporaryDirectory("dispatch-bad-out").appendingPathComponent("out")
        let outcome = try Self.dispatch(street, out: out, extra)
        #expect(outcome.status == 2, "\(bad): exit \(outcome.status)\n\(outcome.stdout)\n\(outcome.stderr.prefix(800))")
        let place = "\(bad.file).csv, line \(bad.line), column \(bad.columnNumber)"
        #expect(outcome.stderr.contains(place), "\(bad): stderr does not say \(place):\n\(outcome.stderr.prefix(800))")
        #expect(outcome.stderr.contains(bad.column), "\(bad): the column's name is missing")
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(bad): --out was created")
    }

    // MARK: 5. Determinism

    @Test func twoIdenticalRunsWriteTheSameBytes() throws {
        let street = try Self.smallStreet.get()
        let scratch = try RosterTestKit.temporaryDirectory("dispatch-twice")
        var outputs: [[String: Data]] = []
        for index in 0..<2 {
            let out = scratch.appendingPathComponent("run\(index)")
            let outcome = try Self.dispatch(street, out: out, ["--as-of", "2026-11-24T10:00"])
            #expect(outcome.status <= 1, "\(outcome.stderr.prefix(800))")
            var files: [String: Data] = [:]
            for name in ["matches.csv", "request_states.csv", "kpis.json", "unmatched.csv", "earnings.csv"] {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        for name in outputs[0].keys.sorted() {
            #expect(outputs[0][name] == outputs[1][name], "\(name) differs between two identical runs")
        }
        #expect((outputs[0]["matches.csv"]?.count ?? 0) > 200, "the run dispatched nothing to compare")
    }
}
