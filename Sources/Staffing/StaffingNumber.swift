import Foundation

/// Hours as the reasons and cadres.csv print them: at most two decimals, no trailing zeros.
public enum StaffingNumber {
    public static func text(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
