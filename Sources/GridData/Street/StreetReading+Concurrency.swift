import Dispatch
import GridModel

extension StreetReading {
    /// Reads people.csv and residents.csv at once, one on each core: together they are most of a city's bytes.
    ///
    /// residents.csv is read by a copy of this reading that shares the finished registries (buildings, units,
    /// communities, departments) and collects its references to people; they are checked here once people.csv
    /// is done, and the copy's problems, rows and file reports are merged in reading order.
    func readPeopleAndResidents() {
        guard needs.read.contains(.residents) else {
            if needs.read.contains(.people) { readPeople() }
            return
        }
        guard needs.read.contains(.people) else {
            readResidents()
            return
        }
        let worker = StreetReading(directory: directory, issueLimitPerFile: log.limitPerFile, needs: needs)
        worker.unreadable = unreadable
        worker.frame = frame
        worker.projection = projection
        worker.settings = settings
        worker.communityLines = communityLines
        worker.departmentLines = departmentLines
        worker.buildingLines = buildingLines
        worker.buildingCommunityIDs = buildingCommunityIDs
        worker.buildings = buildings
        worker.unitNames = unitNames
        worker.deferredPersonReferences = []
        let box = ExclusiveReading(worker)
        let group = DispatchGroup()
        let language = Language.current
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            Language.$current.withValue(language) { box.reading.readResidents() }
        }
        readPeople()
        group.wait()
        absorb(worker)
    }

    /// Takes over what `worker` read after it finished.
    private func absorb(_ worker: StreetReading) {
        log.absorb(worker.log)
        for file in worker.unreadable where !unreadable.contains(file) { unreadable.append(file) }
        for file in worker.reportedMissing where !reportedMissing.contains(file) { reportedMissing.append(file) }
        for (file, sources) in worker.unlistedReferences {
            for source in sources { countUnlisted(file, source: source.source, count: source.count) }
        }
        files.append(contentsOf: worker.files)
        residentLines = worker.residentLines
        residents = worker.residents
        let peopleUnreadable = unreadable.contains(.people)
        guard !peopleUnreadable else { return }
        guard let personLines else {
            for reference in worker.deferredPersonReferences ?? [] {
                countUnlisted(
                    .people, source: "\(StreetFile.residents.fileName) (\(reference.columnName ?? "paired_person_id"))")
            }
            return
        }
        for reference in worker.deferredPersonReferences ?? [] where personLines[reference.id] == nil {
            log.add(
                DataIssue(
                    file: StreetFile.residents.fileName, line: reference.line, column: reference.column,
                    columnName: reference.columnName, value: reference.id,
                    problem: Message.text("data.ref.unknown_person"),
                    expected: Message.text("data.ref.listed_in", ["column": "person_id", "file": "people.csv"])))
        }
    }
}

/// Hands a reading to one other thread, which alone uses it until the group it runs in is waited for.
///
/// `@unchecked` because `StreetReading` is a mutable class: safety comes from that hand-over discipline (the
/// creating thread touches the reading again only after `DispatchGroup.wait()`), not from the type system.
private final class ExclusiveReading: @unchecked Sendable {
    let reading: StreetReading

    init(_ reading: StreetReading) {
        self.reading = reading
    }
}
