import Foundation
import Testing

@testable import GridData

/// A header one edit from a column the file lacks is an error naming the column; other unknown columns are allowed.
@Suite(.inEnglish) struct ColumnSpellingTests {
    private static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test(arguments: [
        ("paired_person", "paired_person_id"), ("paired_persn_id", "paired_person_id"),
        ("paired_preson_id", "paired_person_id"), ("paired_person_idd", "paired_person_id"),
        ("结对人", "paired_person_id"), ("结对人贝", "paired_person_id"), ("Paired_Person", "paired_person_id"),
        ("nedes", "needs"), ("paired", "paired_person_id"),
    ])
    func misspellingsNameTheColumn(written: String, column: String) {
        let missing = ["unit", "floor", "name", "birth_year", "paired_person_id", "needs"]
        #expect(ColumnSpelling.likelyColumn(for: written, among: missing) == column)
    }

    @Test(arguments: ["remark", "备注人", "z", "id", "person_id_2", "楼宇", "网格", "pairing"])
    func otherColumnsAreLeftAlone(written: String) {
        let missing = ["unit", "floor", "name", "birth_year", "paired_person_id", "needs", "x", "y"]
        #expect(ColumnSpelling.likelyColumn(for: written, among: missing) == nil)
    }

    @Test func oneEditIsExactlyOne() {
        #expect(ColumnSpelling.isOneEdit(Self.scalars("floors"), Self.scalars("floor")))
        #expect(ColumnSpelling.isOneEdit(Self.scalars("flor"), Self.scalars("floor")))
        #expect(ColumnSpelling.isOneEdit(Self.scalars("flaor"), Self.scalars("floor")))
        #expect(ColumnSpelling.isOneEdit(Self.scalars("flroo"), Self.scalars("floor")) == false)
        #expect(ColumnSpelling.isOneEdit(Self.scalars("lfoor"), Self.scalars("floor")))
        #expect(ColumnSpelling.isOneEdit(Self.scalars("floor"), Self.scalars("floor")) == false)
        #expect(ColumnSpelling.isOneEdit(Self.scalars("fl"), Self.scalars("floor")) == false)
        #expect(ColumnSpelling.isOneEdit(Self.scalars("flxxr"), Self.scalars("floor")) == false)
    }

    @Test func aMisspeltOptionalColumnIsAnErrorAtItsHeaderCell() throws {
        let folder = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array("building_id,community_id,households,x,y\nB1,C1,10,0,0\n".utf8),
            "people.csv": Array("person_id,roles\nP1,volunteer\n".utf8),
            "residents.csv": Array(
                ("resident_id,building_id,categories,unit,floor,name,birth_year,paired_person,remark\n"
                    + "R1,B1,ordinary,,,,,P1,x\n").utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.issues.count == 1, "\(error)")
        let issue = try #require(error.issues.first)
        #expect(issue.file == "residents.csv" && issue.line == 1 && issue.column == 8)
        #expect(issue.problem == "`paired_person` is not a column; did you mean `paired_person_id`?")
        #expect(issue.expected?.contains("结对人员") == true)
    }

    @Test func aMisspeltRequiredColumnIsOneProblem() throws {
        let folder = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array("building_id,community_id,houseolds,x,y\nB1,C1,10,0,0\n".utf8)
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        #expect(error.issues.count == 1, "\(error)")
        #expect(error.issues.first?.column == 3)
        #expect(error.issues.first?.problem.contains("did you mean `households`?") == true)
    }

    @Test func unknownColumnsFarFromAnyStayAllowed() throws {
        let folder = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array("building_id,community_id,households,x,y,remark,楼长\nB1,C1,10,0,0,a,b\n".utf8)
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try StreetLoader(directory: folder).load().buildings.count == 1)
    }

    @Test func rosterFilesReportMisspeltColumnsToo() throws {
        let folder = try FixtureFolders.temporaryStreet([
            "leave.csv": Array("person_id,form,to\nP1,2026-11-23,2026-11-24\n".utf8)
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = RosterFileReader(street: .init())
        let error = try #require(throws: GridDataError.self) {
            try reader.readLeave(file: folder.appendingPathComponent("leave.csv"))
        }
        #expect(error.issues.count == 1, "\(error)")
        #expect(error.issues.first?.problem == "`form` is not a column; did you mean `from`?")
    }
}
