import GridModel
import Testing

@Suite struct ISOWeekTests {
    @Test(arguments: [
        ("2026-11-26", "2026-W48"), ("2021-01-03", "2020-W53"), ("2024-12-30", "2025-W01"),
        ("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53"),
    ])
    func weekContainingDate(date: String, week: String) throws {
        let day = try #require(CalendarDate(parsing: date))
        #expect(ISOWeek(containing: day).description == week)
    }

    @Test func weekBoundsFollowLongYears() {
        #expect(ISOWeek(parsing: "2026-W53") != nil)
        #expect(ISOWeek(parsing: "2025-W53") == nil)
        #expect(ISOWeek(parsing: "2026-W54") == nil)
        #expect(ISOWeek(parsing: "2026-W00") == nil)
    }

    @Test func thursdayDecidesTheMonth() throws {
        // 2026-W48 runs Mon 23 Nov to Sun 29 Nov; W49 starts Mon 30 Nov but its Thursday is 3 Dec.
        let week49 = try #require(ISOWeek(parsing: "2026-W49"))
        #expect(week49.monday.description == "2026-11-30")
        #expect(week49.thursday.month == 12)
    }

    @Test func dateArithmeticRoundTrips() throws {
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CalendarDate(daysSinceEpoch: offset)
            #expect(date.daysSinceEpoch == offset)
            #expect(CalendarDate(parsing: date.description) == date || date.year < 1000)
        }
        #expect(CalendarDate(parsing: "2026-02-29") == nil)
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(try #require(CalendarDate(parsing: "2026-11-23")).isoWeekday == 1)
    }
}
