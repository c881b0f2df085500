import Foundation
import GridData
import GridModel
import Testing

/// `validate`'s folder check reads responses.csv and completions.csv beside the street, against its requests.
@Suite(.inEnglish) struct MatchingFolderCheckTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try TemporaryFolder.make("matching-check")
        var all = [
            "buildings.csv": "building_id,community_id,households,x,y\nB1,C01,10,0,0\n",
            "people.csv": "person_id,name,roles\nP1,张三,volunteer\n",
            "residents.csv": "resident_id,building_id,categories\nR1,B1,elderly_alone\n",
            "requests.csv": "request_id,resident_id,service,created_at,earliest,latest,minutes\n"
                + "Q1,R1,home_repair,2026-11-23T08:00,2026-11-23T10:00,2026-11-23T12:00,30\n",
        ]
        all.merge(files) { $1 }
        for (name, text) in all { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func goodAnswersAndServicesAreCountedAsCompanions() throws {
        let folder = try Self.folder([
            "responses.csv": "request_id,person_id,response,at\nQ1,P1,accept,2026-11-23T08:10\n",
            "completions.csv": "request_id,person_id,started_at,minutes,outcome\nQ1,P1,2026-11-23T10:00,30,done\n",
        ])
        let check = StreetFolderCheck(loader: StreetLoader(directory: folder))
        #expect(check.error == nil)
        #expect(check.companions.map(\.file) == ["responses.csv", "completions.csv"])
        #expect(check.companions.map(\.rows) == [1, 1])
    }

    static let badFiles = [
        "responses.csv": "request_id,person_id,response,at\nQ7,P1,accept,2026-11-23T08:10\n"
            + "Q1,P1,accept,2026-11-23T07:59\n",
        "completions.csv": "request_id,person_id,started_at,minutes,outcome\nQ1,P1,2026-11-23T10:00,30,lost\n",
    ]

    static func places(_ check: StreetFolderCheck) -> [String] {
        (check.error?.issues ?? []).map {
            "\($0.file.split(separator: "/").last ?? ""):\($0.line ?? 0):\($0.column ?? 0)"
        }
    }

    @Test func badAnswersAndServicesAreReported() throws {
        let loader = StreetLoader(
            directory: try Self.folder(Self.badFiles), knownServices: [Service(rawValue: "home_repair")])
        #expect(
            Self.places(StreetFolderCheck(loader: loader)) == [
                "responses.csv:2:1", "responses.csv:3:4", "completions.csv:2:5",
            ])
    }

    @Test func aBrokenStreetDoesNotTurnEveryAnswerIntoAnUnknownRequest() throws {
        let loader = StreetLoader(
            directory: try Self.folder(Self.badFiles), knownServices: [Service(rawValue: "fetch_medicine")])
        #expect(Self.places(StreetFolderCheck(loader: loader)) == ["requests.csv:2:3", "completions.csv:2:5"])
    }
}
