import GridModel

/// A street read from its folder, with what was read from each file.
public struct LoadedStreet: Sendable {
    /// What one file held.
    public struct FileReport: Hashable, Sendable, Codable {
        public var file: StreetFile
        public var encoding: SourceEncoding
        /// Data rows (the header and blank lines not counted).
        public var rows: Int
    }

    public var street: Street
    /// The files found, in reading order.
    public var files: [FileReport]
}
