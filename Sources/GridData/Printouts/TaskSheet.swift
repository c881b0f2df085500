import GridModel

/// The frame of a task sheet handed to one person for the week (走访任务单, 派单任务单): a header with their name,
/// id and week, a table with a row per task grouped by day, signature boxes and a note on how to fill it in.
///
/// Both sheets leave the office on paper, so the frame is one: the same header, the same day grouping and tick box,
/// the same print style; each writer supplies only its title, lines, columns and cells.
struct TaskSheet {
    /// One row: the task's date (a new day starts a new group and prints the day) and its cells after the day.
    struct Row {
        var date: CalendarDate
        /// Already escaped HTML, one per column after the day.
        var cells: [String]
    }

    /// `走访任务单 <span class="en">Weekly visit sheet</span>`.
    var title: String
    var person: PersonID
    var name: String
    var week: ISOWeek
    /// Header lines after the name (`<p class="count">…</p>`), already HTML.
    var lines: [String]
    /// Column headings, the day's first, bilingual HTML.
    var headings: [String]
    var rows: [Row]
    /// The signature boxes, bilingual HTML.
    var signatures: [String]
    /// How to fill the sheet in, bilingual HTML.
    var note: String

    /// The sheet's `<section>`.
    var html: String {
        let escape = PrintoutPage.escape
        var html = "<section class=\"sheet\">\n<header>\n"
        html += "<h1>\(title)</h1>\n"
        html += "<p class=\"who\"><b>\(escape(name))</b> <span class=\"en\">\(escape(person.rawValue))"
        html += "</span> · \(escape(PrintoutPage.weekLabel(week)))</p>\n"
        html += lines.joined()
        html += "</header>\n<table class=\"wide\">\n<thead><tr>"
        html += headings.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        var previousDate: CalendarDate?
        for row in rows {
            let firstOfDay = row.date != previousDate
            previousDate = row.date
            let day = firstOfDay ? "\(PrintoutPage.weekday(row.date)) \(row.date.description.suffix(5))" : ""
            let cells = [escape(day)] + row.cells
            html += "<tr\(firstOfDay ? " class=\"day\"" : "")>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<div class=\"sign\">" + signatures.map { "<span>\($0)</span>" }.joined() + "</div>\n"
        html += "<p class=\"note\">\(note)</p>\n</section>\n"
        return html
    }

    /// The tick box of a task's "done" cell.
    static let box = "<span class=\"box\"></span>"

    /// The print style of both sheets; `noWrap` lists the columns (1-based) kept on one line besides the day.
    static func style(noWrap: [Int]) -> String {
        let columns = noWrap.map { "td:nth-child(\($0))" }.joined(separator: ", ")
        return """
            .sheet { break-after: page; page-break-after: always; }
            .sheet:last-child { break-after: auto; page-break-after: auto; }
            header { border-bottom: 1.5pt solid #111; margin-bottom: 2mm; padding-bottom: 1mm; }
            h1 { font-size: 15pt; }
            header p { margin: 1mm 0 0; }
            .who b { font-size: 13pt; }
            td { height: 7.5mm; }
            tr.day td { border-top: 1.2pt solid #111; }
            td:nth-child(1) { white-space: nowrap; font-weight: 600; }
            \(columns) { white-space: nowrap; }
            td:nth-child(7) { text-align: center; width: 12mm; }
            td:nth-child(8) { width: 30mm; }
            .box { display: inline-block; width: 4mm; height: 4mm; border: 1pt solid #111; }
            .sign { display: flex; gap: 6mm; margin-top: 6mm; }
            .sign > span { flex: 1; border-bottom: 0.8pt solid #111; padding-bottom: 7mm; }
            """
    }
}
