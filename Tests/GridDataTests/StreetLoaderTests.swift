import Foundation
import GridModel
import Testing

@testable import GridData

@Suite(.inEnglish) struct StreetLoaderTests {
    private func load(_ name: String) throws -> Street {
        try StreetLoader(directory: FixtureFolders.street(name)).load()
    }

    @Test func validStreetLoadsEveryFile() throws {
        let street = try load("valid-street")
        #expect(street.communities.map(\.id.rawValue) == ["C01", "C02"])
        #expect(street.communities[1].name == "Riverside, North")
        #expect(street.communities[0].code == "420102001")
        #expect(street.buildings.map(\.id.rawValue) == ["B01", "B02", "B03", "B04", "B05"])
        #expect(street.households == 24 + 31 + 0 + 66 + 64)
        #expect(street.departments.map(\.name) == ["区民政局", "Housing, Urban \"Renewal\" Bureau"])
        #expect(street.adjacency == [BuildingPair("B01", "B02"), BuildingPair("B04", "B05")])
        #expect(street.barriers.count == 1)
        #expect(street.currentPlan?.count == 6)
        #expect(street.locks.count == 2)
        #expect(street.visits.map(\.date.description) == ["2026-10-05", "2026-11-02"])
        #expect(street.visits[0].outcome == .missed)
        #expect(street.requests.first?.note == "leaking tap, kitchen")
        #expect(street.projection == nil)
    }

    @Test func buildingFieldsAndChineseValues() throws {
        let street = try load("valid-street")
        let byID = Dictionary(uniqueKeysWithValues: street.buildings.map { ($0.id.rawValue, $0) })
        let b02 = try #require(byID["B02"])
        #expect(b02.position == PlanarPoint(x: 50.5, y: 0))
        #expect(b02.kind == .residential)
        #expect(b02.compoundType == .old)
        let b03 = try #require(byID["B03"])
        #expect(b03.kind == .school)
        #expect(b03.compoundID == nil)
        let b05 = try #require(byID["B05"])
        #expect(b05.kind == .residential)
        #expect(b05.compoundType == .residential)
    }

    @Test func peopleAndResidentsReadQuotedMultilineAndAliasedValues() throws {
        let street = try load("valid-street")
        #expect(street.people.map(\.id.rawValue) == ["P01", "P02", "P03"])
        let p02 = street.people[1]
        #expect(p02.roles == [.sunkCadre])
        #expect(p02.isPartyMember)
        #expect(p02.departmentID == "D01")
        #expect(p02.availability == [WeeklySlot(day: .wednesday, period: .afternoon)])
        let p03 = street.people[2]
        #expect(p03.name == "Li, Wei")
        #expect(p03.roles == [.volunteer, .partyMemberRetired])
        #expect(p03.isPartyMember, "a party role implies party_member when the cell is empty")
        #expect(p03.skills == [.legal, .repair])
        #expect(p03.home == .building("B04"))
        #expect(p03.hoursPerWeek == 6)
        #expect(street.people[0].availability == nil)
        #expect(street.residents.map(\.id.rawValue) == ["R01", "R02"])
        #expect(street.residents[0].categories == [.elderlyAlone])
        let r02 = street.residents[1]
        #expect(r02.name == "赵, 老人")
        #expect(r02.categories == [.lowIncome, .disabled])
        #expect(r02.unit == "东")
        #expect(r02.pairedPersonID == "P03")
        #expect(r02.needs == ["repair", "medical"])
    }

