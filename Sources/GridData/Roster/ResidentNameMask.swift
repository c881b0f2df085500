import Foundation

/// Masks residents' names for public printouts (the notice-board roster): 王小明 → 王**.
///
/// The first character is kept and two asterisks follow whatever the name's length, so the printout does not
/// reveal how long the name is. A resident without a name is shown by a masked id: its first character, asterisks,
/// and its last two characters (`R000123` → `R****23`), so that neighbouring rows can still be told apart.
public enum ResidentNameMask {
    /// The masked form of a resident's name, or of the id when the name is empty.
    public static func mask(name: String?, residentID: String) -> String {
        let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if let first = trimmed.first { return "\(first)**" }
        return maskID(residentID)
    }

    /// `R000123` → `R****23`; ids of three characters or fewer become their first character and asterisks.
    public static func maskID(_ id: String) -> String {
        let characters = Array(id)
        guard let first = characters.first else { return "**" }
        guard characters.count > 3 else { return "\(first)**" }
        let hidden = String(repeating: "*", count: characters.count - 3)
        return "\(first)\(hidden)\(String(characters.suffix(2)))"
    }
}
