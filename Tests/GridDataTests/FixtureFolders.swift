import Foundation

/// Locates the test fixtures copied into the test bundle.
enum FixtureFolders {
    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: "Fixtures")
    }

    static func street(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// A GAP benchmark file copied from OR-Library.
    static func gap(_ name: String) -> URL { root.appendingPathComponent("gap").appendingPathComponent(name) }

    static var malformedRoot: URL { root.appendingPathComponent("malformed") }

    /// The names of the malformed street folders, sorted.
    static var malformedCases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: malformedRoot.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = malformedRoot.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// What a malformed folder's expected.json says its one problem is.
    struct Expectation: Decodable {
        let file: String
        let line: Int?
        let column: Int?
        let fragment: String
    }

    static func expectation(_ name: String) throws -> Expectation {
        let data = try Data(
            contentsOf: malformedRoot.appendingPathComponent(name).appendingPathComponent("expected.json"))
        return try JSONDecoder().decode(Expectation.self, from: data)
    }

    /// A fresh temporary folder holding the given files.
    static func temporaryStreet(_ files: [String: [UInt8]]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("wangge-griddata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
