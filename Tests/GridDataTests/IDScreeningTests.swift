import Foundation
import GridData
import Testing

/// Ids that a spreadsheet would run as a formula, or that would break a line in an output, are refused where they
/// are read, with file, line and column.
@Suite(.inEnglish) struct IDScreeningTests {
    static let buildingsHeader = "building_id,community_id,compound_id,households,x,y\n"

    static func load(_ files: [String: String]) throws -> GridDataError? {
        let folder = try FixtureFolders.temporaryStreet(files.mapValues { Array($0.utf8) })
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try StreetLoader(directory: folder).load()
            return nil
        } catch {
            return error
        }
    }

    @Test func aFormulaAsABuildingIDIsRefusedWithItsPlace() throws {
        let rows = "B01,C01,Q01,10,0,0\n\"=HYPERLINK(\"\"http://x\"\")\",C01,Q01,10,5,5\n"
        let error = try #require(try Self.load(["buildings.csv": Self.buildingsHeader + rows]))
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1, "\(error)")
        #expect(issue.file == "buildings.csv")
        #expect(issue.line == 3)
        #expect(issue.column == 1)
        #expect(issue.columnName == "building_id")
        #expect(issue.value == "=HYPERLINK(\"http://x\")")
        #expect(issue.description.contains("an id may not begin with =, +, - or @ or hold a line break"))
    }

    @Test(arguments: ["+Q01", "-Q01", "@Q01", "=Q01", "'=Q01", "Q\r\n01", "Q\n01", "Q\u{0}01"])
    func aRefusedCompoundIDIsReported(id: String) throws {
        let quoted = "\"" + id + "\""
        let error = try #require(
            try Self.load(["buildings.csv": Self.buildingsHeader + "B01,C01,\(quoted),10,0,0\n"]))
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1, "\(error)")
        #expect(issue.line == 2)
        #expect(issue.column == 3)
        #expect(issue.columnName == "compound_id")
        #expect(issue.problem == "an id may not begin with =, +, - or @ or hold a line break")
    }

    @Test func aPersonIDHoldingCRLFIsRefused() throws {
        let error = try #require(
            try Self.load([
                "buildings.csv": Self.buildingsHeader + "B01,C01,Q01,10,0,0\n",
                "people.csv": "person_id,name,roles\nP1,张三,volunteer\n\"P2\r\nBEGIN:VEVENT\",李四,volunteer\n",
            ]))
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1, "\(error)")
        #expect(issue.file == "people.csv")
        #expect(issue.line == 3)
        #expect(issue.column == 1)
        #expect(issue.columnName == "person_id")
    }

    @Test func idsWithInnerDashesAndOrdinaryStreetsStillLoad() throws {
        #expect(
            try Self.load(["buildings.csv": Self.buildingsHeader + "C01-Q01-B001,C01,C01-Q01,10,-3,-5\n"]) == nil)
        #expect(throws: Never.self) { try StreetLoader(directory: FixtureFolders.street("valid-street")).load() }
    }
}
