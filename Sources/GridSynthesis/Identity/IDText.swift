/// `value` in decimal with leading zeros up to `width` digits, so that ids sort as text in number order.
func padded(_ value: Int, width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// Digits for ids numbering `count` things: at least two, more when needed.
func idWidth(_ count: Int) -> Int { max(2, String(count).count) }
