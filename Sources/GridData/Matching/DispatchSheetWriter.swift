import Foundation
import GridModel

/// Writes the dispatch sheets (sheets.html, 派单任务单): one A4 sheet per volunteer, handed to them, listing the
/// services they are dispatched to or have accepted, by start time, with the address that finds the door, the
/// resident's masked name (王**), the service, a box to tick and a line to sign.
///
/// The sheet leaves the office, so it shows no category, no reason, no rule id and no note (a note may say why the
/// resident asked), and a service the catalogue marks sensitive (psychological support reveals a mental-health
/// need) is shown only as a home service, without its name or id. A service with no label is treated as sensitive:
/// a printout never names what it cannot vouch for. Sheets run by person id; each starts a new page.
public struct DispatchSheetWriter: Sendable {
    /// People and residents, for names and addresses.
    public let street: Street
    /// The requests, for addresses and services.
    public let requests: [ServiceRequest]
    /// Each service's names and whether it is sensitive (from the rules' catalogue).
    public let labels: [Service: ServiceLabel]

    /// A writer for dispatches of `requests` on `street`, naming services by `labels`.
    public init(street: Street, requests: [ServiceRequest], labels: [ServiceLabel]) {
        self.street = street
        self.requests = requests
        self.labels = Dictionary(labels.map { ($0.service, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The states a sheet lists: the work still to do.
    static let listedStates: Set<RequestState> = [.dispatched, .accepted]

    /// The page text: a sheet per volunteer with a rank-1 row still to serve.
    /// - Complexity: O(n log n) in the rows.
    public func text(_ rows: [MatchRow], week: ISOWeek) -> String {
        let requestByID = Dictionary(requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let names = StreetNames(street: street, gridOfBuilding: [:])
        var rowsOfPerson: [PersonID: [MatchRow]] = [:]
        for row in rows where row.isDispatched && Self.listedStates.contains(row.state) {
            rowsOfPerson[row.personID, default: []].append(row)
        }
        var html = PrintoutPage.head(title: "派单任务单 Dispatch sheets \(week)", style: Self.style)
        if rowsOfPerson.isEmpty {
            html += "<section class=\"sheet\"><h1>派单任务单 <span class=\"en\">Dispatch sheet</span></h1>\n"
            html += "<p>\(PrintoutPage.escape(PrintoutPage.weekLabel(week)))：本周无派单 No dispatches this week.</p>"
            html += "</section>\n"
        }
        for person in rowsOfPerson.keys.sorted() {
            let own = (rowsOfPerson[person] ?? []).sorted { ($0.start, $0.requestID) < ($1.start, $1.requestID) }
            html += sheet(person: person, rows: own, week: week, names: names, requestByID: requestByID)
        }
        return html + PrintoutPage.tail
    }

    /// Writes sheets.html at `url` (mode 0600: it holds residents' addresses).
    public func write(_ rows: [MatchRow], week: ISOWeek, to url: URL) throws(OutputError) {
        try OwnerOnlyFile.write(text(rows, week: week), to: url)
    }

    /// What the sheet calls a service: its names, or a plain "home service" when it is sensitive or unlabelled.
    func serviceText(_ service: Service?) -> String {
        guard let service, let label = labels[service], !label.sensitive else {
            return "上门服务 <span class=\"en\">Home service</span>"
        }
        return
            "\(PrintoutPage.escape(label.nameChinese)) <span class=\"en\">\(PrintoutPage.escape(label.nameEnglish))</span>"
    }

    private func sheet(
        person: PersonID, rows: [MatchRow], week: ISOWeek, names: StreetNames,
        requestByID: [RequestID: ServiceRequest]
    ) -> String {
        let escape = PrintoutPage.escape
        let tasks = rows.map { row -> TaskSheet.Row in
            let request = requestByID[row.requestID]
            var address = ""
            var resident = "—"
            switch request?.requester {
            case .resident(let id):
                resident = escape(names.maskedName(of: id))
                address = names.residents[id].map { PrintoutPage.address($0, floor: true) } ?? ""
            case .building(let building):
                resident = "住户 <span class=\"en\">Resident</span>"
                address = building.rawValue
            case nil:
                resident = escape(resident)
            }
            let end = row.start.minuteOfDay + row.minutes
            let time = "\(PrintoutPage.clock(row.start.minuteOfDay))–\(PrintoutPage.clock(min(end, 1_439)))"
            return TaskSheet.Row(
                date: row.start.date,
                cells: [
                    escape(time), serviceText(request?.service), escape(address), resident,
                    escape(row.requestID.rawValue), TaskSheet.box, "",
                ])
        }
        return TaskSheet(
            title: "派单任务单 <span class=\"en\">Dispatch sheet</span>", person: person, name: names.name(of: person),
            week: week, lines: ["<p class=\"count\">服务 \(rows.count) 次 <span class=\"en\">services</span></p>\n"],
            headings: [
                "日期 <span class=\"en\">Day</span>", "时间 <span class=\"en\">Time</span>",
                "服务 <span class=\"en\">Service</span>", "地址 <span class=\"en\">Building · unit · floor</span>",
                "居民 <span class=\"en\">Resident</span>", "单号 <span class=\"en\">Request</span>",
                "完成 <span class=\"en\">Done</span>", "备注 <span class=\"en\">Notes</span>",
            ],
            rows: tasks,
            signatures: [
                "服务人签名 <span class=\"en\">Volunteer's signature</span>",
                "居民确认 <span class=\"en\">Confirmed by resident</span>",
                "社区核对 <span class=\"en\">Checked by community</span>",
            ],
            note: "服务完成后在方框内打勾 ✓ 并请居民确认；无法前往请尽快告知社区。居民姓名已隐去，本单请勿拍照转发。"
                + "<span class=\"en\">Tick the box after each service and ask the resident to confirm; if you cannot "
                + "go, tell the community at once. Residents' names are masked; do not photograph or forward this "
                + "sheet.</span>"
        ).html
    }

    static let style = TaskSheet.style(noWrap: [2, 4])
}