    @Test func unitsAreListedOrDerivedEvenly() throws {
        let street = try load("valid-street")
        let units = street.units.map { "\($0.buildingID)/\($0.name)=\($0.households)" }
        // B02: 31 households over 3 units, the remainder to the lowest-numbered unit; B05 from units.csv.
        #expect(
            units == [
                "B01/1=12", "B01/2=12", "B02/1=11", "B02/2=10", "B02/3=10", "B04/1=33", "B04/2=33",
                "B05/东=32", "B05/西=32",
            ])
    }

    @Test func byteOrderMarkAndLatLonAreRead() throws {
        let loaded = try StreetLoader(directory: FixtureFolders.street("bom-street")).loadWithReport()
        #expect(loaded.files.first?.encoding == .utf8WithBOM)
        let street = loaded.street
        #expect(street.buildings.map(\.households) == [20, 40])
        let projection = try #require(street.projection)
        #expect(abs(projection.referenceLatitude - 30.5005) < 1e-9)
        #expect(abs(projection.referenceLongitude - 114.3005) < 1e-9)
        // 0.001° of latitude is about 111 m; 0.001° of longitude at 30.5° N about 95.8 m.
        let a = street.buildings[0].position
        let b = street.buildings[1].position
        #expect(abs((b.y - a.y) - 111.19) < 0.1)
        #expect(abs((b.x - a.x) - 95.80) < 0.1)
        #expect(abs(a.x + b.x) < 1e-6 && abs(a.y + b.y) < 1e-6, "the reference is the mean position")
    }

    @Test func peopleAndBarriersShareTheBuildingsProjection() throws {
        let buildings = "building_id,community_id,households,lat,lon\nB1,C1,10,30.0,114.0\nB2,C1,10,30.2,114.2\n"
        let people = "person_id,roles,lat,lon\nP1,volunteer,30.1,114.1\nP2,volunteer,,\n"
        let barriers = "lat1,lon1,lat2,lon2\n30.0,114.2,30.2,114.0\n"
        let folder = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array(buildings.utf8), "people.csv": Array(people.utf8),
            "barriers.csv": Array(barriers.utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let street = try StreetLoader(directory: folder).load()
        let projection = try #require(street.projection)
        #expect(abs(projection.referenceLatitude - 30.1) < 1e-12)
        #expect(abs(projection.referenceLongitude - 114.1) < 1e-12)
        guard case .point(let home) = street.people[0].home else {
            Issue.record("P1 lives at a position")
            return
        }
        #expect(abs(home.x) < 1e-6 && abs(home.y) < 1e-6, "P1 stands at the reference point")
        #expect(street.people[1].home == nil)
        let barrier = try #require(street.barriers.first)
        #expect(barrier.start == projection.project(latitude: 30.0, longitude: 114.2))
        #expect(barrier.end == projection.project(latitude: 30.2, longitude: 114.0))
        #expect(barrier.start.x > 0 && barrier.start.y < 0)
    }

    @Test func gbkFileWithChineseHeadersIsDecoded() throws {
        let loaded = try StreetLoader(directory: FixtureFolders.street("gbk-street")).loadWithReport()
        #expect(loaded.files.map(\.encoding) == [.gb18030, .gb18030, .gb18030])
        let street = loaded.street
        #expect(street.buildings.map(\.id.rawValue) == ["一号楼", "二号楼"])
        #expect(street.buildings[0].communityID == "东风社区")
        #expect(street.buildings[0].compoundID == "幸福小区")
        #expect(street.buildings[0].compoundType == .old)
        #expect(street.households == 84)
        let person = try #require(street.people.first)
        #expect(person.name == "王小明")
        #expect(person.roles == [.volunteer, .partyMemberInService])
        #expect(
            person.availability == [
                WeeklySlot(day: .monday, period: .morning), WeeklySlot(day: .saturday, period: .afternoon),
            ])
        #expect(street.residents.first?.categories == [.elderlyAlone, .lowIncome])
    }

    @Test func loadingIsDeterministic() throws {
        #expect(try load("valid-street") == load("valid-street"))
    }

    @Test func issuesBeyondTheLimitAreCounted() throws {
        var text = "building_id,community_id,households,x,y\n"
        for index in 0..<7 { text += "B\(index),C1,-\(index + 1),0,0\n" }
        let folder = try FixtureFolders.temporaryStreet(["buildings.csv": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) {
            try StreetLoader(directory: folder, issueLimitPerFile: 3).load()
        }
        #expect(error.issues.count == 3)
        #expect(error.omitted == ["buildings.csv": 4])
        #expect(error.totalCount == 7)
        #expect(error.lines.last == "buildings.csv: … and 4 more problems")
        #expect(error.issues.map(\.line) == [2, 3, 4])
    }

    @Test func everyProblemOfAFileIsReported() throws {
        let text = """
            building_id,community_id,households,x,y
            B1,C1,12.5,0,0
            B2,,10,0,0
            B3,C1,10,abc,0
            B1,C1,10,0,0

            """
        let folder = try FixtureFolders.temporaryStreet(["buildings.csv": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.issues.map(\.line) == [2, 3, 4, 5])
        #expect(error.issues.map(\.columnName) == ["households", "community_id", "x", "building_id"])
    }

    @Test func planarAndGeodeticColumnsPreferPlanar() throws {
        let text = "building_id,community_id,households,x,y,lat,lon\nB1,C1,10,5,6,30,114\n"
        let folder = try FixtureFolders.temporaryStreet(["buildings.csv": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let street = try StreetLoader(directory: folder).load()
        #expect(street.buildings[0].position == PlanarPoint(x: 5, y: 6))
        #expect(street.projection == nil)
    }

    @Test func headersMatchIgnoringCaseAndSpaceAndExtraColumnsAreIgnored() throws {
        let text = " Building_ID ,COMMUNITY_ID,户数, x ,Y,whatever\nB1,C1,10,1,2,anything\n"
        let folder = try FixtureFolders.temporaryStreet(["buildings.csv": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let street = try StreetLoader(directory: folder).load()
        #expect(street.buildings.map(\.id.rawValue) == ["B1"])
        #expect(street.households == 10)
    }

    @Test func pairedPeopleAreCheckedAfterBothFilesAreRead() throws {
        let buildings = "building_id,community_id,households,x,y\nB1,C1,10,0,0\n"
        let residents = "resident_id,building_id,categories,paired_person_id\nR1,B1,ordinary,P1\nR2,B1,ordinary,P9\n"
        let people = "person_id,roles\nP1,volunteer\n"
        let withPeople = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array(buildings.utf8), "residents.csv": Array(residents.utf8),
            "people.csv": Array(people.utf8),
        ])
        let withoutPeople = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array(buildings.utf8), "residents.csv": Array(residents.utf8),
        ])
        defer {
            try? FileManager.default.removeItem(at: withPeople)
            try? FileManager.default.removeItem(at: withoutPeople)
        }
        let one = try #require(throws: GridDataError.self) { try StreetLoader(directory: withPeople).load() }
        #expect(one.issues.map(\.line) == [3])
        #expect(one.issues.first?.value == "P9")
        // Without people.csv, one problem names the file and counts the references it leaves unchecked.
        let two = try #require(throws: GridDataError.self) { try StreetLoader(directory: withoutPeople).load() }
        #expect(two.issues.map(\.file) == ["people.csv"])
        #expect(two.issues.first?.problem.contains("refer to it 2 times (residents.csv (paired_person_id) 2)") == true)
    }

    @Test func missingFolderIsAnIssueNotACrash() {
        let folder = URL(fileURLWithPath: "/nonexistent/wangge/street")
        #expect(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
    }

    @Test func summaryCountsRolesAndCategories() throws {
        let summary = StreetSummary(try load("valid-street"))
        #expect(summary.communities == 2)
        #expect(summary.compounds == 2)
        #expect(summary.buildings == 5)
        #expect(summary.nonResidentialBuildings == 1)
        #expect(summary.households == 185)
        #expect(summary.people == 3)
        #expect(summary.peopleByRole["volunteer"] == 1)
        #expect(summary.peopleByRole["grid_worker"] == 1)
        #expect(summary.residentsByCategory == ["elderly_alone": 1, "low_income": 1, "disabled": 1])
        #expect(summary.lines.contains("  sunk_cadre: 1"))
    }
}
