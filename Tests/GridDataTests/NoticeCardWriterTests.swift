import Foundation
import GridData
import GridModel
import Testing

/// cards.html: a card per grid, phones only for the posts the rules allow, the hotline, a map, no rule id.
@Suite struct NoticeCardWriterTests {
    static let street = Street(
        communities: [Community(id: "C01", name: "幸福社区")],
        buildings: [
            Building(id: "C01-Q01-B001", communityID: "C01", households: 120, position: PlanarPoint(x: 0, y: 0)),
            Building(id: "C01-Q01-B002", communityID: "C01", households: 80, position: PlanarPoint(x: 60, y: 10)),
            Building(id: "C01-Q01-B003", communityID: "C01", households: 60, position: PlanarPoint(x: 30, y: 70)),
            Building(id: "C01-Q02-B001", communityID: "C01", households: 90, position: PlanarPoint(x: 90, y: 90)),
        ],
        departments: [Department(id: "D01", name: "区委组织部")],
        people: [
            Person(id: "P1", name: "张三", roles: [.communityWorker], phone: "13800000001"),
            Person(id: "P2", name: "李四", roles: [.gridWorker], phone: "13800000002"),
            Person(id: "P3", name: "王五", roles: [.partyMemberRetired], phone: "13800000003"),
            Person(id: "P4", name: "赵<i>六</i>", roles: [.partyMemberRetired], phone: "13800000004"),
            Person(id: "P5", name: "钱七", roles: [.sunkCadre], departmentID: "D01", phone: "13800000005"),
        ])

    static let cards = [
        NoticeCard(
            gridID: "C01-G01", communityID: "C01", buildings: ["C01-Q01-B001", "C01-Q01-B002", "C01-Q01-B003"],
            households: 260,
            holders: [
                NoticeCard.Holder(post: .sunkCadre, personID: "P5", departmentID: "D01"),
                NoticeCard.Holder(
                    post: .buildingLeader, personID: "P4", microGridID: "C01-G01-M01", buildingID: "C01-Q01-B002"),
                NoticeCard.Holder(post: .microGridLeader, personID: "P3", microGridID: "C01-G01-M02"),
                NoticeCard.Holder(post: .gridWorker, personID: "P2"),
                NoticeCard.Holder(post: .gridLeader, personID: "P1"),
            ]),
        NoticeCard(gridID: "C01-S01", communityID: "C01", buildings: ["C01-Q02-B001"], households: 0, holders: []),
    ]

    @Test func aCardPerGridWithNamesPostsAndOnlyTheAllowedPhones() {
        let writer = NoticeCardWriter(street: Self.street, phonesOf: [.gridLeader, .gridWorker], hotline: "12345")
        let html = writer.text(Self.cards)
        let cards = html.components(separatedBy: "<section class=\"card\">").dropFirst()
        #expect(cards.count == 2)
        #expect(html.contains("@page { size: A4") && html.contains("<meta name=\"viewport\""))
        let first = cards.first ?? ""
        #expect(first.contains("<h1>幸福社区第1网格</h1>"))
        #expect(first.contains("C01-G01"))
        #expect(cards.last?.contains("<h1>幸福社区第1专属网格</h1>") == true)
        for name in ["张三", "李四", "王五", "钱七", "赵&lt;i&gt;六&lt;/i&gt;"] { #expect(first.contains(name), "\(name)") }
        #expect(!html.contains("<i>"))
        #expect(first.contains("13800000001") && first.contains("13800000002"))
        for phone in ["13800000003", "13800000004", "13800000005"] { #expect(!html.contains(phone), "\(phone)") }
        #expect(first.contains("第2微网格"))
        #expect(first.contains("区委组织部"))
        #expect(first.contains("楼栋 C01-Q01-B002"))
        // The map: the grid's three buildings as dots in an outline, the other building grey.
        #expect(first.contains("<svg") && first.contains("<polygon"))
        #expect(first.components(separatedBy: "fill=\"#b71c1c\"/>").count - 1 == 3)
        #expect(first.contains("北 N"))
        #expect(html.components(separatedBy: "服务热线").count - 1 == 2)
        #expect(html.contains("<b>12345</b>"))
        let order = ["网格长", "专职网格员", "微网格长", "楼栋长", "下沉干部"].map { first.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { ($0.0 ?? first.startIndex) < ($0.1 ?? first.startIndex) })
    }

    @Test func phonesFollowTheRuleAndTheHotlineIsTheRules() {
        let writer = NoticeCardWriter(
            street: Self.street, phonesOf: Set(NoticeCard.Post.allCases), hotline: "0731-12345")
        let html = writer.text(Self.cards)
        for phone in ["13800000001", "13800000003", "13800000004", "13800000005"] { #expect(html.contains(phone)) }
        #expect(html.contains("<b>0731-12345</b>"))
        #expect(writer.text(Self.cards) == html)
    }
}
