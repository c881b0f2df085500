import Benchmark
import GridModel

let benchmarks: @Sendable () -> Void = {
    Benchmark("ISO week of 10k dates") { benchmark in
        for offset in 0..<10_000 {
            blackHole(ISOWeek(containing: CalendarDate(daysSinceEpoch: 20_000 + offset)))
        }
    }
}
