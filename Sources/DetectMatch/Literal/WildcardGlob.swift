/// A wildcard pattern with `?` or inner `*`, compiled to literal segments for matching without a regex.
///
/// The pattern is split at `*` into segments; a segment is a run of literals and `?`. The first segment
/// is anchored at the start unless the pattern starts with `*`, the last at the end unless it ends
/// with `*`, and the segments in between are found leftmost-first. Leftmost-first is exact (no
/// backtracking needed): where a segment can start earlier it also ends no later, and the `*` after it
/// absorbs the difference.
///
/// `?` consumes one UTF-8 character: a byte plus the continuation bytes (`0b10xxxxxx`) that follow it.
/// A segment that starts with `?` only starts on a character boundary.
struct WildcardGlob: Hashable, Sendable {
    enum Piece: Hashable, Sendable {
        case literal(LiteralNeedle)
        case anyCharacters(Int)
    }

    struct Segment: Hashable, Sendable {
        let pieces: [Piece]
        let hasAnyCharacter: Bool
        let minimumLength: Int
        let startsWithAnyCharacter: Bool

        init(_ pieces: [Piece]) {
            self.pieces = pieces
            var minimum = 0
            var hasAnyCharacter = false
            for piece in pieces {
                switch piece {
                case .literal(let needle): minimum += needle.count
                case .anyCharacters(let count):
                    minimum += count
                    hasAnyCharacter = true
                }
            }
            self.minimumLength = minimum
            self.hasAnyCharacter = hasAnyCharacter
            if case .anyCharacters = pieces.first { self.startsWithAnyCharacter = true } else {
                self.startsWithAnyCharacter = false
            }
        }
    }

    let anchoredStart: Bool
    let anchoredEnd: Bool
    let segments: [Segment]

    /// Builds from normalized tokens that contain at least one literal or `?`.
    init(_ tokens: [WildcardPattern.Token], caseSensitive: Bool) {
        self.anchoredStart = tokens.first != .anyRun
        self.anchoredEnd = tokens.last != .anyRun
        var segments: [Segment] = []
        var pieces: [Piece] = []
        for token in tokens {
            switch token {
            case .anyRun:
                if !pieces.isEmpty { segments.append(Segment(pieces)) }
                pieces = []
            case .anyCharacter:
                if case .anyCharacters(let count) = pieces.last {
                    pieces[pieces.count - 1] = .anyCharacters(count + 1)
                } else {
                    pieces.append(.anyCharacters(1))
                }
            case .literal(let bytes):
                pieces.append(.literal(LiteralNeedle(bytes, caseSensitive: caseSensitive)))
            }
        }
        if !pieces.isEmpty { segments.append(Segment(pieces)) }
        self.segments = segments
    }

    /// Whether the whole (non-empty) `value` matches.
    func matches(_ value: UnsafeRawBufferPointer) -> Bool {
        var segments = self.segments[...]
        guard let firstSegment = segments.first else { return true }
        var position = 0
        if self.anchoredStart {
            if self.anchoredEnd && segments.count == 1 {
                return Self.end(of: firstSegment, at: 0, in: value) == value.count
            }
            guard let end = Self.end(of: firstSegment, at: 0, in: value) else { return false }
            position = end
            segments = segments.dropFirst()
        }
        var lastSegment: Segment?
        if self.anchoredEnd {
            lastSegment = segments.last
            segments = segments.dropLast()
        }
        for segment in segments {
            guard let end = Self.search(segment, from: position, in: value) else { return false }
            position = end
        }
        if let lastSegment {
            return Self.matchesEnding(lastSegment, from: position, in: value)
        }
        return true
    }

    /// Where `segment` ends when it matches at `start`, or `nil`.
    private static func end(of segment: Segment, at start: Int, in value: UnsafeRawBufferPointer) -> Int? {
        guard let base = value.baseAddress else { return segment.minimumLength == 0 ? start : nil }
        let count = value.count
        var position = start
        for piece in segment.pieces {
            switch piece {
            case .literal(let needle):
                guard count - position >= needle.count, needle.matches(at: base + position) else { return nil }
                position += needle.count
            case .anyCharacters(let characters):
                for _ in 0..<characters {
                    guard position < count else { return nil }
                    position += 1
                    while position < count, base.load(fromByteOffset: position, as: UInt8.self) & 0xC0 == 0x80 {
                        position += 1
                    }
                }
            }
        }
        return position
    }

    /// Whether a character starts at `offset` (the value's start or a byte that is not a continuation).
    @inline(__always)
    private static func isBoundary(_ offset: Int, in value: UnsafeRawBufferPointer) -> Bool {
        offset == 0 || offset >= value.count || value[offset] & 0xC0 != 0x80
    }

    /// The end of the leftmost match of `segment` at or after `position`.
    private static func search(_ segment: Segment, from position: Int, in value: UnsafeRawBufferPointer) -> Int? {
        if case .literal(let needle) = segment.pieces.first {
            var from = position
            while let start = needle.firstIndex(in: value, from: from) {
                if let end = Self.end(of: segment, at: start, in: value) { return end }
                from = start + 1
            }
            return nil
        }
        var start = position
        while start < value.count {
            if Self.isBoundary(start, in: value), let end = Self.end(of: segment, at: start, in: value) {
                return end
            }
            start += 1
        }
        return nil
    }

    /// Whether `segment` matches ending exactly at the value's end, starting at or after `position`.
    private static func matchesEnding(
        _ segment: Segment, from position: Int, in value: UnsafeRawBufferPointer
    ) -> Bool {
        var start = value.count - segment.minimumLength
        guard segment.hasAnyCharacter else {
            return start >= position && Self.end(of: segment, at: start, in: value) == value.count
        }
        while start >= position {
            if !segment.startsWithAnyCharacter || Self.isBoundary(start, in: value),
                Self.end(of: segment, at: start, in: value) == value.count
            {
                return true
            }
            start -= 1
        }
        return false
    }
}
