/// A wildcard pattern for the reference interpreter: literal bytes, `*`, and `?` (one UTF-8 character),
/// matched by plain backtracking with ASCII case folding.
struct ReferencePattern: Hashable {
    enum Token: Hashable {
        case literal([UInt8])
        case star
        case one
    }

    var tokens: [Token]

    /// Whether the whole `value` matches.
    func matches(_ value: [UInt8], caseSensitive: Bool) -> Bool {
        var flat: [Token] = []
        for token in self.tokens {
            if case .literal(let bytes) = token {
                flat += bytes.map { .literal([$0]) }
            } else {
                flat.append(token)
            }
        }
        var memo: [Int: Bool] = [:]
        func fold(_ byte: UInt8) -> UInt8 { caseSensitive || !(65...90).contains(byte) ? byte : byte + 32 }
        func match(_ p: Int, _ v: Int) -> Bool {
            let key = p * (value.count + 1) + v
            if let known = memo[key] { return known }
            let result: Bool
            if p == flat.count {
                result = v == value.count
            } else {
                switch flat[p] {
                case .star:
                    result = (v...value.count).contains { match(p + 1, $0) }
                case .one:
                    if v < value.count {
                        var end = v + 1
                        while end < value.count, value[end] & 0xC0 == 0x80 { end += 1 }
                        result = match(p + 1, end)
                    } else {
                        result = false
                    }
                case .literal(let bytes):
                    result = v < value.count && fold(value[v]) == fold(bytes[0]) && match(p + 1, v + 1)
                }
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
