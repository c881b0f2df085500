import Foundation
import GridModel

/// The clock times of the three half-day slots (`visits.slot_times`), as visit sheets and calendars print them.
///
/// The roster plans in slots (`Mon-AM`); only what people read needs the hours, and those differ between
/// jurisdictions (a summer timetable starts the afternoon at 14:30), so they are a rule rather than a constant.
public struct SlotTimes: Hashable, Sendable {
    /// Start and end of a slot in minutes after midnight.
    public struct Span: Hashable, Sendable {
        /// Minutes after midnight the slot starts.
        public var start: Int
        /// Minutes after midnight the slot ends (after `start`).
        public var end: Int
    }

    /// Each period's span.
    public var spans: [WeeklySlot.Period: Span]
    /// The IANA time zone the times are in.
    public var timeZone: String
    /// The zone's fixed offset from UTC in minutes (China keeps no daylight saving time).
    public var utcOffsetMinutes: Int
    /// The rule.
    public var ruleID: RuleID

    /// The span of `period`.
    public func span(of period: WeeklySlot.Period) -> Span {
        spans[period] ?? Self.standardSpans[period] ?? Span(start: 0, end: 0)
    }

    /// AM 09:00–11:30, PM 14:00–17:00, EVE 19:00–20:30: the engine's defaults for a rules folder without the rule.
    static let standardSpans: [WeeklySlot.Period: Span] = [
        .morning: Span(start: 9 * 60, end: 11 * 60 + 30), .afternoon: Span(start: 14 * 60, end: 17 * 60),
        .evening: Span(start: 19 * 60, end: 20 * 60 + 30),
    ]

    /// `visits.slot_times`, or the defaults (Asia/Shanghai, UTC+8) when a rules folder predates the rule.
    static func read(_ index: RuleIndex) -> SlotTimes? {
        guard index.byType[.slotTimes] != nil, let rule = index.one(.slotTimes) else {
            return SlotTimes(
                spans: standardSpans, timeZone: "Asia/Shanghai", utcOffsetMinutes: 8 * 60,
                ruleID: RuleID("visits.slot_times"))
        }
        let codes = WeeklySlot.Period.allCases.map(\.code)
        guard let map = index.parameters(rule, codes + ["time_zone", "utc_offset"]),
            let zone = map.text("time_zone"), let offsetText = map.text("utc_offset")
        else { return nil }
        guard let offset = offsetMinutes(offsetText.value) else {
            index.context.report(
                .wrongType, at: offsetText.location,
                Message.text("rules.slots.utc_offset", ["rule": rule.id.rawValue, "value": offsetText.value]))
            return nil
        }
        var spans: [WeeklySlot.Period: Span] = [:]
        for period in WeeklySlot.Period.allCases {
            guard let text = map.text(period.code) else { return nil }
            guard let span = span(text.value) else {
                index.context.report(
                    .wrongType, at: text.location,
                    Message.text(
                        "rules.slots.time_span",
                        ["rule": rule.id.rawValue, "period": period.code, "value": text.value]))
                return nil
            }
            spans[period] = span
        }
        return SlotTimes(spans: spans, timeZone: zone.value, utcOffsetMinutes: offset, ruleID: rule.id)
    }

    /// `09:00-11:30` (a hyphen or an en dash) as minutes after midnight; nil unless start < end ≤ 24:00.
    static func span(_ text: String) -> Span? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2, let start = clock(parts[0]), let end = clock(parts[1]), start < end else { return nil }
        return Span(start: start, end: end)
    }

    /// `+08:00` as minutes east of UTC.
    static func offsetMinutes(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-", let minutes = clock(String(text.dropFirst())) else {
            return nil
        }
        return sign == "-" ? -minutes : minutes
    }

    /// `09:00` as minutes after midnight (up to 24:00).
    private static func clock(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...59).contains(minutes),
            hours * 60 + minutes <= 24 * 60, hours >= 0
        else { return nil }
        return hours * 60 + minutes
    }
}
