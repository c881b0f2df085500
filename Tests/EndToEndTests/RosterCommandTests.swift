import Foundation
import Testing

/// `wangge roster` on the sample street, checked by ``RosterChecker`` (no code of the planner), plus the .ics
/// read back, privacy of the printout, determinism and bad input.
@Suite(.serialized) struct RosterCommandTests {
    static let week = "2026-W48"
    static let monday = TestDay.monday(year: 2026, week: 48)
    /// Saturday of the week is made a holiday, so that "never on a holiday" is tested (a quarter of the people
    /// serve on Saturdays; no cadre serves only then, so every cadre can still knock).
    static let holiday = monday.adding(5)

    /// The sample street copied with a leave.csv and a calendar.csv in it (read by default, without flags).
    struct SampleRun {
        let street: URL
        let plan: URL
        let out: URL
        let outcome: WanggeBinary.Outcome
        let leave: [RosterChecker.Leave]
    }

    static let sample: Result<SampleRun, any Error> = Result {
        let plan = try RosterTestKit.samplePlan.get()
        let street = try RosterTestKit.copyFolder(RosterTestKit.sampleStreet, tag: "street")
        // Every tenth person holding a post other than a cadre's is on leave Monday to Tuesday (a cadre serving
        // only then could not knock, and the street would not be one of ample capacity).
        var posted: Set<String> = []
        for name in ["leaders.csv", "reporting.csv"] {
            for row in try RosterTestKit.read(plan.appendingPathComponent(name)).records {
                posted.insert(row["person_id", default: ""])
            }
        }
        let cadres = Set(
            try RosterTestKit.read(street.appendingPathComponent("people.csv")).records
                .filter { ($0["roles"] ?? "").contains("sunk_cadre") }.map { $0["person_id", default: ""] })
        let onLeave = posted.subtracting(cadres).sorted().enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        let leave = onLeave.map { RosterChecker.Leave(person: $0, from: monday, to: monday.adding(1)) }
        try RosterTestKit.write(
            RosterTestKit.Table(
                header: ["person_id", "from", "to"], rows: leave.map { [$0.person, "\($0.from)", "\($0.to)"] }),
            to: street.appendingPathComponent("leave.csv"))
        try "date,kind\n\(holiday),节假日\n".write(
            to: street.appendingPathComponent("calendar.csv"), atomically: true, encoding: .utf8)
        let out = try RosterTestKit.temporaryDirectory("out")
        let outcome = try RosterTestKit.roster(street: street, plan: plan, week: week, out: out)
        return SampleRun(street: street, plan: plan, out: out, outcome: outcome, leave: leave)
    }

