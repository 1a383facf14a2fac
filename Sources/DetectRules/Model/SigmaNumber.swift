/// A numeric rule value: an integer or a floating-point number, as YAML typed it.
public enum SigmaNumber: Hashable, Sendable, CustomStringConvertible {
    case integer(Int64)
    case float(Double)

    /// The value as a `Double`, for comparisons across both cases.
    public var doubleValue: Double {
        switch self {
        case .integer(let value): Double(value)
        case .float(let value): value
        }
    }

    /// The integer value, or `nil` for a float with a fractional part.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .float(let value): value.rounded() == value ? Int64(exactly: value) : nil
        }
    }

    /// A readable form, for messages and tests.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .float(let value): String(value)
        }
    }
}
