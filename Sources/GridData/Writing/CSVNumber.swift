/// Deterministic number text for CSV cells: no locale, no exponent, no `-0`.
///
/// `String(describing: Double)` prints the shortest round-trip form (`12.300000000000001`, `1e-05`), which is
/// exact but noisy in a table and depends on the value's binary history; fixed places make files stable.
public enum CSVNumber {
    /// `value` rounded half away from zero to `places` decimals (0...9): `-12.35` → `-12.4` with one place.
    /// Non-finite values print as `nan`, `inf` or `-inf`; magnitudes beyond 9e15 fall back to Swift's text.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let places = min(max(places, 0), 9)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return String(describing: value) }
        let magnitude = Int64(abs(scaled))
        let unit = Int64(scale)
        let whole = magnitude / unit
        var text = magnitude == 0 || scaled > 0 ? "" : "-"
        text += String(whole)
        if places > 0 {
            let fraction = String(magnitude % unit)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// Like ``fixed(_:places:)`` but without trailing zeros or a trailing point: `4` → `4`, `2.50` → `2.5`.
    public static func trimmed(_ value: Double, maxPlaces: Int) -> String {
        var text = fixed(value, places: maxPlaces)
        guard text.contains("."), value.isFinite else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
