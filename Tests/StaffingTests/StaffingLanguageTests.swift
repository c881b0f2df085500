import Foundation
import GridModel
import GridRules
import PlanningTestFixtures
@testable import Staffing
import Testing

/// Reasons, shortfalls and errors are Chinese by default and keep their old English wording under `--lang en`
/// (planners' scripts and the end-to-end suites match it).
@Suite struct StaffingLanguageTests {
    private static func plans() throws -> (chinese: StaffingPlan, english: StaffingPlan) {
        let (street, plan) = try StaffingFixtures.generated(seed: 45, households: 3000)
        let input = StaffingInput(street: street, plan: plan, referenceYear: StaffingFixtures.year)
        let planner = StaffingPlanner(ruleSet: try StaffingFixtures.rules())
        let chinese = try planner.plan(input)
        let english = try Language.$current.withValue(.english) { try planner.plan(input) }
        return (chinese, english)
    }

    private static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// English words left in a Chinese text once ids (C01-G02, P000123, D07), rule ids and the file and column names
    /// the messages cite are taken out.
    private static func englishWords(_ text: String) -> [String] {
        let withoutIDs = text.replacingOccurrences(
            of: #"\[[^\]]*\]|[A-Za-z0-9_]+\.(csv|[a-z_]+)|\b[A-Z]+[0-9][A-Z0-9-]*\b|\bhours_per_week\b|\bcommunity_id\b"#,
            with: " ", options: .regularExpression)
        return withoutIDs.split { !$0.isLetter || !$0.isASCII }.map(String.init).filter { $0.count > 1 }
    }

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func reasonsAndShortfallsAreChineseByDefaultAndTheOldEnglishUnderEnglish() throws {
        let (chinese, english) = try Self.plans()
        // The language changes the words, never the plan.
        #expect(chinese.leaders.map(\.personID) == english.leaders.map(\.personID))
        #expect(chinese.cadrePosts.map(\.personID) == english.cadrePosts.map(\.personID))
        #expect(chinese.shortfalls.count == english.shortfalls.count)

        let cadre = try #require(english.cadrePosts.first)
        let cadreIndex = try #require(chinese.cadrePosts.firstIndex { $0.personID == cadre.personID })
        let cadreChinese = chinese.cadrePosts[cadreIndex].reason
        let number = #"[0-9]+(\.[0-9]+)?"#
        #expect(
            Self.matches(
                cadre.reason,
                #"^sunk-down cadre of [A-Z0-9]+; "# + number + #" h/week for [0-9]+ cared-for residents; "# + number
                    + " of " + number + #" h used(; [a-z ]+)* \[staffing\.cadre_posts, "#),
            "\(cadre.reason)")
        #expect(Self.matches(cadreChinese, #"^部门 [A-Z0-9]+ 的下沉干部；每周 "# + number + " 小时"), "\(cadreChinese)")
        #expect(Self.englishWords(cadreChinese).isEmpty, "\(cadreChinese)")
        #expect(cadreChinese.hasSuffix(String(cadre.reason.drop { $0 != "[" })), "the rule ids stay as they are")

        let leader = try #require(english.leaders.first { $0.role == .gridLeader })
        let leaderChinese = try #require(chinese.leaders.first { $0.role == .gridLeader }).reason
        #expect(Self.matches(leader.reason, #"^(community_worker|grid_worker)(/grid_worker)?(; [a-z ]+)* \[staffing\."#))
        #expect(Self.hasHan(leaderChinese) && Self.englishWords(leaderChinese).isEmpty, "\(leaderChinese)")

        let building = try #require(english.shortfalls.first { $0.location.buildingID != nil })
        let buildingID = try #require(building.location.buildingID)
        let gridID = try #require(building.location.gridID)
        let buildingChinese = try #require(chinese.shortfalls.first { $0.location.buildingID == buildingID }).message
        #expect(building.message.hasPrefix("building \(buildingID) (grid \(gridID)): no building leader; "))
        #expect(building.message.hasSuffix(" [staffing.building_leader]"))
        #expect(buildingChinese.hasPrefix("楼栋 \(buildingID)（网格 \(gridID)）缺少楼栋长；"), "\(buildingChinese)")
        #expect(buildingChinese.hasSuffix(" [staffing.building_leader]"))
        for finding in chinese.shortfalls {
            #expect(Self.hasHan(finding.message) && Self.englishWords(finding.message).isEmpty, "\(finding.message)")
        }
        for warning in chinese.warnings {
            #expect(Self.hasHan(warning.message) && Self.englishWords(warning.message).isEmpty, "\(warning.message)")
        }
        for message in english.shortfalls.map(\.message) + english.warnings.map(\.message) {
            #expect(!Self.hasHan(message), "\(message)")
        }
    }

    /// A condition in a shortfall reads in the command's language (GridRules' `description`, one wording for rules
    /// and shortfalls): Chinese with roles by their Chinese names, or the English the shortfalls have always used.
    @Test func conditionsFollowTheLanguage() throws {
        let rules = try StaffingFixtures.rules().staffing
        let nested = RuleCondition.any([
            .all([.ageAtLeast(60), .not(.partyMember(false))]), .roleIn([.volunteer, .mentor]),
            .livesWithin(metres: 250.5), .hasSkill(["first_aid"]), .worksInSite(false), .categoryIn([.disabled]),
        ])
        let conditions = [
            rules.gridLeader.eligible.value, rules.buildingLeader.eligible.value, rules.microGridLeader.eligible.value,
            rules.cadreEligible.value, rules.reportingEligible.value, nested, .all([nested, .partyMember(true)]),
        ]
        for condition in conditions {
            #expect(Self.hasHan(condition.description), "\(condition.description)")
            let english = Language.$current.withValue(.english) { condition.description }
            #expect(!Self.hasHan(english), "\(english)")
        }
        let buildingLeader = rules.buildingLeader.eligible.value
        #expect(buildingLeader.description == "年满 22 周岁且不超过 65 周岁")
        #expect(
            Language.$current.withValue(.english) { buildingLeader.description }
                == "aged 22 or older and aged 65 or younger")
        #expect(RuleCondition.roleIn([.communityWorker, .gridWorker]).description == "角色为 社区工作者、专职网格员")
    }

    @Test func errorsFollowTheLanguage() {
        let error = StaffingError.noSolution(model: "mentoring", status: "undefined")
        #expect(Self.hasHan(error.description) && error.description.contains("mentoring"))
        #expect(
            Language.$current.withValue(.english) { error.description }
                == "model mentoring: the solver ended with undefined and no solution; every slot has a shortfall "
                + "slack, so this means conflicting locks or a time limit too short")
    }

    /// An unknown building in the plan is refused with a reason in the command's language, named by its file.
    @Test func invalidPlanReasonFollowsTheLanguage() throws {
        let (street, plan) = try StaffingFixtures.generated(seed: 43, households: 3000)
        var broken = plan
        broken[0].buildingID = BuildingID("NO-SUCH-BUILDING")
        let input = StaffingInput(street: street, plan: broken, referenceYear: StaffingFixtures.year)
        let planner = StaffingPlanner(ruleSet: try StaffingFixtures.rules())
        func described(_ language: Language) -> String {
            Language.$current.withValue(language) {
                do { _ = try planner.plan(input) } catch { return "\(error)" }
                return "no error"
            }
        }
        #expect(described(.english) == "grids.csv: building NO-SUCH-BUILDING is not in the street's buildings.csv")
        #expect(described(.chinese) == "grids.csv 有误：楼栋 NO-SUCH-BUILDING 不在本街道的 buildings.csv 中")
    }
}
