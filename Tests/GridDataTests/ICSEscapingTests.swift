import Foundation
import GridData
import GridModel
import Testing

/// No value of roster.ics, ids included, can start a line of its own.
@Suite struct ICSEscapingTests {
    static let week = ISOWeek(year: 2026, week: 48)!
    static let personID: PersonID = "P1\r\nBEGIN:VEVENT;x,y"
    static let residentID: ResidentID = "R1\r\nEND:VCALENDAR;"

    static func calendar() -> String {
        let street = Street(
            people: [Person(id: personID, name: "张三\r\nBEGIN:VALARM", roles: [.gridWorker])],
            residents: [Resident(id: residentID, buildingID: "B1\nX", categories: [], name: "王\r\n小明")])
        let entries = [
            RosterEntry(
                week: week, date: week.monday, period: .morning, personID: personID, residentID: residentID,
                gridID: "C01-G01\r\nBEGIN:VTODO", kind: .visit, reason: "test")
        ]
        return RosterICSWriter(street: street).text(entries, week: week)
    }

    @Test func noValueStartsALine() {
        let text = Self.calendar()
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let begins = lines.filter { $0.hasPrefix("BEGIN:") }
        #expect(begins == ["BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "BEGIN:STANDARD", "BEGIN:VEVENT"])
        #expect(lines.filter { $0.hasPrefix("END:VCALENDAR") }.count == 1)
    }

    @Test func idsAreEscapedInEveryProperty() {
        // Unfold (CRLF + space) to see whole content lines.
        let unfolded = Self.calendar().replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        let attendee = lines.first { $0.hasPrefix("ATTENDEE") } ?? ""
        #expect(attendee.hasSuffix(":urn:wangge:person:P1%0D%0ABEGIN%3AVEVENT%3Bx%2Cy"))
        let uid = lines.first { $0.hasPrefix("UID:") } ?? ""
        #expect(uid.contains("P1\\nBEGIN:VEVENT\\;x\\,y"))
        #expect(uid.contains("R1\\nEND:VCALENDAR\\;"))
        let description = lines.first { $0.hasPrefix("DESCRIPTION:") } ?? ""
        #expect(description.contains("C01-G01\\nBEGIN:VTODO"))
    }

    @Test func uriComponentsKeepOnlyUnreservedCharacters() {
        #expect(ICSContentLine.uriComponent("C01-P_001.x~") == "C01-P_001.x~")
        #expect(ICSContentLine.uriComponent("a b:c;d,e\r\n") == "a%20b%3Ac%3Bd%2Ce%0D%0A")
        #expect(ICSContentLine.uriComponent("王") == "%E7%8E%8B")
    }
}
