import Foundation
import Testing

@testable import GridData

/// One broken file gives one problem, and a file a job does not read does not block it.
@Suite(.inEnglish) struct OneProblemPerDefectTests {
    static let buildings = "building_id,community_id,households,x,y\nB1,C1,10,0,0\nB2,C1,20,5,5\n"
    static let residents = "resident_id,building_id,categories,paired_person_id\n"
        + (1...40).map { "R\($0),B1,ordinary,P\($0)\n" }.joined()
    static let visits = "date,person_id,resident_id,outcome\n2026/11/23,P1,R1,done\n2026/11/24,P2,R2,done\n"

    private static func street(_ files: [String: String]) throws -> URL {
        try FixtureFolders.temporaryStreet(files.mapValues { Array($0.utf8) })
    }

    @Test func aMissingPeopleFileIsOneProblem() throws {
        let folder = try Self.street([
            "buildings.csv": Self.buildings, "residents.csv": Self.residents, "visits.csv": Self.visits,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.totalCount == 1, "\(error)")
        let issue = try #require(error.issues.first)
        #expect(issue.file == "people.csv")
        #expect(issue.problem.contains("other files refer to it 42 times"))
        #expect(issue.problem.contains("residents.csv (paired_person_id) 40, visits.csv (person_id) 2"))
        #expect(issue.problem.contains("not checked"))
    }

    @Test func gridsNeedNoPeopleAndNoResidents() throws {
        let folder = try Self.street([
            "buildings.csv": Self.buildings, "residents.csv": Self.residents + "R41,B9,nonsense!\n",
            "people.csv": "person_id,roles\nP1,no_such_role\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let street = try StreetLoader(directory: folder, needs: .grids).load()
        #expect(street.buildings.count == 2)
        #expect(street.people.isEmpty && street.residents.isEmpty)
    }

    @Test func staffingNeedsPeopleAndSaysSoOnce() throws {
        let folder = try Self.street(["buildings.csv": Self.buildings, "residents.csv": Self.residents])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) {
            try StreetLoader(directory: folder, needs: .staffing).load()
        }
        #expect(error.totalCount == 1, "\(error)")
        #expect(error.issues.first?.description == "people.csv: the file is missing; staff assign needs it; "
            + "expected people.csv in the street folder \(folder.path)")
    }

    @Test func aQuoteThatRunsOnIsOneProblemWhereItOpened() throws {
        var people = "person_id,name,roles,skills\n"
        for index in 1...40 {
            // Row 5 opens a quote it never closes; the other rows quote their skills, so it pairs with row 6's.
            people += index == 5 ? "P5,\"王五,volunteer,legal\n" : "P\(index),王\(index),volunteer,\"legal;repair\"\n"
        }
        let folder = try Self.street([
            "buildings.csv": Self.buildings, "people.csv": people, "residents.csv": Self.residents,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.totalCount == 1, "\(error)")
        let issue = try #require(error.issues.first)
        #expect(issue.file == "people.csv" && issue.line == 6 && issue.column == 2, "\(issue)")
        #expect(issue.problem == "a quoted field is never closed")
    }

    @Test func anOldSpreadsheetBesideAMissingFileIsNamed() throws {
        let folder = try Self.street(["buildings.xls": "an Excel 97 file"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.totalCount == 1, "\(error)")
        #expect(
            error.issues.first?.problem
                == "the file is missing; buildings.xls is there: save it as .xlsx or as CSV UTF-8 (the old .xls "
                + "format is not read)")
    }

    @Test func aWorkbookInTheCSVsPlaceIsReadAndABrokenOneIsOneProblem() throws {
        let folder = try Self.street(["buildings.xlsx": "not really a spreadsheet"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.totalCount == 1, "\(error)")
        #expect(error.issues.first?.file == "buildings.xlsx")
        #expect(error.issues.first?.problem == "not a readable .xlsx workbook (not a ZIP archive)")
    }

    @Test func anOptionalFileSavedAsSpreadsheetIsNamedToo() throws {
        let folder = try Self.street(["buildings.csv": Self.buildings, "people.xls": "x"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.issues.map(\.file) == ["people.csv"])
        #expect(error.issues.first?.problem.contains("people.xls is there") == true)
        // Drawing grids does not read people.csv, so the spreadsheet does not block it.
        #expect(try StreetLoader(directory: folder, needs: .grids).load().buildings.count == 2)
    }

    @Test func validateReadsLeaveAndCalendarBesideTheStreet() throws {
        let folder = try Self.street([
            "buildings.csv": Self.buildings, "people.csv": "person_id,roles\nP1,volunteer\n",
            "leave.csv": "person_id,from,to\nP1,2026/11/23,2026年11月25日\nP9,2026-11-23,2026-11-24\n",
            "calendar.csv": "date,kind\n2026.12.1,holiday\n2026-13-01,holiday\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = StreetFolderCheck(loader: StreetLoader(directory: folder))
        let error = try #require(check.error)
        let found = error.issues.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" }
        #expect(found == ["leave.csv:3:1", "calendar.csv:3:1"], "\(error)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("people.csv"))
        // With people.csv gone, leave.csv is still read, but its people are not checked (one problem says why).
        let again = StreetFolderCheck(loader: StreetLoader(directory: folder))
        #expect(again.error?.issues.map(\.file) == ["people.csv", "calendar.csv"], "\(String(describing: again.error))")
    }

    @Test func aCleanFolderListsItsCompanionFiles() throws {
        let folder = try Self.street([
            "buildings.csv": Self.buildings, "people.csv": "person_id,roles\nP1,volunteer\n",
            "leave.csv": "person_id,from,to\nP1,2026/11/23,2026/11/25\n", "calendar.csv": "date,kind\n2026/12/1,节假日\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = StreetFolderCheck(loader: StreetLoader(directory: folder))
        #expect(check.error == nil)
        #expect(check.companions.map(\.file) == ["leave.csv", "calendar.csv"])
        #expect(check.companions.map(\.rows) == [1, 1])
    }
}
