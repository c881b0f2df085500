import Foundation
import GridModel

/// Writes a week's roster as iCalendar files (RFC 5545): one VEVENT per roster entry (so a two-visitor visit gives
/// each visitor an event), the visitor as the event's ATTENDEE; one calendar per visitor (`calendars/PERSON_ID.ics`)
/// or, on request, one for the whole street (roster.ics).
///
/// Privacy: a calendar is what gets sent to phones and forwarded in chat groups, so a resident appears by a masked
/// name (王**) and their id, never a category; a visitor's own calendar (``calendars(_:week:)``) gives building and
/// unit but no floor. The street-wide file, kept in the office, adds the floor when ``showsFloors`` is set.
///
/// The output is deterministic: UIDs come from week, person, resident (or the grid for a door-knocking round),
/// date and slot; DTSTAMP is the week's Monday at 00:00 UTC rather than the clock. Times come from
/// ``RosterSlotTimes`` (`visits.slot_times`), in a zone defined by a VTIMEZONE.
///
/// No value reaches a line unescaped: TEXT values through ``ICSContentLine/escapeText(_:)``, parameters through
/// ``ICSContentLine/parameterValue(_:)``, the ATTENDEE's URI through ``ICSContentLine/uriComponent(_:)``; so a line
/// break in a name or an id can never start a line of its own (`BEGIN:VEVENT`).
public struct RosterICSWriter: Sendable {
    /// People and residents, for names and addresses.
    public let street: Street
    /// The plan's grid of each building, for grid names.
    public let gridOfBuilding: [BuildingID: GridID]
    /// Slot clock times.
    public let slotTimes: RosterSlotTimes
    /// Whether a visit's location gives the resident's floor (the office's street-wide file only).
    public let showsFloors: Bool

    /// A writer for rosters of `street`.
    public init(
        street: Street, gridOfBuilding: [BuildingID: GridID] = [:], slotTimes: RosterSlotTimes = .standard,
        showsFloors: Bool = false
    ) {
        self.street = street
        self.gridOfBuilding = gridOfBuilding
        self.slotTimes = slotTimes
        self.showsFloors = showsFloors
    }

    /// One calendar per visitor, sorted by person id: each holds only that visitor's events, never a floor.
    /// - Complexity: O(n log n) in the entries, plus the street's people and residents once.
    public func calendars(_ entries: [RosterEntry], week: ISOWeek) -> [(person: PersonID, text: String)] {
        let own = RosterICSWriter(
            street: street, gridOfBuilding: gridOfBuilding, slotTimes: slotTimes, showsFloors: false)
        let names = StreetNames(street: street, gridOfBuilding: gridOfBuilding)
        let partners = Self.visitorsOfVisit(entries)
        let byPerson = Dictionary(grouping: entries, by: \.personID)
        return byPerson.keys.sorted().map { person in
            (person, own.render(byPerson[person] ?? [], week: week, visitor: person, names: names, partners: partners))
        }
    }

    /// The calendar text, CRLF line ends, every line folded at 75 octets.
    /// - Complexity: O(n log n) in the entries.
    public func text(_ entries: [RosterEntry], week: ISOWeek) -> String {
        let names = StreetNames(street: street, gridOfBuilding: gridOfBuilding)
        return render(entries, week: week, visitor: nil, names: names, partners: Self.visitorsOfVisit(entries))
    }

    /// The visitors of each visit (a two-visitor visit has two).
    static func visitorsOfVisit(_ entries: [RosterEntry]) -> [RosterVisitKey: [PersonID]] {
        var visitors: [RosterVisitKey: [PersonID]] = [:]
        for entry in entries where entry.kind == .visit {
            guard let resident = entry.residentID else { continue }
            visitors[RosterVisitKey(resident: resident, date: entry.date, period: entry.period), default: []]
                .append(entry.personID)
        }
        return visitors
    }

