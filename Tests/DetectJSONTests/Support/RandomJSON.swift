import DetectTesting
/// Random JSON trees with the characters and numbers that stress a reader and writer.
enum RandomJSON {
    /// Scalars a string is built from: plain ASCII, characters that must be escaped, and 2-, 3- and
    /// 4-byte UTF-8.
    static let alphabet: [Unicode.Scalar] = [
        "a", "b", "z", "A", "0", "9", " ", ".", "/", "-", "_", "~", "\u{7F}",
        "\"", "\\", "\n", "\r", "\t", "\u{00}", "\u{01}", "\u{08}", "\u{0C}", "\u{1F}",
        "é", "ß", "\u{80}", "\u{7FF}", "€", "中", "\u{800}", "\u{FFFF}", "\u{2028}",
        "😀", "\u{10000}", "\u{10FFFF}",
    ]

    static func string(_ rng: inout SplitMix64) -> String {
        // Lengths around 8 and 16 cross the scanner's word boundaries.
        let count = Int.random(in: 0...24, using: &rng)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            if Bool.random(using: &rng) {
                scalars.append(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &rng)))
            } else {
                scalars.append(Self.alphabet.randomElement(using: &rng)!)
            }
        }
        return String(scalars)
    }

    static func integer(_ rng: inout SplitMix64) -> Int64 {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: [0, 1, -1, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1].randomElement(using: &rng)!
        case 1: Int64.random(in: Int64.min...Int64.max, using: &rng)
        default: Int64.random(in: -100_000...100_000, using: &rng)
        }
    }

    static func float(_ rng: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            let special: [Double] = [
                0.0, -0.0, 1.0, -1.0, 0.1, 1e15, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                -.leastNormalMagnitude,
            ]
            return special.randomElement(using: &rng)!
        case 1:
            return Double(Int.random(in: -1_000_000...1_000_000, using: &rng))
        case 2:
            // Any finite bit pattern: subnormals, huge exponents, long mantissas.
            var value = Double(bitPattern: rng.next())
            while !value.isFinite { value = Double(bitPattern: rng.next()) }
            return value
        default:
            return Double.random(in: -1e6...1e6, using: &rng)
        }
    }

    static func value(_ rng: inout SplitMix64, depth: Int = 0) -> JSONValue {
        let containers = depth < 5
        switch Int.random(in: 0..<(containers ? 9 : 6), using: &rng) {
        case 0: return .string(Self.string(&rng))
        case 1: return .integer(Self.integer(&rng))
        case 2: return .float(Self.float(&rng))
        case 3: return .bool(Bool.random(using: &rng))
        case 4: return .null
        case 5: return .string(Self.string(&rng))
        case 6, 7:
            let count = Int.random(in: 0...4, using: &rng)
            return .object((0..<count).map { _ in .init(Self.string(&rng), Self.value(&rng, depth: depth + 1)) })
        default:
            let count = Int.random(in: 0...4, using: &rng)
            return .array((0..<count).map { _ in Self.value(&rng, depth: depth + 1) })
        }
    }
}
