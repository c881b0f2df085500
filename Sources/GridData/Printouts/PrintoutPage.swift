import GridModel

/// The frame every printout shares (sheets.html, roster.html, cards.html): a self-contained HTML page (no script,
/// no font or image fetched, so it prints the same offline), an A4 `@page`, print CSS, a viewport for phones, and
/// the labels printouts use, Chinese first.
enum PrintoutPage {
    /// The page up to and including `<body>`: `title` in the tab, the shared style and `style` after it.
    static func head(title: String, style: String, landscape: Bool = false) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        @page { size: A4\(landscape ? " landscape" : ""); margin: 12mm 12mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
          sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; padding: 8px; }
        h1, h2, h3 { margin: 0; line-height: 1.25; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 0.5pt solid #555; padding: 1.5pt 4pt; text-align: left; vertical-align: top; }
        th { background: #e8e8e8; font-weight: 600; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .en { color: #555; font-size: 0.85em; }
        .note { font-size: 8pt; color: #444; margin: 2mm 0 0; }
        @media screen and (max-width: 640px) {
          body { font-size: 11pt; padding: 4px; }
          .wide { display: block; overflow-x: auto; }
        }
        @media print { body { padding: 0; max-width: none; } }
        \(style)
        </style>
        </head>
        <body>

        """
    }

    /// The end of the page.
    static let tail = "</body>\n</html>\n"

    /// Text safe inside an element or an attribute.
    static func escape(_ text: String) -> String {
        text.escaped(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }

    /// `周一 Mon`.
    static func weekday(_ date: CalendarDate) -> String {
        let chinese = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][date.isoWeekday - 1]
        let english = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.isoWeekday - 1]
        return "\(chinese) \(english)"
    }

    /// `周一 Mon 2026-11-23`.
    static func dayLabel(_ date: CalendarDate) -> String { "\(weekday(date)) \(date)" }

    /// `2026-W48 (2026-11-23 – 2026-11-29)`.
    static func weekLabel(_ week: ISOWeek) -> String {
        "\(week) (\(week.monday) – \(week.monday.adding(days: 6)))"
    }

    /// `上午 AM`.
    static func periodName(_ period: WeeklySlot.Period) -> String {
        "\(["上午", "下午", "晚上"][period.rawValue]) \(period.code)"
    }

    /// `上午 AM 09:00–11:30`.
    static func slotLabel(_ period: WeeklySlot.Period, times: RosterSlotTimes) -> String {
        let span = times.times(of: period)
        return "\(periodName(period)) \(clock(span.start))–\(clock(span.end))"
    }

    /// `09:00`.
    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// A building, unit and (when given) floor as a visitor reads them: `C01-Q01-B001 1单元 17层`.
    static func address(_ resident: Resident, floor: Bool) -> String {
        var parts = [resident.buildingID.rawValue]
        if let unit = resident.unit, !unit.isEmpty { parts.append("\(unit)单元") }
        if floor, let level = resident.floor { parts.append("\(level)层") }
        return parts.joined(separator: " ")
    }
}
