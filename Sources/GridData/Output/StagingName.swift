/// The hidden names written beside an output while it is being written, and the sweep that clears them.
///
/// For an output named `NAME` (a folder or a file):
/// - `.NAME.partial-PID-RANDOM` is a folder or file being written by process PID; it becomes `NAME` when complete.
/// - `.NAME.old-PID-RANDOM` is the previous `NAME`, moved aside for the instant of a two-rename swap (only where
///   the system cannot exchange two names atomically).
///
/// A leftover is what a killed run left behind. A leftover whose PID is a live process other than this one is
/// another run at work and is left alone; every other leftover is removed, except that when `NAME` itself is
/// missing, the newest `.NAME.old-*` is the previous output caught between the two renames and is put back.
enum StagingName {
    enum Role: String {
        case partial
        case old
    }

    /// `.NAME.ROLE-`: the prefix shared by every leftover of one role.
    static func prefix(_ name: String, _ role: Role) -> String { ".\(name).\(role.rawValue)-" }

    /// A fresh name for `name` in `role`, unique to this process and call.
    static func make(_ name: String, _ role: Role) -> String {
        let random = UInt32.random(in: 0...UInt32.max)
        let hex = String(random, radix: 16)
        return prefix(name, role) + "\(PlatformFiles.processID)-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The process that made a leftover, read from its name.
    static func pid(of entry: String, role: Role, name: String) -> Int32? {
        let rest = entry.dropFirst(prefix(name, role).count)
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        return Int32(rest[..<dash])
    }

    /// Whether the leftover belongs to a live run other than this one.
    static func isLive(_ entry: String, role: Role, name: String) -> Bool {
        guard let pid = pid(of: entry, role: role, name: name), pid > 0, pid != PlatformFiles.processID else {
            return false
        }
        return PlatformFiles.isRunning(pid)
    }

    /// Clears the leftovers of `name` in `parent`, restoring a previous output stranded between two renames.
    /// - Complexity: O(entries of `parent`) plus the size of what is removed.
    static func recover(_ name: String, in parent: String) throws(OutputError) {
        let entries = try PlatformFiles.entries(of: parent).sorted()
        let target = parent + "/" + name
        var olds: [String] = []
        for entry in entries {
            if entry.hasPrefix(prefix(name, .partial)), !isLive(entry, role: .partial, name: name) {
                try PlatformFiles.remove(parent + "/" + entry)
            } else if entry.hasPrefix(prefix(name, .old)), !isLive(entry, role: .old, name: name) {
                olds.append(entry)
            }
        }
        guard !olds.isEmpty else { return }
        if try PlatformFiles.kind(of: target) == .missing {
            // Newest first: a later interrupted swap moved aside what an earlier one had put in place.
            var newest: (entry: String, modified: Double)?
            for entry in olds {
                let modified = try PlatformFiles.modified(parent + "/" + entry)
                if newest == nil || modified > newest?.modified ?? 0 { newest = (entry, modified) }
            }
            if let newest {
                try PlatformFiles.rename(parent + "/" + newest.entry, to: target)
                olds.removeAll { $0 == newest.entry }
            }
        }
        for entry in olds { try PlatformFiles.remove(parent + "/" + entry) }
    }
}
