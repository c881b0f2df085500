import Foundation
import GridModel

/// Reads a street folder (../shared/spec/data-format.md) into a ``GridModel/Street`` and validates it.
///
/// Loading reads every file to its end and collects every problem (up to ``issueLimitPerFile`` per file) before
/// throwing them together as one ``GridDataError``; it never stops the process and changes no file. On success the
/// street's values are sorted by id and its references resolved, so planning jobs need not re-check them.
///
/// ```swift
/// let street = try StreetLoader(directory: URL(fileURLWithPath: "Scenarios/sample-street")).load()
/// ```
///
/// Scale, measured with `/usr/bin/time -v wangge validate` (release build) on a synthetic city of 1.6 million
/// households (50,000 buildings, 400,000 people, 400,000 residents; 75 MB of CSV) on the shared 2-core machine:
/// 3.3 s user + 0.3 s system CPU, 5.5 s wall with other jobs running, 397 MB peak resident memory. people.csv and
/// residents.csv are read on two threads.
public struct StreetLoader: Sendable {
    /// The default number of problems kept per file before "… and N more".
    public static let defaultIssueLimitPerFile = 100

    /// The street folder.
    public var directory: URL
    /// Problems kept per file; the rest are only counted.
    public var issueLimitPerFile: Int
    /// The files read and required: every file for `validate`, fewer for a job that does without some.
    public var needs: StreetNeeds
    /// The services requests.csv may order: the ids of the rules' service catalogue. Nil (the default) accepts any
    /// snake_case word, for callers that have no rules at hand.
    public var knownServices: Set<Service>?
    /// The urgencies requests.csv may name, every spelling to its id (`紧急` → `urgent`); nil accepts any text.
    public var knownUrgencies: [String: String]?
    /// requests.csv read from this path instead of the folder's (`--requests FILE`); the file must then exist. Its
    /// rows are checked against the folder's residents and buildings as the folder's own would be.
    public var requestsFile: URL?

    /// A loader for the street folder at `directory`, reading the files a job `needs` (every file by default).
    public init(
        directory: URL, issueLimitPerFile: Int = StreetLoader.defaultIssueLimitPerFile,
        needs: StreetNeeds = .everything, knownServices: Set<Service>? = nil
    ) {
        self.directory = directory
        self.issueLimitPerFile = issueLimitPerFile
        self.needs = needs
        self.knownServices = knownServices
    }

    /// Reads and validates the folder; throws every problem found.
    ///
    /// - Complexity: O(n log n) in the number of rows (sorting by id); one pass over each file's bytes.
    public func load() throws(GridDataError) -> Street {
        try loadWithReport().street
    }

    /// Reads and validates the folder, also returning what each file held (its encoding and row count).
    public func loadWithReport() throws(GridDataError) -> LoadedStreet {
        let reading = StreetReading(directory: directory, issueLimitPerFile: issueLimitPerFile, needs: needs)
        reading.knownServices = knownServices
        reading.knownUrgencies = knownUrgencies
        if let requestsFile { reading.fileOverrides[.requests] = requestsFile }
        let street = reading.run()
        guard reading.log.isEmpty, let street else { throw reading.log.error() }
        return LoadedStreet(street: street, files: reading.files)
    }

    /// Reads and validates the street folder at `directory`.
    public static func load(from directory: URL) throws(GridDataError) -> Street {
        try StreetLoader(directory: directory).load()
    }
}
