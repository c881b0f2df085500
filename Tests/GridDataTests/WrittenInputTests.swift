import Foundation
import GridModel
import Testing

@testable import GridData

/// Numbers and dates as planners type them: every accepted form, every refused one, and the file, line and column
/// of a refusal.
@Suite(.inEnglish) struct WrittenInputTests {
    @Test(arguments: [
        ("1,200", 1200), ("1，200", 1200), ("１２０", 120), ("84.0", 84), ("84.00", 84), ("+5", 5), ("-3", -3),
        ("1,234,567", 1_234_567), ("１，２００", 1200), ("８４．０", 84), ("0", 0),
    ])
    func wholeNumbersAreRead(text: String, value: Int) {
        #expect(WrittenNumber.whole(text) == .value(value))
    }

    @Test(arguments: [
        ("84.5", WrittenNumber.Whole.fractional(84.5)), ("1,2", .badGrouping), ("12,00", .badGrouping),
        ("0,118", .badGrouping), ("1,2000", .badGrouping), ("1,200,00", .badGrouping), ("abc", .notANumber),
        ("1.2.3", .notANumber), ("", .notANumber), ("84.", .notANumber), (",120", .badGrouping),
        ("1234567890123456789", .tooLong),
    ])
    func wholeNumbersAreRefused(text: String, outcome: WrittenNumber.Whole) {
        #expect(WrittenNumber.whole(text) == outcome)
    }

    @Test func decimalsAcceptGroupingAndFullWidthDigits() {
        #expect(WrittenNumber.decimal("1,406.6") == 1406.6)
        #expect(WrittenNumber.decimal("１２．５") == 12.5)
        #expect(WrittenNumber.decimal("－３") == -3)
        #expect(WrittenNumber.decimal("1.5e2") == 150)
        #expect(WrittenNumber.decimal("1,2.5") == nil)
        #expect(WrittenNumber.decimal("12,00") == nil)
        #expect(WrittenNumber.decimal("x1") == nil)
    }

    @Test(arguments: [
        "2026-11-23", "2026/11/23", "2026.11.23", "2026年11月23日", "２０２６／１１／２３", "２０２６年１１月２３日",
    ])
    func datesAreRead(text: String) {
        #expect(WrittenDate.date(text) == CalendarDate(year: 2026, month: 11, day: 23))
    }

    @Test func shortMonthsAndDaysAreRead() {
        #expect(WrittenDate.date("2026/1/5") == CalendarDate(year: 2026, month: 1, day: 5))
        #expect(WrittenDate.date("2026-1-5") == CalendarDate(year: 2026, month: 1, day: 5))
        #expect(WrittenDate.date("2026年1月5日") == CalendarDate(year: 2026, month: 1, day: 5))
    }

    @Test(arguments: [
        "2026/2/30", "11/23/2026", "23.11.2026", "2026/11", "2026年11月23", "20261123", "2026/11/23/1", "2026-W48",
        "26/11/23", "2026/011/23", "2026-11/23",
    ])
    func datesAreRefused(text: String) {
        #expect(WrittenDate.date(text) == nil)
    }

    @Test func dateTimesTakeASpaceOrT() {
        let expected = LocalDateTime(date: CalendarDate(year: 2026, month: 11, day: 23)!, minuteOfDay: 9 * 60)
        #expect(WrittenDate.dateTime("2026-11-23T09:00") == expected)
        #expect(WrittenDate.dateTime("2026/11/23 09:00") == expected)
        #expect(WrittenDate.dateTime("2026/11/23 9:00") == expected)
        #expect(WrittenDate.dateTime("2026年11月23日 09：00") == expected)
        #expect(WrittenDate.dateTime("2026/11/23 25:00") == nil)
    }

    @Test func weeksAreGivenAsAWeekOrADateInIt() {
        let week48 = ISOWeek(year: 2026, week: 48)
        #expect(WrittenDate.week("2026-W48") == week48)
        #expect(WrittenDate.week("2026-11-23") == week48)  // Monday
        #expect(WrittenDate.week("2026/11/29") == week48)  // Sunday
        #expect(WrittenDate.week("2026/11/30") == ISOWeek(year: 2026, week: 49))
        #expect(WrittenDate.week("2027/1/1") == ISOWeek(year: 2026, week: 53))
        #expect(WrittenDate.week("2026-W54") == nil)
        #expect(WrittenDate.week("next week") == nil)
    }

    @Test func streetFilesReadTheWrittenForms() throws {
        let buildings = "building_id,community_id,households,x,y,floors\n"
            + "B1,C1,\"1,200\",\"1,406.5\",0,１８\n"
            + "B2,C1,８４,0,１２．５,6.0\n"
            + "B3,C1,84.0,10,10,\n"
        let visits = "date,person_id,resident_id,outcome\n2026/11/23,P1,R1,done\n2026年11月24日,P1,R1,missed\n"
        let folder = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array(buildings.utf8), "visits.csv": Array(visits.utf8),
            "people.csv": Array("person_id,roles\nP1,volunteer\n".utf8),
            "residents.csv": Array("resident_id,building_id,categories\nR1,B1,ordinary\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let street = try StreetLoader(directory: folder).load()
        #expect(street.buildings.map(\.households) == [1200, 84, 84])
        #expect(street.buildings.map(\.floors) == [18, 6, nil])
        #expect(street.buildings[0].position.x == 1406.5)
        #expect(street.buildings[1].position.y == 12.5)
        #expect(street.visits.map(\.date.description) == ["2026-11-23", "2026-11-24"])
    }

    @Test func refusedFormsNameFileLineAndColumn() throws {
        let buildings = "building_id,community_id,households,x,y\n"
            + "B1,C1,84.5,0,0\n"
            + "B2,C1,\"12,00\",0,0\n"
            + "B3,C1,1,2,0,0\n"
        let visits = "date,person_id,resident_id,outcome\n11/23/2026,P1,R1,done\n"
        let folder = try FixtureFolders.temporaryStreet([
            "buildings.csv": Array(buildings.utf8), "visits.csv": Array(visits.utf8),
            "people.csv": Array("person_id,roles\nP1,volunteer\n".utf8),
            "residents.csv": Array("resident_id,building_id,categories\nR1,B1,ordinary\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: GridDataError.self) { try StreetLoader(directory: folder).load() }
        let found = error.issues.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" }
        #expect(found == ["buildings.csv:2:3", "buildings.csv:3:3", "buildings.csv:4:6", "visits.csv:2:1"])
        #expect(error.issues[0].problem == "households is not a whole number")
        #expect(error.issues[0].value == "84.5")
        #expect(error.issues[1].problem.contains("comma that does not separate thousands"))
        #expect(error.issues[2].problem.contains("too many fields"))
        #expect(error.issues[3].problem == "not a valid date")
        #expect(error.issues[3].expected?.contains("2026/11/23") == true)
    }
}
