import GridModel

/// The column names a street file may use: the canonical names of the data format and their Chinese aliases.
///
/// This is the one table of aliases; the README lists it and the tests check it. A header cell matches after
/// trimming white space (full-width spaces too) and ignoring ASCII case, so ` Building_ID ` is `building_id`.
/// Columns that match nothing are ignored, never rejected.
public enum ColumnAliases {
    /// Every alias with the canonical column it stands for, in the order the README lists them.
    public static let table: [(alias: String, canonical: String)] = [
        ("楼栋编号", "building_id"),
        ("楼栋", "building_id"),
        ("楼号", "building_id"),
        ("社区", "community_id"),
        ("社区编号", "community_id"),
        ("小区", "compound_id"),
        ("小区编号", "compound_id"),
        ("街道", "street_id"),
        ("街道编号", "street_id"),
        ("户数", "households"),
        ("经度", "lon"),
        ("纬度", "lat"),
        ("类型", "kind"),
        ("楼栋类型", "kind"),
        ("小区类型", "compound_type"),
        ("层数", "floors"),
        ("楼层数", "floors"),
        ("单元数", "units"),
        ("单元", "unit"),
        ("楼层", "floor"),
        ("名称", "name"),
        ("代码", "code"),
        ("民政编码", "code"),
        ("部门编号", "department_id"),
        ("人员编号", "person_id"),
        ("姓名", "name"),
        ("角色", "roles"),
        ("单位", "department"),
        ("部门", "department"),
        ("是否党员", "party_member"),
        ("住址楼栋", "home_building_id"),
        ("工作楼栋", "work_building_id"),
        ("每周小时", "hours_per_week"),
        ("技能", "skills"),
        ("可服务时段", "availability"),
        ("电话", "phone"),
        ("出生年份", "birth_year"),
        ("居民编号", "resident_id"),
        ("类别", "categories"),
        ("结对人员", "paired_person_id"),
        ("需求", "needs"),
        ("网格编号", "grid_id"),
        ("微网格编号", "micro_grid_id"),
        ("岗位", "post"),
        ("日期", "date"),
        ("走访人员", "person_id"),
        ("结果", "outcome"),
        ("请求编号", "request_id"),
        ("服务", "service"),
        ("创建时间", "created_at"),
        ("最早", "earliest"),
        ("最晚", "latest"),
        ("分钟", "minutes"),
        ("紧急程度", "urgency"),
        ("备注", "note"),
        ("回复", "response"),
        ("答复", "response"),
        ("回复时间", "at"),
        ("开始时间", "started_at"),
        ("服务结果", "outcome"),
        ("确认人", "confirmed_by"),
        ("确认时间", "confirmed_at"),
    ]

    /// The table as Markdown (`| alias | column |` rows), for the README.
    public static var markdownTable: String {
        var lines = ["| alias | column |", "|---|---|"]
        for (alias, canonical) in table { lines.append("| \(alias) | `\(canonical)` |") }
        return lines.joined(separator: "\n")
    }

    /// Alias → canonical name, keyed by the normalised alias.
    public static let canonicalByAlias: [String: String] = {
        var result: [String: String] = [:]
        for (alias, canonical) in table { result[normalise(alias)] = canonical }
        return result
    }()

    /// The canonical column a header cell names: its alias's canonical name, or the cell itself normalised.
    public static func canonicalName(for header: String) -> String {
        let key = normalise(header)
        return canonicalByAlias[key] ?? key
    }

    /// `households (or 户数)`: the canonical name with its aliases, for messages.
    static func spellings(of canonical: String) -> String {
        let aliases = table.filter { $0.canonical == canonical }.map(\.alias)
        guard !aliases.isEmpty else { return canonical }
        return Message.text("data.header.spellings", ["column": canonical, "aliases": Language.current.list(aliases)])
    }

    /// Trims white space (including U+3000 and a stray BOM) and lowers ASCII letters.
    static func normalise(_ header: String) -> String {
        if header.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F && !($0 >= 0x41 && $0 <= 0x5A) }) { return header }
        var result = String.UnicodeScalarView()
        for scalar in trimmed(header).unicodeScalars {
            if scalar.value >= 0x41 && scalar.value <= 0x5A {
                result.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text without leading and trailing white space (U+3000 and a stray BOM included).
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPadding($0) }),
            let last = scalars.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func isPadding(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0xFEFF
    }
}
