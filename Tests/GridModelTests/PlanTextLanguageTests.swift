import GridModel
import Testing

/// Findings and warnings read in Chinese unless the command asks for English, where they keep the old wording that
/// planners' scripts and the end-to-end tests match.
@Suite struct PlanTextLanguageTests {
    /// Whether `text` holds a Chinese character.
    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// `text` without ids, rule ids and numbers: what is left must be no English word.
    static func englishWords(_ text: String) -> [String] {
        let ids = ["C02", "C01", "C01-G02", "grid.households_per_grid", "B1", "B2", "B3", "B4", "B9"]
        var rest = text
        for id in ids.sorted(by: { $0.count > $1.count }) { rest = rest.replacingOccurrences(of: id, with: " ") }
        return rest.split { !$0.isLetter || !$0.isASCII }.map(String.init).filter { $0.count > 1 }
    }

    static let finding = Finding(
        ruleID: "grid.households_per_grid", level: .hard,
        location: FindingLocation(communityID: "C01", gridID: "C01-G02"), amount: 3,
        message: "grid of 297 households")

    @Test func aFindingsFrameIsChineseByDefault() {
        let text = Self.finding.description
        #expect(text == "grid.households_per_grid（位置 C01-G02，社区 C01）：grid of 297 households（相差 3）")
        let english = Language.$current.withValue(.english) { Self.finding.description }
        #expect(english == "grid.households_per_grid at C01-G02 (community C01): grid of 297 households [by 3]")
    }

    @Test func aBarrierWarningIsChineseByDefaultAndTheOldWordingInEnglish() {
        let chinese = PlanWarning.cut("C02", into: [35, 64]).message
        #expect(Self.hasHan(chinese) && Self.englishWords(chinese).isEmpty, "\(chinese)")
        #expect(chinese == "社区 C02：障碍把它分成 2 块（35 栋楼、64 栋楼）；每块单独划分")
        let english = Language.$current.withValue(.english) { PlanWarning.cut("C02", into: [35, 64]).message }
        #expect(english == "community C02: barriers cut it into 2 pieces (35 buildings, 64 buildings); each is drawn on its own")
    }

    @Test func anIslandWarningKeepsItsOldEnglishWording() {
        func warnings() -> [String] {
            [
                PlanWarning.joined(piece: ["B9"], in: "C01", to: "B2", metres: 95.4).message,
                PlanWarning.joined(piece: ["B1", "B2", "B3", "B4"], in: "C01", to: "B9", metres: 95.4).message,
            ]
        }
        let chinese = warnings()
        #expect(chinese.allSatisfy { Self.hasHan($0) && Self.englishWords($0).isEmpty }, "\(chinese)")
        #expect(Language.$current.withValue(.english) { warnings() } == [
            "community C01: building B9 has no neighbour (island); joined to B2 95 m away",
            "community C01: a barrier or gap cuts off 4 buildings (B1, B2, B3, …); joined to B9 95 m away",
        ])
    }

    @Test func slotNamesAreChineseByDefault() {
        let slot = WeeklySlot(day: .monday, period: .morning)
        #expect(slot.day.spokenName + slot.period.spokenName == "周一上午")
        #expect(Language.$current.withValue(.english) { slot.day.spokenName } == "Mon")
        #expect(slot.description == "Mon-AM")
    }
}
