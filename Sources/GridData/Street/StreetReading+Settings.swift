extension StreetReading {
    /// street.yaml (optional): read first, since the coordinate system decides how every position is read. A bad
    /// file is reported and the defaults are used, so the CSVs are still checked in the same run.
    func readSettings() {
        switch StreetSettings.read(in: directory) {
        case .success(let read):
            settings = read
        case .failure(let error):
            for issue in error.issues { log.add(issue) }
        }
    }
}
