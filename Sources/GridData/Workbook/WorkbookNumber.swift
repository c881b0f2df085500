import GridModel

/// A numeric cell as a planner typed it: whole numbers without `.0`, dates from Excel's serial numbers, ids padded
/// to the zeros their format shows.
enum WorkbookNumber {
    static func text(_ raw: String, format: WorkbookCellFormat, uses1904Dates: Bool) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        switch format {
        case .date, .dateTime, .time:
            return dateText(serial: value, format: format, uses1904Dates: uses1904Dates) ?? wholeOrRaw(value, raw)
        case .zeroPadded(let width):
            let text = wholeOrRaw(value, raw)
            guard value >= 0, !text.contains("."), text.count < width else { return text }
            return String(repeating: "0", count: width - text.count) + text
        case .number:
            return wholeOrRaw(value, raw)
        }
    }

    /// `84` for 84.0 (and for Excel's 84.000000000000014 artefacts, which it shows as 84); the stored text otherwise.
    private static func wholeOrRaw(_ value: Double, _ raw: String) -> String {
        let rounded = value.rounded()
        guard abs(rounded) < 1e15 else { return raw }
        if rounded == value || abs(value - rounded) < 1e-9 * max(1, abs(value)) {
            return String(Int64(rounded))
        }
        return raw
    }

    /// ISO 8601 from a serial day number: `2026-11-23`, `2026-11-23T09:30` or `09:30`.
    private static func dateText(serial: Double, format: WorkbookCellFormat, uses1904Dates: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        var minutes = Int64((serial * 1_440).rounded())
        let days = minutes / 1_440
        minutes -= days * 1_440
        let time = format2(Int(minutes / 60)) + ":" + format2(Int(minutes % 60))
        if format == .time, days == 0 { return time }
        // Excel's 1900 system counts a 29 February 1900 that never was (serial 60), after which its days run one
        // ahead of the calendar.
        let base: CalendarDate?
        if uses1904Dates {
            base = CalendarDate(year: 1904, month: 1, day: 1)
        } else if days >= 61 {
            base = CalendarDate(year: 1899, month: 12, day: 30)
        } else if days >= 1 {
            base = CalendarDate(year: 1899, month: 12, day: 31)
        } else {
            base = nil
        }
        guard let base else { return nil }
        let date = base.adding(days: Int(days)).description
        return minutes == 0 || format == .date ? date : date + "T" + time
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
