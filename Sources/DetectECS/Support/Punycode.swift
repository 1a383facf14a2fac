/// RFC 3492 Punycode encoding of IDN labels, used when the Public Suffix List is loaded so that
/// `xn--55qx5d.cn` matches the list's UTF-8 rule `公司.cn` without decoding anything per lookup.
///
/// Only encoding is implemented; no IDNA mapping (case folding, NFC) is applied, because the PSL's rules
/// are already in their IDNA canonical form.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 128

    /// The ASCII form of one label: itself when it is all ASCII, else `xn--` + Punycode.
    ///
    /// Example: `asciiLabel("bücher") == "xn--bcher-kva"`; nil on overflow (labels far beyond DNS limits).
    static func asciiLabel(_ label: String) -> String? {
        asciiLabel(Array(label.unicodeScalars))
    }

    private static func asciiLabel(_ scalars: [Unicode.Scalar]) -> String? {
        if scalars.allSatisfy({ $0.isASCII }) { return String(decoding: scalars.map { UInt8($0.value) }, as: UTF8.self) }
        guard let encoded = encode(scalars) else { return nil }
        return "xn--" + encoded
    }

    /// The ASCII form of a dotted name, label by label (`公司.cn` → `xn--55qx5d.cn`).
    static func asciiName(_ name: String) -> String? {
        var labels: [String] = []
        // Split on scalars: `.` is one, and splitting on Characters would segment graphemes for nothing.
        for label in name.unicodeScalars.split(separator: ".", omittingEmptySubsequences: false) {
            guard let ascii = asciiLabel(Array(label)) else { return nil }
            labels.append(ascii)
        }
        return labels.joined(separator: ".")
    }

    /// RFC 3492 §6.3 encoding of a sequence of code points (without the `xn--` prefix).
    static func encode(_ input: [Unicode.Scalar]) -> String? {
        var output: [UInt8] = []
        for scalar in input where scalar.isASCII { output.append(UInt8(scalar.value)) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < input.count {
            var m = Int.max
            for scalar in input where Int(scalar.value) >= n && Int(scalar.value) < m { m = Int(scalar.value) }
            let (step, overflow1) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow1, delta <= Int(Int32.max) - step else { return nil }
            delta += step
            n = m
            for scalar in input {
                let c = Int(scalar.value)
                if c < n {
                    delta += 1
                    guard delta <= Int(Int32.max) else { return nil }
                }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func adapt(_ delta: Int, _ numPoints: Int, _ firstTime: Bool) -> Int {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / numPoints
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ d: Int) -> UInt8 {
        d < 26 ? UInt8(97 + d) : UInt8(22 + d)  // a–z, then 0–9
    }
}