    /// The calendar of `entries`, named after `visitor` when it is one person's; `partners` names fellow visitors.
    private func render(
        _ entries: [RosterEntry], week: ISOWeek, visitor: PersonID?, names: StreetNames,
        partners visitorsOfVisit: [RosterVisitKey: [PersonID]]
    ) -> String {
        let zone = slotTimes.timeZone
        let zoneParameter = ICSContentLine.parameterValue(zone)
        let offset = Self.offset(slotTimes.utcOffsetMinutes)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Wangge//Weekly visit roster//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICSContentLine.escapeText(
                "走访安排 Visit roster \(week)" + (visitor.map { " · " + names.name(of: $0) } ?? "")),
            "X-WR-TIMEZONE:" + ICSContentLine.escapeText(zone),
            "BEGIN:VTIMEZONE",
            "TZID:" + ICSContentLine.escapeText(zone),
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:\(offset)",
            "TZOFFSETTO:\(offset)",
            "TZNAME:CST",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
        let stamp = Self.compact(week.monday) + "T000000Z"
        for entry in entries.sorted(by: Self.order) {
            let visitorName = names.name(of: entry.personID)
            let times = slotTimes.times(of: entry.period)
            var summary: String
            var location = ""
            let gridName = names.gridName(entry.gridID)
            var description: [String] = ["网格 Grid: \(gridName.chinese) \(gridName.english) (\(entry.gridID))"]
            switch entry.kind {
            case .visit:
                let resident = entry.residentID.flatMap { names.residents[$0] }
                summary = "走访 Visit: " + (entry.residentID.map(names.maskedName(of:)) ?? "")
                if let resident { location = "楼栋 " + PrintoutPage.address(resident, floor: showsFloors) }
                if let residentID = entry.residentID {
                    description.append("居民 Resident: \(names.maskedName(of: residentID)) (\(residentID))")
                    let key = RosterVisitKey(resident: residentID, date: entry.date, period: entry.period)
                    let others = (visitorsOfVisit[key] ?? []).filter { $0 != entry.personID }.sorted()
                    if !others.isEmpty {
                        description.append("同行 With: " + others.map(names.name(of:)).joined(separator: "、"))
                    }
                }
            case .doorKnocking:
                summary = "敲门行动 Door-knocking round: \(gridName.chinese)"
                location = "网格 Grid \(gridName.chinese) (\(entry.gridID))"
            }
            let uidParts = [
                entry.week.description, entry.personID.rawValue,
                entry.residentID?.rawValue ?? "door-knocking-\(entry.gridID.rawValue)", entry.date.description,
                entry.period.code,
            ]
            lines += [
                "BEGIN:VEVENT",
                "UID:" + ICSContentLine.escapeText(uidParts.joined(separator: "-") + "@wangge"),
                "DTSTAMP:\(stamp)",
                "DTSTART;TZID=\(zoneParameter):\(Self.compact(entry.date))T\(Self.clock(times.start))",
                "DTEND;TZID=\(zoneParameter):\(Self.compact(entry.date))T\(Self.clock(times.end))",
                "SUMMARY:" + ICSContentLine.escapeText(summary),
            ]
            if !location.isEmpty { lines.append("LOCATION:" + ICSContentLine.escapeText(location)) }
            lines += [
                "DESCRIPTION:" + ICSContentLine.escapeText(description.joined(separator: "\n")),
                "ATTENDEE;CN=\(ICSContentLine.parameterValue(visitorName));ROLE=REQ-PARTICIPANT:"
                    + "urn:wangge:person:" + ICSContentLine.uriComponent(entry.personID.rawValue),
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICSContentLine.fold).joined()
    }

    /// Writes roster.ics at `url` (mode 0600).
    public func write(_ entries: [RosterEntry], week: ISOWeek, to url: URL) throws {
        try OwnerOnlyFile.write(text(entries, week: week), to: url)
    }

    static func order(_ lhs: RosterEntry, _ rhs: RosterEntry) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.period != rhs.period { return lhs.period < rhs.period }
        if lhs.personID != rhs.personID { return lhs.personID < rhs.personID }
        return (lhs.residentID?.rawValue ?? "") < (rhs.residentID?.rawValue ?? "")
    }

    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours)" + (rest < 10 ? "0" : "") + "\(rest)00"
    }

    static func offset(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        let hours = magnitude / 60
        let rest = magnitude % 60
        return sign + (hours < 10 ? "0" : "") + "\(hours)" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
