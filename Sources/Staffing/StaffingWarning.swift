/// Something in the input the plan worked around (a cadre with zero hours, a department with no cadres).
public struct StaffingWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The message, naming the person, department or file concerned.
    public var message: String

    /// The message.
    public var description: String { message }
}
