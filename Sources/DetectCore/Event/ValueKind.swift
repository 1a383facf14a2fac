/// The JSON type of a value in an event.
public enum ValueKind: UInt8, Sendable {
    case string
    case integer
    case float
    case bool
    case null
    case array
    case object
}
