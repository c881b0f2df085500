import Foundation
import GridModel

/// Writes the notice cards (cards.html, 网格公示牌): one A4 page per grid, to post in the grid, with the grid's name
/// and code, a small map of its buildings, the people who serve it by post, and the hotline.
///
/// Privacy: a card goes on a wall. It names post holders (public service posts) and prints a phone only for the
/// posts the rules allow (`staffing.public_contacts`); it shows no resident and no rule id.
public struct NoticeCardWriter: Sendable {
    /// People (names, phones), buildings (map), communities and departments (names).
    public let street: Street
    /// Posts whose holders' phones are printed.
    public let phonesOf: Set<NoticeCard.Post>
    /// The hotline printed on every card.
    public let hotline: String

    /// A writer for cards of `street`.
    public init(street: Street, phonesOf: Set<NoticeCard.Post>, hotline: String) {
        self.street = street
        self.phonesOf = phonesOf
        self.hotline = hotline
    }

    /// The page text, cards in grid order.
    /// - Complexity: O(cards × buildings).
    public func text(_ cards: [NoticeCard]) -> String {
        var gridOfBuilding: [BuildingID: GridID] = [:]
        for card in cards { for building in card.buildings { gridOfBuilding[building] = card.gridID } }
        let names = StreetNames(street: street, gridOfBuilding: gridOfBuilding)
        let map = NoticeCardMap(street: street, gridOfBuilding: gridOfBuilding)
        var html = PrintoutPage.head(title: "网格公示牌 Grid notice cards", style: Self.style)
        if cards.isEmpty { html += "<p>没有网格 <span class=\"en\">No grids.</span></p>\n" }
        for card in cards.sorted(by: { $0.gridID < $1.gridID }) {
            html += self.card(card, names: names, map: map)
        }
        return html + PrintoutPage.tail
    }

    private func card(_ card: NoticeCard, names: StreetNames, map: NoticeCardMap) -> String {
        let escape = PrintoutPage.escape
        let name = names.gridName(card.gridID)
        let community = names.communityNames[card.communityID] ?? card.communityID.rawValue
        var html = "<section class=\"card\">\n<header>\n"
        html += "<p class=\"kind\">网格公示牌 <span class=\"en\">Grid notice card</span></p>\n"
        html += "<h1>\(escape(name.chinese))</h1>\n"
        html += "<p class=\"sub\"><span class=\"en\">\(escape(name.english))</span> · 编号 <span class=\"en\">Code</span> "
        html += "<b>\(escape(card.gridID.rawValue))</b> · \(escape(community)) · \(card.buildings.count) 栋 "
        html += "<span class=\"en\">buildings</span>"
        if card.households > 0 { html += " · \(card.households) 户 <span class=\"en\">households</span>" }
        html += "</p>\n</header>\n"
        html += "<div class=\"map\">\(map.svg(of: card.gridID, buildings: card.buildings))</div>\n"
        html += "<table>\n<thead><tr><th>职务 <span class=\"en\">Post</span></th><th>姓名 <span class=\"en\">Name</span>"
        html += "</th><th>负责 <span class=\"en\">Serves</span></th><th>电话 <span class=\"en\">Phone</span></th></tr>"
        html += "</thead>\n<tbody>\n"
        let holders = card.holders.sorted { lhs, rhs in
            if lhs.post != rhs.post { return lhs.post < rhs.post }
            let a = lhs.buildingID?.rawValue ?? lhs.microGridID?.rawValue ?? ""
            let b = rhs.buildingID?.rawValue ?? rhs.microGridID?.rawValue ?? ""
            return a != b ? a < b : lhs.personID < rhs.personID
        }
        var previous: NoticeCard.Post?
        for holder in holders {
            let label = holder.post.label
            let startsPost = holder.post != previous
            let postCell = startsPost ? "\(label.chinese) <span class=\"en\">\(label.english)</span>" : ""
            previous = holder.post
            var serves = ""
            if let building = holder.buildingID {
                serves = "楼栋 " + building.rawValue
            } else if let micro = holder.microGridID {
                serves = GridName(microGrid: micro, communityName: names.communityNames[card.communityID]).chinese
                if let prefix = serves.range(of: name.chinese) { serves.removeSubrange(prefix) }
            } else if let department = holder.departmentID {
                serves = names.departmentNames[department] ?? department.rawValue
            }
            var phone = ""
            if phonesOf.contains(holder.post), let number = names.people[holder.personID]?.phone { phone = number }
            html += startsPost ? "<tr class=\"post\">" : "<tr>"
            html += "<td>\(postCell)</td><td>\(escape(names.name(of: holder.personID)))</td><td>\(escape(serves))</td>"
            html += "<td class=\"phone\">\(escape(phone))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<footer><span>服务热线 <span class=\"en\">Hotline</span> <b>\(escape(hotline))</b></span>"
        html += "<span>有事找网格 · 网格员为您服务 <span class=\"en\">Your grid team is here to help</span></span></footer>\n"
        html += "</section>\n"
        return html
    }

    static let style = """
        .card { break-after: page; page-break-after: always; }
        .card:last-child { break-after: auto; page-break-after: auto; }
        header { border-bottom: 2pt solid #b71c1c; padding-bottom: 2mm; margin-bottom: 3mm; }
        .kind { margin: 0; color: #b71c1c; font-weight: 700; letter-spacing: 0.2em; }
        h1 { font-size: 24pt; margin: 1mm 0; }
        .sub { margin: 0; }
        .map { text-align: center; margin: 0 0 3mm; }
        .map svg { width: 120mm; height: auto; max-width: 100%; border: 0.5pt solid #999; }
        td { padding: 1.5pt 4pt; }
        tr.post td { border-top: 1.2pt solid #111; }
        td.phone { white-space: nowrap; font-variant-numeric: tabular-nums; }
        footer { display: flex; justify-content: space-between; align-items: baseline; margin-top: 4mm;
          border-top: 2pt solid #b71c1c; padding-top: 2mm; }
        footer b { font-size: 20pt; color: #b71c1c; }
        """
}
