import GridModel

extension RuleSetIdentity {
    /// Computes the identity of base files and overlays.
    ///
    /// Base files are hashed in name order, so the order they were read in does not matter; overlays are hashed in
    /// the order given, because a later overlay wins and so the order changes the rules.
    public init(base: [RuleFile], overlays: [RuleFile]) {
        var sha = SHA256()
        let sorted = base.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
        // Length-prefixed fields, so that no two different file lists hash the same bytes.
        func add(_ tag: String, _ file: RuleFile) {
            let content = Array(file.text.utf8)
            sha.update("\(tag) \(file.name.utf8.count) \(file.name) \(content.count)\n")
            sha.update(content)
            sha.update("\n")
        }
        for file in sorted { add("file", file) }
        for file in overlays { add("overlay", file) }
        self.init(hash: "sha256:" + sha.hexDigest(), files: sorted.map(\.name), overlays: overlays.map(\.name))
    }
}
