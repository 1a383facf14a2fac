/// The `windash` expansion: every command-line switch character in a value is tried as each of `-`, `/`,
/// `–` (en dash), `—` (em dash) and `―` (horizontal bar).
///
/// As in pySigma, a switch character is a `-` or `/` that does not follow a word character (letter, digit,
/// `_`) and that is followed by one (`\B[-/]\b`), judged within each literal run of the value: in
/// `/c copy -Force a-b` the `/` and the first `-` are switches, the `-` of `a-b` is not.
enum WindowsDash {
    /// The characters each switch is expanded to.
    static let alternatives: [[UInt8]] = ["-", "/", "\u{2013}", "\u{2014}", "\u{2015}"].map { Array($0.utf8) }

    /// The positions (scalar indices) of the switch characters of `text`.
    static func switchPositions(in scalars: [Unicode.Scalar]) -> [Int] {
        var positions: [Int] = []
        for (index, scalar) in scalars.enumerated() where scalar == "-" || scalar == "/" {
            let previousIsWord = index > 0 && Self.isWord(scalars[index - 1])
            let nextIsWord = index + 1 < scalars.count && Self.isWord(scalars[index + 1])
            if !previousIsWord && nextIsWord { positions.append(index) }
        }
        return positions
    }

    /// Every variant of a literal (UTF-8 bytes), or just the literal when it has no switch or is not UTF-8.
    static func variants(of literal: [UInt8]) -> [[UInt8]] {
        guard let text = String(validating: literal, as: UTF8.self) else { return [literal] }
        let scalars = Array(text.unicodeScalars)
        let positions = Self.switchPositions(in: scalars)
        guard !positions.isEmpty else { return [literal] }
        var results: [[UInt8]] = [[]]
        var cursor = 0
        for position in positions {
            let chunk = Self.utf8(scalars[cursor..<position])
            results = results.map { $0 + chunk }
            results = results.flatMap { prefix in Self.alternatives.map { prefix + $0 } }
            cursor = position + 1
        }
        let tail = Self.utf8(scalars[cursor...])
        return results.map { $0 + tail }
    }

    /// The number of variants `literal` expands to (5 to the number of switches).
    static func variantCount(of literal: [UInt8]) -> Int {
        guard let text = String(validating: literal, as: UTF8.self) else { return 1 }
        let count = Self.switchPositions(in: Array(text.unicodeScalars)).count
        var result = 1
        for _ in 0..<count {
            result = result.multipliedReportingOverflow(by: 5).partialValue
            if result > 1 << 30 { return result }
        }
        return result
    }

    /// A word character, as Python's `\w` on text: letters, digits and other numbers, and `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func utf8(_ scalars: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in scalars { bytes.append(contentsOf: String(scalar).utf8) }
        return bytes
    }
}
