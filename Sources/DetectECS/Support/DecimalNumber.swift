/// A decimal number read exactly from its text: `significand × 10^exponent`, with at most 19 significant
/// digits (further digits are dropped and remembered in `isInexact`).
///
/// Used to turn epoch numbers (`1658281671671000000`, `1658281671.671`, `1.6e9`) into microseconds
/// without going through `Double`.
struct DecimalNumber: Hashable, Sendable {
    var isNegative: Bool
    /// The significant digits, without leading zeros; 0 for the value zero.
    var significand: UInt64
    /// Number of decimal digits in `significand` (0 for zero).
    var digitCount: Int
    var exponent: Int
    /// Whether non-zero digits beyond the 19th significant one were dropped.
    var isInexact: Bool

    /// Powers of ten that fit in a `UInt64`: 10^0 … 10^19.
    static let powersOfTen: [UInt64] = {
        var table: [UInt64] = [1]
        for _ in 1...19 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    /// Parses `-?digits[.digits][(e|E)[+-]digits]` covering exactly `p[start..<end]`.
    /// Leading zeros are accepted (numeric strings such as `"0001"`); a lone `.5` is too.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> DecimalNumber? {
        var i = start
        var number = DecimalNumber(isNegative: false, significand: 0, digitCount: 0, exponent: 0, isInexact: false)
        if i < end, p[i] == UInt8(ascii: "-") {
            number.isNegative = true
            i += 1
        }
        var mantissaDigits = 0
        while i < end, p[i] &- 48 < 10 {
            number.push(p[i] &- 48, fractional: false)
            mantissaDigits += 1
            i += 1
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            var fractionDigits = 0
            while i < end, p[i] &- 48 < 10 {
                number.push(p[i] &- 48, fractional: true)
                fractionDigits += 1
                i += 1
            }
            guard fractionDigits > 0 else { return nil }
            mantissaDigits += fractionDigits
        }
        guard mantissaDigits > 0 else { return nil }
        if i < end, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var negativeExponent = false
            if i < end, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                negativeExponent = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            var exponentDigits = 0
            while i < end, p[i] &- 48 < 10 {
                if value < 100_000 { value = value * 10 + Int(p[i] &- 48) }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            number.exponent += negativeExponent ? -value : value
        }
        guard i == end else { return nil }
        return number
    }

    /// Appends one digit of the integer part (`fractional == false`) or of the fraction.
    @inline(__always)
    private mutating func push(_ digit: UInt8, fractional: Bool) {
        if self.significand == 0 && digit == 0 {
            if fractional { self.exponent -= 1 }
            return
        }
        if self.digitCount < 19 {
            self.significand = self.significand * 10 + UInt64(digit)
            self.digitCount += 1
            if fractional { self.exponent -= 1 }
        } else {
            if !fractional { self.exponent += 1 }
            if digit != 0 { self.isInexact = true }
        }
    }

    /// `floor(log10(|value|))`; meaningless for zero.
    var magnitude: Int { self.digitCount - 1 + self.exponent }

    /// Whether `|value|` is exactly a power of ten.
    var isPowerOfTen: Bool {
        !self.isInexact && self.significand == DecimalNumber.powersOfTen[self.digitCount - 1]
    }

    /// The epoch time this number denotes, truncated to microseconds towards the past; nil for zero or
    /// out-of-range values.
    func eventTime(unit: EventTime.EpochUnit?) -> EventTime? {
        guard self.significand != 0 else { return nil }
        let resolved =
            unit
            ?? EventTime.EpochUnit.classify(
                isAbove1e18: !self.isNegative && (self.magnitude > 18 || (self.magnitude == 18 && !self.isPowerOfTen)),
                isAtLeast1e15: !self.isNegative && self.magnitude >= 15,
                isBelow1e10: self.isNegative || self.magnitude < 10
            )
        let shift = self.exponent + resolved.microsecondExponent
        var whole: UInt64
        var hasRemainder = self.isInexact
        if shift >= 0 {
            guard shift <= 19 else { return nil }
            let (product, overflow) = self.significand.multipliedReportingOverflow(by: DecimalNumber.powersOfTen[shift])
            guard !overflow else { return nil }
            whole = product
        } else if -shift > 19 {
            whole = 0
            hasRemainder = true
        } else {
            let divisor = DecimalNumber.powersOfTen[-shift]
            whole = self.significand / divisor
            if self.significand % divisor != 0 { hasRemainder = true }
        }
        guard whole <= UInt64(Int64.max) - 1 else { return nil }
        var micros = Int64(whole)
        if self.isNegative {
            micros = -micros
            if hasRemainder { micros -= 1 }
        }
        return EventTime(microsecondsSinceEpoch: micros)
    }
}
