import GridModel
import Testing

@testable import GridData

@Suite(.inEnglish) struct ColumnAliasesTests {
    /// The aliases ../shared/spec/data-format.md names.
    @Test(arguments: [
        ("楼栋编号", "building_id"), ("社区", "community_id"), ("小区", "compound_id"), ("户数", "households"),
        ("经度", "lon"), ("纬度", "lat"), ("类型", "kind"), ("小区类型", "compound_type"), ("层数", "floors"),
        ("单元数", "units"), ("人员编号", "person_id"), ("姓名", "name"), ("角色", "roles"), ("单位", "department"),
        ("是否党员", "party_member"), ("住址楼栋", "home_building_id"), ("每周小时", "hours_per_week"),
        ("技能", "skills"), ("可服务时段", "availability"), ("电话", "phone"), ("居民编号", "resident_id"),
        ("类别", "categories"),
    ])
    func specAliasesMap(alias: String, canonical: String) {
        #expect(ColumnAliases.canonicalName(for: alias) == canonical)
    }

    @Test func everyAliasIsListedOnce() {
        let aliases = ColumnAliases.table.map(\.alias)
        #expect(Set(aliases).count == aliases.count)
    }

    @Test func canonicalNamesAreSnakeCase() {
        for (alias, canonical) in ColumnAliases.table {
            #expect(StreetReading.isSnakeCaseWord(canonical), "\(alias) → \(canonical)")
        }
    }

    @Test func headersAreTrimmedAndCaseFolded() {
        #expect(ColumnAliases.canonicalName(for: "  Households ") == "households")
        #expect(ColumnAliases.canonicalName(for: "\u{3000}户数\u{3000}") == "households")
        #expect(ColumnAliases.canonicalName(for: "\u{FEFF}building_id") == "building_id")
        #expect(ColumnAliases.canonicalName(for: "Unrelated Column") == "unrelated column")
    }

    @Test func markdownTableListsEveryAlias() {
        let markdown = ColumnAliases.markdownTable
        for (alias, canonical) in ColumnAliases.table {
            #expect(markdown.contains("| \(alias) | `\(canonical)` |"))
        }
    }

    @Test func valueAliasesCoverEveryRole() {
        let aliased = Set(ValueAliases.roles.map(\.role))
        #expect(aliased == Set(Role.allCases))
    }
}
