import Foundation
import GridData
import Testing

/// Every folder under Fixtures/malformed holds one defect; its expected.json names the file, line, column and a
/// fragment of the message.
@Suite(.inEnglish) struct MalformedStreetTests {
    @Test func thereAreAtLeastTwentyCases() {
        #expect(FixtureFolders.malformedCases.count >= 20)
    }

    @Test(arguments: FixtureFolders.malformedCases)
    func reportsItsOneDefect(name: String) throws {
        let expected = try FixtureFolders.expectation(name)
        let folder = FixtureFolders.malformedRoot.appendingPathComponent(name)
        let error = try #require(throws: GridDataError.self) {
            try StreetLoader(directory: folder).load()
        }
        let issue = try #require(error.issues.first, "\(name): no issue reported")
        #expect(error.issues.count == 1, "\(name): one defect, but \(error.description)")
        #expect(issue.file == expected.file, "\(name): \(issue)")
        #expect(issue.line == expected.line, "\(name): \(issue)")
        #expect(issue.column == expected.column, "\(name): \(issue)")
        #expect(issue.description.contains(expected.fragment), "\(name): \(issue)")
    }

    @Test func messagesNameTheValueAndTheExpectation() throws {
        let folder = FixtureFolders.malformedRoot.appendingPathComponent("ten-digit-households")
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        let text = error.description
        #expect(text.contains("buildings.csv, line 3, column 4 (households)"))
        #expect(text.contains("\"1234567890\""))
        #expect(text.contains("expected a whole number from 0 to 20,000"))
    }
}
