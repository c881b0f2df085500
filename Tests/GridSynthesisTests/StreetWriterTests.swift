import Foundation
import GridData
import GridModel
import GridSynthesis
import Testing

/// The written folder: exact bytes for a seed, the spec's columns, and shares recounted from the files with
/// the tests' own CSV reader.
@Suite struct StreetWriterTests {
    private func write(seed: UInt64, households: Int = 6_000, label: String) throws -> URL {
        let directory = try TestCSV.temporaryDirectory(label)
        let street = try StreetGenerator(seed: seed, households: households).generate()
        try StreetWriter.write(street, to: directory)
        return directory
    }

    private func files(_ directory: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return Dictionary(
            uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) }
        )
    }

    @Test func sameSeedWritesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let a = try write(seed: 77, label: "a")
        let b = try write(seed: 77, label: "b")
        let c = try write(seed: 78, label: "c")
        defer { for url in [a, b, c] { try? FileManager.default.removeItem(at: url) } }
        let first = try files(a)
        #expect(
            first.keys.sorted() == [
                "barriers.csv", "buildings.csv", "communities.csv", "departments.csv", "people.csv", "residents.csv",
                "street.yaml", "units.csv",
            ])
        #expect(first == (try files(b)))
        let other = try files(c)
        for name in ["buildings.csv", "people.csv", "residents.csv"] {
            #expect(first[name] != other[name], "\(name) did not change with the seed")
        }
    }

    @Test func filesFollowTheSpecAndRecountToTheCatalogue() throws {
        let street = GeneratedStreets.sample
        let directory = try TestCSV.temporaryDirectory("sample")
        defer { try? FileManager.default.removeItem(at: directory) }
        try StreetWriter.write(street, to: directory)
        for (name, data) in try files(directory) {
            // CSVs are opened in Excel; street.yaml is read by the engine and editors, where a BOM is noise.
            #expect(
                data.starts(with: [0xEF, 0xBB, 0xBF]) == name.hasSuffix(".csv"),
                "\(name): a BOM on every CSV (Excel would show mojibake) and on nothing else")
            #expect(!data.contains(0x0D), "\(name) has CR")
        }
        let buildings = try TestCSV.table(directory.appendingPathComponent("buildings.csv"))
        #expect(
            buildings.header == [
                "building_id", "community_id", "compound_id", "households", "x", "y", "kind", "compound_type", "floors",
                "units",
            ])
        var households: [String: Int] = [:]
        var communityHouseholds: [String: Int] = [:]
        for row in buildings.rows {
            let count = Int(row["households"] ?? "") ?? -1
            #expect(count >= 0)
            #expect(Double(row["x"] ?? "")?.isFinite == true && Double(row["y"] ?? "")?.isFinite == true)
            households[row["building_id"] ?? ""] = count
            communityHouseholds[row["community_id"] ?? "", default: 0] += count
        }
        let total = households.values.reduce(0, +)
        #expect(abs(total - GeneratedStreets.households) <= GeneratedStreets.households / 50)
        #expect(communityHouseholds.count == GeneratedStreets.communities)
        #expect(communityHouseholds.values.allSatisfy { (1_000...3_000).contains($0) })

        let units = try TestCSV.table(directory.appendingPathComponent("units.csv"))
        #expect(units.header == ["building_id", "unit", "households", "floors"])
        var unitTotals: [String: Int] = [:]
        for row in units.rows { unitTotals[row["building_id"] ?? "", default: 0] += Int(row["households"] ?? "") ?? -1 }
        #expect(unitTotals == households)

        let people = try TestCSV.table(directory.appendingPathComponent("people.csv"))
        #expect(
            Array(people.header.prefix(6)) == [
                "person_id", "name", "roles", "department", "party_member", "home_building_id",
            ])
        #expect(
            people.header.suffix(7) == [
                "community_id", "hours_per_week", "skills", "availability", "phone", "birth_year", "work_building_id",
            ])
        var roles: [String: Int] = [:]
        for row in people.rows {
            for role in (row["roles"] ?? "").split(separator: ";") { roles[String(role), default: 0] += 1 }
            #expect(["true", "false"].contains(row["party_member"] ?? ""))
            let home = row["home_building_id"] ?? ""
            #expect(home.isEmpty ? !(row["x"] ?? "").isEmpty : households[home] != nil)
            for slot in (row["availability"] ?? "").split(separator: ";") {
                #expect(WeeklySlot(parsing: String(slot)) != nil, "bad slot \(slot)")
            }
        }
        ShareExpectations.checkRoles(
            roles, households: GeneratedStreets.households, communities: GeneratedStreets.communities
        )

        let residents = try TestCSV.table(directory.appendingPathComponent("residents.csv"))
        #expect(Array(residents.header.prefix(3)) == ["resident_id", "building_id", "categories"])
        var categories: [String: Int] = [:]
        let personIDs = Set(people.rows.compactMap { $0["person_id"] })
        for row in residents.rows {
            for category in (row["categories"] ?? "").split(separator: ";") {
                categories[String(category), default: 0] += 1
            }
            #expect(households[row["building_id"] ?? ""] != nil)
            let paired = row["paired_person_id"] ?? ""
            #expect(paired.isEmpty || personIDs.contains(paired))
        }
        ShareExpectations.checkCategories(
            categories, households: GeneratedStreets.households, communities: GeneratedStreets.communities
        )
        #expect(residents.rows.count == street.residents.count)

        let communities = try TestCSV.table(directory.appendingPathComponent("communities.csv"))
        #expect(communities.header == ["community_id", "name", "code"])
        #expect(Set(communities.rows.compactMap { $0["community_id"] }) == Set(communityHouseholds.keys))
        let barriers = try TestCSV.table(directory.appendingPathComponent("barriers.csv"))
        #expect(barriers.header == ["x1", "y1", "x2", "y2"])
        #expect(!barriers.rows.isEmpty)
    }

    /// Any street, not only a generated one: awkward text, optional files, a point home and a city column.
    @Test func writesAnyStreetFaithfully() throws {
        let date = CalendarDate(year: 2026, month: 11, day: 23)!
        let street = Street(
            communities: [Community(id: "C1", name: "桂湖, \"东\"社区", code: "420106001001")],
            buildings: [
                Building(
                    id: "b,1", communityID: "C1", households: 12, position: PlanarPoint(x: -0.04, y: 1.25),
                    streetID: "S1"
                ),
                Building(
                    id: "b2", communityID: "C1", compoundID: "Q1", households: 0,
                    position: PlanarPoint(x: 10, y: 20), kind: .school, compoundType: .workUnit, floors: 3, unitCount: 1
                ),
            ],
            units: [StairwellUnit(buildingID: "b,1", name: "东\n1", households: 12, floors: 6)],
            adjacency: [BuildingPair("b2", "b,1")],
            barriers: [Segment(start: PlanarPoint(x: 0, y: 0), end: PlanarPoint(x: 5.55, y: -5))],
            departments: [Department(id: "D1", name: "区民政局")],
            people: [
                Person(
                    id: "p1", name: "王 \"小\" 芳", roles: [.volunteer, .communityWorker], isPartyMember: true,
                    home: .point(PlanarPoint(x: 1, y: 2)), hoursPerWeek: 2.5, skills: [.legal, .medical],
                    availability: [WeeklySlot(day: .monday, period: .evening)], phone: "13800000000", birthYear: 1960
                ),
                Person(id: "p2", name: "李四", roles: [.sunkCadre], departmentID: "D1", home: .building("b2")),
            ],
            residents: [
                Resident(
                    id: "r1", buildingID: "b,1", categories: [.elderlyAlone, .mentalHealth(grade: 2)], unit: "东\n1",
                    floor: 3, name: "赵,一", birthYear: 1940, pairedPersonID: "p1", needs: ["meals", "a,b"]
                )
            ],
            currentPlan: [
                GridAssignment(
                    buildingID: "b,1", unit: "东\n1", floors: FloorBand(lowest: 1, highest: 3), households: 12,
                    communityID: "C1", gridID: "C1-G01", microGridID: "C1-G01-M01"
                )
            ],
            locks: [PlanLock(subject: .person("p2"), gridID: "C1-G01", post: "cadre")],
            visits: [Visit(date: date, personID: "p1", residentID: "r1", outcome: .done)]
        )
        let directory = try TestCSV.temporaryDirectory("any")
        defer { try? FileManager.default.removeItem(at: directory) }
        try StreetWriter.write(street, to: directory)
        func rows(_ name: String) throws -> [[String]] {
            TestCSV.parse(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
        #expect(
            try rows("buildings.csv") == [
                [
                    "building_id", "community_id", "compound_id", "households", "x", "y", "kind", "compound_type",
                    "floors", "units", "street_id",
                ],
                ["b,1", "C1", "", "12", "0.0", "1.3", "residential", "", "", "", "S1"],
                ["b2", "C1", "Q1", "0", "10.0", "20.0", "school", "work_unit", "3", "1", ""],
            ])
        #expect(try rows("units.csv")[1] == ["b,1", "东\n1", "12", "6"])
        #expect(try rows("adjacency.csv") == [["a", "b"], ["b,1", "b2"]])
        #expect(try rows("barriers.csv")[1] == ["0.0", "0.0", "5.6", "-5.0"])
        #expect(try rows("communities.csv")[1] == ["C1", "桂湖, \"东\"社区", "420106001001"])
        let people = try rows("people.csv")
        #expect(people[0].contains("x") && people[0].contains("y"))
        #expect(
            people[1] == [
                "p1", "王 \"小\" 芳", "community_worker;volunteer", "", "true", "", "1.0", "2.0", "", "2.5",
                "legal;medical",
                "Mon-EVE", "13800000000", "1960",
            ])
        #expect(people[2] == ["p2", "李四", "sunk_cadre", "D1", "false", "b2", "", "", "", "", "", "", "", ""])
        #expect(
            try rows("residents.csv")[1] == [
                "r1", "b,1", "elderly_alone;mental_health_2", "东\n1", "3", "赵,一", "1940", "p1", "meals;a,b",
            ])
        #expect(try rows("grids.csv")[1] == ["b,1", "东\n1", "1-3", "12", "C1", "C1-G01", "C1-G01-M01", "residential"])
        #expect(try rows("locks.csv")[1] == ["", "p2", "C1-G01", "", "cadre"])
        #expect(try rows("visits.csv")[1] == ["2026-11-23", "p1", "r1", "done"])
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("requests.csv").path))
    }

    @Test func anUnwritableFolderThrows() throws {
        let directory = try TestCSV.temporaryDirectory("blocked")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: (any Error).self) {
            try StreetWriter.write(Street(), to: blocker.appendingPathComponent("inside"))
        }
    }
}

/// street.yaml written with a street: its name, and the origin of its metres when it has a projection, read back
/// to the same values.
@Suite struct StreetSettingsWritingTests {
    @Test func nameAndOriginReadBackTheSame() throws {
        var street = try StreetGenerator(seed: 5, households: 1000).generate()
        #expect(street.name?.hasSuffix("街道") == true, "a generated street is named")
        street.projection = GeodeticProjection(referenceLatitude: 31.2304, referenceLongitude: 121.4737)
        let directory = try TestCSV.temporaryDirectory("settings")
        defer { try? FileManager.default.removeItem(at: directory) }
        try StreetWriter.write(street, to: directory)
        let read = try StreetLoader(directory: directory).load()
        #expect(read.name == street.name)
        #expect(read.projection == street.projection)
        // Positions are written to a decimetre, as x, y in the same frame.
        let moved = zip(read.buildings, street.buildings).map { $0.position.distance(to: $1.position) }.max() ?? 0
        #expect(moved <= 0.071)
    }
}
