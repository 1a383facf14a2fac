/// The dotted raw-field names of the mapping tables (`EdgeResponseStatus`, `Cookies.name`), split on their `.`
/// bytes: `split(separator:)` on a `String` walks Characters, which cost the normalizer's start-up thousands of
/// instructions per name. Empty segments are left out, as `split` does (`a..b` is `a`, `b`).
enum DottedName {
    /// The first segment: `Cookies` for `Cookies.name`, the whole name when it has no dot.
    static func head(_ name: String) -> String {
        let dot = UInt8(ascii: ".")
        // Most names have no dot: the name itself, nothing split or copied.
        guard name.utf8.contains(dot) else { return name }
        return String(decoding: name.utf8.split(separator: dot, maxSplits: 1)[0], as: UTF8.self)
    }

    /// The segments after the first, as UTF-8: `name` for `Cookies.name`, none when it has no dot.
    static func tail(_ name: String) -> [[UInt8]] {
        name.utf8.split(separator: UInt8(ascii: ".")).dropFirst().map(Array.init)
    }
}
