/// The name a planner reads for a grid or micro-grid, built from its code and its community's name.
///
/// Residents and officials say "幸福社区第3网格", not `C01-G03`: a grid's number is the one its code carries
/// (codes run west→east, then north→south, inside a community), so the name stays stable across re-draws exactly as
/// far as the code does. A special grid (`C01-S02`) is "幸福社区第2专属网格" and a micro-grid (`C01-G03-M05`) adds
/// "第5微网格". A code that does not follow the engine's pattern (a planner's own code from a current plan) is its
/// own name.
public struct GridName: Hashable, Sendable {
    /// The name in Chinese, e.g. 幸福社区第3网格.
    public let chinese: String
    /// The name in English, e.g. "Xingfu community, grid 3"; the community's name is kept as written.
    public let english: String

    /// The name of `grid` in a community called `communityName` (its id when the street gives no name).
    public init(grid: GridID, communityName: String?) {
        self.init(code: grid.rawValue, communityName: communityName)
    }

    /// The name of `microGrid` in a community called `communityName`.
    public init(microGrid: MicroGridID, communityName: String?) {
        self.init(code: microGrid.rawValue, communityName: communityName)
    }

    private init(code: String, communityName: String?) {
        guard let parsed = ParsedGridCode(code) else {
            chinese = code
            english = code
            return
        }
        let community = communityName.flatMap { $0.isEmpty ? nil : $0 } ?? parsed.community
        let kindChinese = parsed.isSpecial ? "专属网格" : "网格"
        let kindEnglish = parsed.isSpecial ? "special grid" : "grid"
        var chineseName = "\(community)第\(parsed.gridNumber)\(kindChinese)"
        var englishName = "\(community), \(kindEnglish) \(parsed.gridNumber)"
        if let micro = parsed.microGridNumber {
            chineseName += "第\(micro)微网格"
            englishName += ", micro-grid \(micro)"
        }
        chinese = chineseName
        english = englishName
    }
}

/// A code of the engine's pattern: COMMUNITY-Gnn or COMMUNITY-Snn, optionally followed by -Mnn.
private struct ParsedGridCode {
    let community: String
    let isSpecial: Bool
    let gridNumber: Int
    let microGridNumber: Int?

    init?(_ code: String) {
        var parts = code.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var micro: Int?
        if parts.count >= 3, let last = parts.last, let number = Self.number(after: "M", in: last) {
            micro = number
            parts.removeLast()
        }
        guard parts.count >= 2, let last = parts.last else { return nil }
        if let number = Self.number(after: "G", in: last) {
            isSpecial = false
            gridNumber = number
        } else if let number = Self.number(after: "S", in: last) {
            isSpecial = true
            gridNumber = number
        } else {
            return nil
        }
        community = parts.dropLast().joined(separator: "-")
        guard !community.isEmpty else { return nil }
        microGridNumber = micro
    }

    private static func number(after letter: Character, in part: String) -> Int? {
        guard part.first == letter, part.count >= 2, part.count <= 6 else { return nil }
        let digits = part.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value > 0 else { return nil }
        return value
    }
}