    @Test
    func sampleStreetMeetsEveryDueVisit() throws {
        let run = try Self.sample.get()
        #expect(run.outcome.status == 0, "\(run.outcome.stderr.prefix(2000))")
        #expect(run.outcome.stdout.contains("2026-W48"))
        let roster = try RosterTestKit.read(run.out.appendingPathComponent("roster.csv"))
        // The spec's columns first and in order; the names follow (ReadableOutputTests).
        #expect(
            roster.header.prefix(8) == ["week", "date", "slot", "person_id", "resident_id", "grid_id", "kind", "reason"])
        let unmet = try RosterTestKit.read(run.out.appendingPathComponent("unmet.csv"))
        #expect(unmet.header.prefix(3) == ["resident_id", "due", "reason"])
        #expect(unmet.rows.isEmpty)
        let checker = try RosterChecker(street: run.street, plan: run.plan)
        let report = checker.check(
            roster: roster.records, week: Self.monday, leave: run.leave, holidays: [Self.holiday])
        let paired =
            "paired kept \(report.pairedKept) of \(report.pairedAttainable) attainable "
            + "(\(report.pairedResidents) paired)"
        print(
            "roster sample: due \(report.forcedVisits), met \(report.forcedMet); \(paired); "
                + "cadres \(report.cadresWithRound) of \(report.cadres) knock")
        #expect(report.forcedVisits > 1000, "the sample street owes this many visits in W48")
        #expect(report.forcedMet == report.forcedVisits, "due \(report.forcedVisits), met \(report.forcedMet)")
        // The sample street pairs people of 1 hour a week with two residents: visits.visitors lets them make one
        // visit, so the share is measured against the pairings the paired people can make.
        #expect(report.pairedAttainableShare >= 0.95, "\(paired)")
        #expect(report.cadres > 0 && report.cadresWithRound == report.cadres)
        let violations = report.violations.count
        #expect(violations == 0, "\(report.violations.prefix(20))")
        #expect(roster.records.allSatisfy { $0["week"] == Self.week && !($0["reason"] ?? "").isEmpty })
        let kpis = try JSONSerialization.jsonObject(with: Data(contentsOf: run.out.appendingPathComponent("kpis.json")))
        let object = try #require(kpis as? [String: Any])
        let ruleSet = try #require(object["rule_set"] as? [String: Any])
        #expect((ruleSet["hash"] as? String)?.hasPrefix("sha256:") == true)
        let runJSON = try JSONSerialization.jsonObject(
            with: Data(contentsOf: run.out.appendingPathComponent("run.json")))
        let runObject = try #require(runJSON as? [String: Any])
        #expect(Set(runObject.keys) == ["job", "started_at", "seconds", "stages", "machine", "clock_events"])
        #expect(runObject["job"] as? String == "roster")
    }

    /// Each visitor's calendar (calendars/PERSON_ID.ics), read back: together they hold every roster row once, each
    /// only its visitor's.
    @Test
    func calendarsParseBack() throws {
        let run = try Self.sample.get()
        let roster = try RosterTestKit.read(run.out.appendingPathComponent("roster.csv")).records
        let folder = run.out.appendingPathComponent("calendars")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == Set(roster.map { $0["person_id", default: ""] + ".ics" }).sorted())
        #expect(!FileManager.default.fileExists(atPath: run.out.appendingPathComponent("roster.ics").path))
        var names: [String: String] = [:]
        for person in try RosterTestKit.read(run.street.appendingPathComponent("people.csv")).records {
            names["urn:wangge:person:" + person["person_id", default: ""]] = person["name", default: ""]
        }
        let starts = ["AM": "T090000", "PM": "T140000", "EVE": "T190000"]
        var expected: [String: Int] = [:]
        for row in roster {
            let day = row["date", default: ""].replacingOccurrences(of: "-", with: "")
            let start = starts[row["slot", default: ""], default: "?"]
            expected["\(row["person_id", default: ""]) \(day)\(start)", default: 0] += 1
        }
        var found: [String: Int] = [:]
        var uids: Set<String> = []
        var chineseNames = 0
        for file in files {
            let roots = try RosterICSParser.parse(Data(contentsOf: folder.appendingPathComponent(file)))
            #expect(roots.count == 1 && roots.first?.name == "VCALENDAR")
            let calendar = try #require(roots.first)
            #expect(calendar.first("VERSION")?.value == "2.0")
            #expect(calendar.children.contains { $0.name == "VTIMEZONE" })
            let owner = "urn:wangge:person:" + file.replacingOccurrences(of: ".ics", with: "")
            for event in calendar.children where event.name == "VEVENT" {
                let attendee = try #require(event.first("ATTENDEE"))
                #expect(attendee.value == owner, "\(file) holds an event of \(attendee.value)")
                let cn = try #require(attendee.parameters["CN"])
                #expect(names[attendee.value] == cn, "\(attendee.value): \(cn)")
                if cn.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) { chineseNames += 1 }
                let start = try #require(event.first("DTSTART"))
                #expect(start.parameters["TZID"] == "Asia/Shanghai")
                #expect(event.first("DTSTAMP")?.value.hasSuffix("Z") == true)
                let summary = RosterICSParser.unescape(event.first("SUMMARY")?.value ?? "")
                #expect(!summary.isEmpty)
                let uid = event.first("UID")?.value ?? ""
                let isNew = uids.insert(uid).inserted
                #expect(isNew, "UID \(uid) twice")
                let person = attendee.value.replacingOccurrences(of: "urn:wangge:person:", with: "")
                found["\(person) \(start.value)", default: 0] += 1
            }
        }
        #expect(found == expected)
        #expect(chineseNames > 0)
    }

    /// No calendar written by default (they are sent to phones and forwarded) holds a resident's name unmasked or a
    /// floor. Residents appear in an event's SUMMARY, LOCATION and DESCRIPTION (whose "同行 With" line names fellow
    /// visitors, people whose names may equal a resident's), checked against residents.csv; floors as "N层" and as
    /// the floor word in English.
    @Test
    func defaultCalendarsHoldNoResidentNameAndNoFloor() throws {
        let run = try Self.sample.get()
        let residents = try RosterTestKit.read(run.street.appendingPathComponent("residents.csv")).records
        let names = Set(residents.map { $0["name", default: ""] }.filter { $0.count >= 2 })
        let folder = run.out.appendingPathComponent("calendars")
        var masked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let whole = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
            #expect(!whole.contains("层") && !whole.lowercased().contains("floor"), "\(file) gives a floor")
            let calendar = try #require(RosterICSParser.parse(data).first)
            for event in calendar.children where event.name == "VEVENT" {
                var texts: [String] = []
                for property in ["SUMMARY", "LOCATION", "DESCRIPTION"] {
                    let value = RosterICSParser.unescape(event.first(property)?.value ?? "")
                    texts += value.components(separatedBy: "\n").filter { !$0.hasPrefix("同行 With") }
                }
                let text = texts.joined(separator: "\n")
                let leaked = names.filter { text.contains($0) }
                #expect(leaked.isEmpty, "\(file) names \(leaked.sorted().prefix(3)) in \(text)")
                masked += text.components(separatedBy: "**").count - 1
            }
        }
        #expect(masked > 0)
    }

    @Test
    func printoutIsPrivateAndFilesAreOwnerOnly() throws {
        let run = try Self.sample.get()
        let html = try String(contentsOf: run.out.appendingPathComponent("roster.html"), encoding: .utf8)
        #expect(html.contains("@page { size: A4") && html.contains("<meta name=\"viewport\""))
        // Category ids and the rule file's labels, and shorter Chinese words people would write.
        let words = [
            "elderly_alone", "elderly_empty_nest", "elderly_disabled", "special_hardship", "low_income", "disabled",
            "left_behind_child", "key_person", "community_correction", "mental_health", "ordinary",
            "独居", "空巢", "失能", "特困", "低保", "残疾", "留守", "重点人员", "矫正", "精神", "普通居民",
            "hardship", "mental", "correction",
        ]
        for word in words { #expect(!html.contains(word), "roster.html contains \(word)") }
        let sensitiveRules = [
            "visits.key_person", "visits.special_hardship", "visits.elderly_alone", "visits.high_risk_elderly",
            "visits.hardship_households", "visits.left_behind_child", "visits.mental_health_stable",
            "visits.mental_health_basically_stable", "visits.mental_health_unstable", "visits.categories",
            "visits.sensitive_categories", "visits.priority", "visits.major_change_follow_up",
        ]
        for rule in sensitiveRules { #expect(!html.contains(rule), "roster.html cites \(rule)") }
        let residents = try RosterTestKit.read(run.street.appendingPathComponent("residents.csv")).records
        let roster = try RosterTestKit.read(run.out.appendingPathComponent("roster.csv")).records
        // The resident cell of each printed row holds a masked name only: one character and two asterisks, or a
        // masked id (a door-knocking round's is empty).
        let names = Set(residents.map { $0["name", default: ""] }.filter { $0.count >= 2 })
        let cells = html.components(separatedBy: "<span class=\"n\">").dropFirst().map {
            $0.components(separatedBy: "</span>").first ?? ""
        }
        let visitRows = roster.filter { $0["kind"] == "visit" }.count
        #expect(cells.count >= visitRows / 2, "\(cells.count) printed rows for \(visitRows) visit rows")
        let unmasked = cells.filter { cell in
            !cell.isEmpty && !(cell.count == 3 && cell.hasSuffix("**")) && !cell.contains("***")
        }
        #expect(unmasked.isEmpty, "\(unmasked.prefix(5))")
        #expect(!cells.contains { names.contains($0) })
        #expect(cells.contains { $0.hasSuffix("**") })
        let sheets = try String(contentsOf: run.out.appendingPathComponent("sheets.html"), encoding: .utf8)
        for word in words { #expect(!sheets.contains(word), "sheets.html contains \(word)") }
        for rule in sensitiveRules { #expect(!sheets.contains(rule), "sheets.html cites \(rule)") }
        // A sheet's resident column (the 5th cell of a row) holds masked names only, like the roster's.
        let sheetCells = sheets.components(separatedBy: "</tr>").compactMap { row -> String? in
            let parts = row.components(separatedBy: "<td>")
            return parts.count >= 6 ? parts[5].components(separatedBy: "</td>").first : nil
        }
        #expect(sheetCells.count >= roster.count / 2, "\(sheetCells.count) sheet rows for \(roster.count) roster rows")
        let unmaskedOnSheets = sheetCells.filter { cell in
            cell != "—" && !(cell.count == 3 && cell.hasSuffix("**")) && !cell.contains("***")
        }
        #expect(unmaskedOnSheets.isEmpty, "\(unmaskedOnSheets.prefix(5))")
        for name in ["roster.csv", "unmet.csv", "roster.html", "sheets.html", "kpis.json", "run.json"] {
            let path = run.out.appendingPathComponent(name).path
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600, "\(name): \(String(mode?.intValue ?? 0, radix: 8))")
        }
        // roster.csv and the .ics carry no category either.
        let csv = try String(contentsOf: run.out.appendingPathComponent("roster.csv"), encoding: .utf8)
        let calendars = run.out.appendingPathComponent("calendars")
        var ics = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: calendars.path).sorted() {
            ics += try String(contentsOf: calendars.appendingPathComponent(file), encoding: .utf8)
        }
        for word in ["elderly_", "mental_health_", "key_person", "low_income", "community_correction", "disabled"] {
            #expect(!ics.contains(word), "a calendar contains \(word)")
        }
        let categories: Set<Substring> = [
            "elderly_alone", "elderly_empty_nest", "elderly_disabled", "special_hardship", "low_income", "disabled",
            "left_behind_child", "key_person", "community_correction", "ordinary",
        ]
        let csvCells = csv.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" || $0 == " " })
        #expect(!csvCells.contains { categories.contains($0) || $0.hasPrefix("mental_health_") })
    }

    @Test
    func sameInputWritesTheSameFiles() throws {
        let run = try Self.sample.get()
        let again = try RosterTestKit.temporaryDirectory("again")
        let outcome = try RosterTestKit.roster(
            street: RosterTestKit.sampleStreet, plan: run.plan, week: Self.week, out: again,
            extra: [
                "--leave", run.street.appendingPathComponent("leave.csv").path, "--calendar",
                run.street.appendingPathComponent("calendar.csv").path, "--street-calendar",
            ])
        #expect(outcome.status == run.outcome.status, "\(outcome.stderr.prefix(500))")
        let calendars = try FileManager.default.contentsOfDirectory(
            atPath: run.out.appendingPathComponent("calendars").path
        ).sorted().map { "calendars/" + $0 }
        #expect(!calendars.isEmpty)
        for name in ["roster.csv", "unmet.csv", "roster.html", "sheets.html", "kpis.json"] + calendars {
            let a = try Data(contentsOf: run.out.appendingPathComponent(name))
            let b = try Data(contentsOf: again.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
        }
        // --street-calendar adds roster.ics: every row of the week in one file, masked, floors kept for the office.
        let roster = try RosterTestKit.read(again.appendingPathComponent("roster.csv")).records
        let data = try Data(contentsOf: again.appendingPathComponent("roster.ics"))
        let events = try #require(RosterICSParser.parse(data).first).children.filter { $0.name == "VEVENT" }
        #expect(events.count == roster.count)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("层"))
        let summaries = events.map { RosterICSParser.unescape($0.first("SUMMARY")?.value ?? "") }
        let visits = summaries.filter { $0.hasPrefix("走访 Visit: ") }
        #expect(!visits.isEmpty)
        let unmasked = visits.filter { !$0.hasSuffix("**") && !$0.contains("***") }
        #expect(unmasked.isEmpty, "\(unmasked.prefix(3))")
    }

    /// Re-planning with the published roster pinned after one visitor goes on leave keeps every other pin, moves
    /// only that visitor's visits, and says how many changed.
    @Test
    func replanningAfterLeaveKeepsEveryOtherPin() throws {
        let run = try Self.sample.get()
        let published = run.out.appendingPathComponent("roster.csv")
        let pins = try RosterTestKit.read(published).records
        var load: [String: Int] = [:]
        for row in pins where row["kind"] == "visit" { load[row["person_id", default: ""], default: 0] += 1 }
        let busiest = try #require(load.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first)
        let folder = try RosterTestKit.temporaryDirectory("replan")
        let leaveURL = folder.appendingPathComponent("leave.csv")
        let leave = run.leave + [RosterChecker.Leave(person: busiest.key, from: Self.monday, to: Self.monday.adding(6))]
        try RosterTestKit.write(
            RosterTestKit.Table(
                header: ["person_id", "from", "to"], rows: leave.map { [$0.person, "\($0.from)", "\($0.to)"] }),
            to: leaveURL)
        let out = folder.appendingPathComponent("out")
        let outcome = try RosterTestKit.roster(
            street: run.street, plan: run.plan, week: Self.week, out: out,
            extra: ["--pinned", published.path, "--leave", leaveURL.path])
        #expect(outcome.status == 0, "\(outcome.stderr.prefix(1000))")
        let roster = try RosterTestKit.read(out.appendingPathComponent("roster.csv")).records
        let columns = ["week", "date", "slot", "person_id", "resident_id", "grid_id", "kind"]
        func key(_ row: [String: String]) -> String { columns.map { row[$0, default: ""] }.joined(separator: ",") }
        let now = Set(roster.map(key))
        let others = pins.filter { $0["person_id"] != busiest.key }
        let lost = others.filter { !now.contains(key($0)) }
        #expect(lost.isEmpty, "\(lost.count) pins of people still available were dropped: \(lost.prefix(5))")
        #expect(!roster.contains { $0["person_id"] == busiest.key })
        let moved = pins.count - others.count
        let kpis = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("kpis.json")))
        let object = try #require(kpis as? [String: Any])
        let counts = object["counts"] as? [String: Any]
        #expect(counts?["pinned_changed"] as? Int == moved, "\(busiest.key) held \(moved) pinned rows")
        let checker = try RosterChecker(street: run.street, plan: run.plan)
        let report = checker.check(roster: roster, week: Self.monday, leave: leave, holidays: [Self.holiday])
        #expect(report.forcedMet == report.forcedVisits, "due \(report.forcedVisits), met \(report.forcedMet)")
        let violations = report.violations.count
        #expect(violations == 0, "\(report.violations.prefix(20))")
    }

    // MARK: Bad input

    @Test func historyWithAnUnknownResidentIsBadInput() throws {
        let plan = try RosterTestKit.samplePlan.get()
        let folder = try RosterTestKit.temporaryDirectory("history")
        let history = folder.appendingPathComponent("past-visits.csv")
        try "date,person_id,resident_id,outcome\n2026-11-10,P000001,R000001,done\n2026-11-11,P000001,R999999,done\n"
            .write(to: history, atomically: true, encoding: .utf8)
        let outcome = try RosterTestKit.roster(
            street: RosterTestKit.sampleStreet, plan: plan, week: Self.week, out: folder.appendingPathComponent("out"),
            extra: ["--history", history.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("past-visits.csv, line 3, column 3"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("R999999") && outcome.stderr.contains("unknown resident"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/roster.csv").path))
    }

    @Test(arguments: ["2026-W54", "2026-W00", "2026-48", "W48"])
    func weekThatDoesNotExistIsBadInput(_ week: String) throws {
        let plan = try RosterTestKit.samplePlan.get()
        let out = try RosterTestKit.temporaryDirectory("week")
        let outcome = try RosterTestKit.roster(street: RosterTestKit.sampleStreet, plan: plan, week: week, out: out)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--week \(week)"), "\(outcome.stderr)")
    }

    @Test func overlappingPinsAreBadInput() throws {
        let plan = try RosterTestKit.samplePlan.get()
        let folder = try RosterTestKit.temporaryDirectory("pins")
        let pins = folder.appendingPathComponent("published.csv")
        let grid = try RosterTestKit.read(plan.appendingPathComponent("grids.csv")).records.first {
            $0["building_id"] == "C01-Q01-B001"
        }?["grid_id"]
        let row = "2026-W48,2026-11-23,AM,P000001,R000001,\(try #require(grid)),visit,published\n"
        try ("week,date,slot,person_id,resident_id,grid_id,kind,reason\n" + row + row)
            .write(to: pins, atomically: true, encoding: .utf8)
        let outcome = try RosterTestKit.roster(
            street: RosterTestKit.sampleStreet, plan: plan, week: Self.week, out: folder.appendingPathComponent("out"),
            extra: ["--pinned", pins.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("published.csv, line 3"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("overlapping pins"))
    }
}
