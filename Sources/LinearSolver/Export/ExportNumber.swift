/// Numbers as LP and MPS readers expect them: integers without a decimal point, others with full precision.
enum ExportNumber {
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
