import GridModel

/// Weekly half-day slots by the kind of week a person has.
enum SlotPools {
    /// Monday–Friday mornings and afternoons: office hours.
    static let weekdayDaytime: [WeeklySlot] = WeeklySlot.Day.allCases.prefix(5).flatMap { day in
        [WeeklySlot(day: day, period: .morning), WeeklySlot(day: day, period: .afternoon)]
    }
    /// Weekday evenings and weekend days: when people in work can serve.
    static let afterWork: [WeeklySlot] =
        WeeklySlot.Day.allCases.prefix(5).map { WeeklySlot(day: $0, period: .evening) }
        + [WeeklySlot.Day.saturday, .sunday].flatMap { day in
            [WeeklySlot(day: day, period: .morning), WeeklySlot(day: day, period: .afternoon)]
        }
    /// Every slot of the week.
    static let all: [WeeklySlot] = WeeklySlot.Day.allCases.flatMap { day in
        WeeklySlot.Period.allCases.map { WeeklySlot(day: day, period: $0) }
    }

    /// `count` distinct slots of `pool`, in week order.
    static func draw(_ count: Int, from pool: [WeeklySlot], using random: inout SeededGenerator) -> [WeeklySlot] {
        random.sample(count, of: pool.count).map { pool[$0] }.sorted()
    }
}
