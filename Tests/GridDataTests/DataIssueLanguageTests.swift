import Foundation
import GridModel
import Testing

@testable import GridData

/// The data module's texts come from the catalogue: Chinese unless the command binds English, and the English the
/// old wording that planners' scripts and the end-to-end suites match.
@Suite struct DataIssueLanguageTests {
    private static let buildings = "building_id,community_id,households,x,y\nB1,C1,12.5,0,0\nB2,C1,40,10,0\n"

    /// The description of the first problem of a street whose second line holds `12.5` households, read and
    /// written in `language` (as one command does).
    private static func firstProblem(in language: Language) throws -> String {
        let folder = try FixtureFolders.temporaryStreet(["buildings.csv": Array(buildings.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        return try Language.$current.withValue(language) {
            let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
            return try #require(error.issues.first).description
        }
    }

    @Test func aNumberProblemReadsInChineseByDefault() throws {
        let folder = try FixtureFolders.temporaryStreet(["buildings.csv": Array(Self.buildings.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        let issue = try #require(error.issues.first)
        #expect(
            issue.description
                == "buildings.csv 第 2 行第 3 列（households）：户数不是整数：发现 “12.5”；应为 0 至 20,000 之间的整数")
    }

    @Test func theSameProblemReadsInTheOldEnglishUnderEnglish() throws {
        #expect(
            try Self.firstProblem(in: .english)
                == "buildings.csv, line 2, column 3 (households): households is not a whole number: found \"12.5\"; "
                + "expected a whole number from 0 to 20,000")
        #expect(try Self.firstProblem(in: .chinese).hasPrefix("buildings.csv 第 2 行第 3 列（households）：户数不是整数"))
    }

    @Test func theFrameFollowsTheLanguageItIsPrintedIn() {
        let issue = DataIssue(file: "people.csv", problem: "P", expected: "E")
        #expect(Language.$current.withValue(.chinese) { issue.description } == "people.csv 文件：P；应为 E")
        #expect(Language.$current.withValue(.english) { issue.description } == "people.csv: P; expected E")
        let cut = GridDataError(issues: [issue], omitted: ["people.csv": 3])
        #expect(Language.$current.withValue(.chinese) { cut.lines.last } == "people.csv：……另有 3 个问题")
        #expect(Language.$current.withValue(.english) { cut.lines.last } == "people.csv: … and 3 more problems")
    }

    /// Every problem the malformed fixtures produce is Chinese by default: a text left in code shows up here.
    @Test(arguments: FixtureFolders.malformedCases)
    func everyMalformedFolderIsReportedInChinese(name: String) throws {
        let folder = FixtureFolders.malformedRoot.appendingPathComponent(name)
        let error = try Language.$current.withValue(.chinese) {
            try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        }
        for issue in error.issues {
            #expect(Self.hasHan(issue.problem), "\(name): \(issue)")
        }
    }

    @Test func theValidateSummaryReadsInBothLanguages() throws {
        let street = try StreetLoader(directory: FixtureFolders.street("valid-street")).load()
        let summary = StreetSummary(street)
        let chinese = Language.$current.withValue(.chinese) { summary.lines }
        let english = Language.$current.withValue(.english) { summary.lines }
        #expect(chinese.contains("社区：\(summary.communities)"))
        #expect(english.contains("communities: \(summary.communities)"))
        #expect(chinese.count == english.count)
    }

    private static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
