import Foundation
import GridData
import Testing

@Suite(.inEnglish) struct GeneralizedAssignmentFileReaderTests {
    @Test func readsMultiProblemFile() throws {
        let problems = try GeneralizedAssignmentFileReader.read(contentsOf: FixtureFolders.gap("gap1.txt"))
        #expect(problems.map(\.name) == ["gap1-0", "gap1-1", "gap1-2", "gap1-3", "gap1-4"])
        #expect(problems.allSatisfy { $0.agentCount == 5 && $0.jobCount == 15 })
        // First and last numbers of problem 0, read off the file.
        #expect(problems[0].cost[0][0] == 17 && problems[0].cost[0][14] == 16)
        #expect(problems[4].capacity.count == 5)
    }

    @Test func readsSingleInstanceFile() throws {
        let problems = try GeneralizedAssignmentFileReader.read(contentsOf: FixtureFolders.gap("c05100"))
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.name == "c05100")
        #expect(problem.agentCount == 5 && problem.jobCount == 100)
        let raw = try String(contentsOf: FixtureFolders.gap("c05100"), encoding: .utf8)
        let numbers = raw.split(whereSeparator: { $0.isWhitespace }).compactMap { Double($0) }
        #expect(numbers.count == 2 + 2 * 500 + 5)
        #expect(problem.cost[0][0] == numbers[2])
        #expect(problem.resource[4][99] == numbers[2 + 1000 - 1])
        #expect(problem.capacity == Array(numbers.suffix(5)))
    }

    @Test func toleratesByteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}2 3\r\n1 2 3\r\n4 5 6\r\n1 1 1\r\n2 2 2\r\n5 5\r\n"
        let problems = try GeneralizedAssignmentFileReader.parse(Data(text.utf8), file: "bom.txt", baseName: "bom")
        #expect(problems.count == 1 && problems[0].capacity == [5, 5])
    }

    static let malformed: [(String, String, String)] = [
        ("", "empty.txt, line 1, column 1: empty file; expected GAP data", "empty"),
        ("\n\n   \n", "blank.txt, line 4, column 1: empty file", "blank"),
        ("1 2 3\n", "three.txt, line 1, column 1: first line has 3 values; expected 'P'", "three"),
        ("2 3\n1 2 x\n", "letter.txt, line 2, column 5: found 'x'; expected cost[0][2] of the problem (a finite number)", "letter"),
        ("2 3\n1 2 3\n4 5 6\n1 1 1\n2 2", "short.txt, line 5, column 4: unexpected end of file; expected resource[1][2]", "short"),
        ("2 3\n1 2 3\n4 5 6\n1 1 1\n2 2 2\n5 5 7\n", "extra.txt, line 6, column 5: found '7' after the last problem", "extra"),
        ("2 3\n1 2 3\n4 5 6\n1 1 1\n2 2 2\n5 -5\n", "negative.txt, line 6, column 3: found -5; expected capacity[1]", "negative"),
        ("1\n0 3\n", "zero.txt, line 2, column 1: found 0; expected the number of agents m of problem 0", "zero"),
        ("2\n1 1\n4\n2\n3\n", "missing.txt, line 6, column 1: unexpected end of file; expected the number of agents m of problem 1",
         "missing"),
        ("1.5\n", "fraction.txt, line 1, column 1: found '1.5'; expected the number of problems P (an integer)", "fraction"),
        ("1\n2 3\n1 2 nan\n", "nan.txt, line 3, column 5: found 'nan'; expected cost[0][2] of problem 0 (a finite number)", "nan"),
        ("100000 100000\n", "huge.txt, line 1, column 1: 100000 agents × 100000 jobs; expected at most", "huge"),
    ]

    @Test(arguments: malformed.indices)
    func malformedFilesGiveFileLineColumn(caseIndex: Int) {
        let (text, expected, name) = Self.malformed[caseIndex]
        do {
            _ = try GeneralizedAssignmentFileReader.parse(Data(text.utf8), file: "\(name).txt", baseName: name)
            Issue.record("\(name): expected an error")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(name): \(error.description)")
        }
    }

    @Test func missingFileIsReported() {
        let url = URL(fileURLWithPath: "/nonexistent/gap99.txt")
        #expect(throws: GridDataError.self) { try GeneralizedAssignmentFileReader.read(contentsOf: url) }
    }
}
