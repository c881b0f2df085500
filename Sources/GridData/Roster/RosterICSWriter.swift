import Foundation
import GridModel

/// Writes a week's roster as one iCalendar file (RFC 5545): one VCALENDAR, one VEVENT per roster entry (so a
/// two-visitor visit gives each visitor an event), the visitor as the event's ATTENDEE.
///
/// The output is deterministic: UIDs come from week, person, resident (or the grid for a door-knocking round),
/// date and slot; DTSTAMP is the week's Monday at 00:00 UTC rather than the clock. Times come from
/// ``RosterSlotTimes`` in the Asia/Shanghai zone, defined by a VTIMEZONE. Events carry what the visitor needs:
/// the resident's name and address (building, unit, floor), the grid, a fellow visitor; never a category.
///
/// No value reaches a line unescaped: TEXT values through ``ICSContentLine/escapeText(_:)``, parameters through
/// ``ICSContentLine/parameterValue(_:)``, the ATTENDEE's URI through ``ICSContentLine/uriComponent(_:)``; so a line
/// break in a name or an id can never start a line of its own (`BEGIN:VEVENT`).
public struct RosterICSWriter: Sendable {
    /// People and residents, for names and addresses.
    public let street: Street
    /// Slot clock times.
    public let slotTimes: RosterSlotTimes

    /// A writer for rosters of `street`.
    public init(street: Street, slotTimes: RosterSlotTimes = .standard) {
        self.street = street
        self.slotTimes = slotTimes
    }

    /// The calendar text, CRLF line ends, every line folded at 75 octets.
    /// - Complexity: O(n log n) in the entries.
    public func text(_ entries: [RosterEntry], week: ISOWeek) -> String {
        let people = Dictionary(street.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let residents = Dictionary(street.residents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var visitorsOfVisit: [RosterVisitKey: [PersonID]] = [:]
        for entry in entries where entry.kind == .visit {
            guard let resident = entry.residentID else { continue }
            visitorsOfVisit[RosterVisitKey(resident: resident, date: entry.date, period: entry.period), default: []]
                .append(entry.personID)
        }
        let zone = slotTimes.timeZone
        let zoneParameter = ICSContentLine.parameterValue(zone)
        let offset = Self.offset(slotTimes.utcOffsetMinutes)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Wangge//Weekly visit roster//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICSContentLine.escapeText("走访安排 Visit roster \(week)"),
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
            let person = people[entry.personID]
            let visitorName = person?.name ?? entry.personID.rawValue
            let times = slotTimes.times(of: entry.period)
            var summary: String
            var location = ""
            var description: [String] = ["网格 Grid \(entry.gridID)"]
            switch entry.kind {
            case .visit:
                let resident = entry.residentID.flatMap { residents[$0] }
                let who = [resident?.name, entry.residentID?.rawValue].compactMap { $0 }.joined(separator: " ")
                summary = "走访 Visit: \(who)"
                if let resident { location = Self.address(resident) }
                if let residentID = entry.residentID {
                    description.append("居民 Resident \(residentID)")
                    let key = RosterVisitKey(resident: residentID, date: entry.date, period: entry.period)
                    let others = (visitorsOfVisit[key] ?? []).filter { $0 != entry.personID }.sorted()
                    if !others.isEmpty {
                        let names = others.map { people[$0]?.name ?? $0.rawValue }
                        description.append("同行 With: " + names.joined(separator: "、"))
                    }
                }
            case .doorKnocking:
                summary = "敲门行动 Door-knocking round: \(entry.gridID)"
                location = "网格 Grid \(entry.gridID)"
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

    /// Building, unit and floor: `楼栋 C01-Q01-B001 1单元 17层`.
    static func address(_ resident: Resident) -> String {
        var parts = ["楼栋 \(resident.buildingID)"]
        if let unit = resident.unit { parts.append("\(unit)单元") }
        if let floor = resident.floor { parts.append("\(floor)层") }
        return parts.joined(separator: " ")
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
