extension OutputFolder {
    /// Who may read what is written.
    public enum Privacy: Sendable {
        /// Resident names, addresses and visit plans: folders mode 0700, files 0600, from the moment they exist.
        case residentData
        /// Nothing personal (a grid map, an LP model): folders 0755, files 0644, as filtered by the umask.
        case shareable

        /// The mode a new file is created with (the umask can only take bits away).
        var fileMode: UInt32 {
            switch self {
            case .residentData: 0o600
            case .shareable: 0o644
            }
        }

        /// The mode a new folder is created with.
        var folderMode: UInt32 {
            switch self {
            case .residentData: 0o700
            case .shareable: 0o755
            }
        }
    }
}
