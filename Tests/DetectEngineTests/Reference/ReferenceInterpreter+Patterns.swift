import DetectCore
import DetectEngine
import DetectRules
import Foundation

extension ReferenceInterpreter {
    /// Every string a value with placeholders stands for (pipeline `vars` parsed as Sigma strings, IOC
    /// values literal), or the value itself.
    func expand(_ string: SigmaString, logsource: LogSource) -> [SigmaString] {
        var results: [[SigmaString.Part]] = [[]]
        for part in string.parts {
            guard case .placeholder(let name) = part else {
                results = results.map { $0 + [part] }
                continue
            }
            var options: [SigmaString] = []
            switch self.pipelines.placeholderBinding(for: name, logsource: logsource) {
            case .values(let values)?:
                options = values.map { SigmaString(parsing: $0) }
            case .iocList(let list)?:
                options = (self.iocs[list]?.values ?? []).map { SigmaString(literal: $0) }
            case nil:
                options = (self.iocs[name]?.values ?? []).map { SigmaString(literal: $0) }
            }
            results = results.flatMap { prefix in options.map { prefix + $0.parts } }
        }
        return results.map { SigmaString(parts: $0) }
    }

    /// The wildcard patterns a string value compares with: placeholders expanded, encodings applied, `windash`
    /// variants, then the position (keywords search substrings unless a position is given).
    func patterns(_ string: SigmaString, item: DetectionItem, logsource: LogSource) -> [ReferencePattern] {
        var result: [ReferencePattern] = []
        for expanded in self.expand(string, logsource: logsource) {
            var variants: [[ReferencePattern.Token]]
            if item.encodings.isEmpty {
                variants = [
                    expanded.parts.map { part in
                        switch part {
                        case .literal(let text): .literal(Array(text.utf8))
                        case .wildcardMulti: .star
                        case .wildcardSingle: .one
                        case .placeholder(let name): .literal(Array("%\(name)%".utf8))
                        }
                    }
                ]
            } else {
                var bytes: [[UInt8]] = [Array((expanded.literalValue ?? "").utf8)]
                for encoding in item.encodings {
                    bytes = bytes.flatMap { Self.encode($0, encoding) }
                }
                variants = bytes.filter { !$0.isEmpty }.map { [.literal($0)] }
            }
            if item.expandsWindowsDashes {
                variants = variants.flatMap(Self.windash)
            }
            var position = item.stringPosition
            if item.isKeyword, position == .whole { position = .contains }
            for tokens in variants {
                switch position {
                case .whole: result.append(ReferencePattern(tokens: tokens))
                case .contains: result.append(ReferencePattern(tokens: [.star] + tokens + [.star]))
                case .startsWith: result.append(ReferencePattern(tokens: tokens + [.star]))
                case .endsWith: result.append(ReferencePattern(tokens: [.star] + tokens))
                }
            }
        }
        return result
    }

    /// One encoding step, with Foundation's codecs.
    private static func encode(_ bytes: [UInt8], _ encoding: Modifier) -> [[UInt8]] {
        let text = String(decoding: bytes, as: UTF8.self)
        switch encoding {
        case .utf16le: return [Array(text.data(using: .utf16LittleEndian) ?? Data())]
        case .utf16be: return [Array(text.data(using: .utf16BigEndian) ?? Data())]
        case .utf16: return [[0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian) ?? Data())]
        case .base64: return [Array(Data(bytes).base64EncodedString().utf8)]
        case .base64Offset:
            // pySigma: b64encode(i * b" " + value)[(0, 2, 3)[i] : (None, -3, -2)[(len + i) % 3]]
            return (0..<3).map { shift in
                let encoded = Array(Data(Array(repeating: 0x20, count: shift) + bytes).base64EncodedString().utf8)
                let start = [0, 2, 3][shift]
                let end = encoded.count - [0, 3, 2][(bytes.count + shift) % 3]
                return start < end ? Array(encoded[start..<end]) : []
            }
        default: return [bytes]
        }
    }

    private static let switchCharacter = try! NSRegularExpression(pattern: #"\B[-/]\b"#)

    /// pySigma's `windash`: every `\B[-/]\b` of each literal tried as `-`, `/`, en dash, em dash, bar.
    private static func windash(_ tokens: [ReferencePattern.Token]) -> [[ReferencePattern.Token]] {
        var results: [[ReferencePattern.Token]] = [[]]
        for token in tokens {
            guard case .literal(let bytes) = token, let text = String(validating: bytes, as: UTF8.self) else {
                results = results.map { $0 + [token] }
                continue
            }
            let matches = Self.switchCharacter.matches(in: text, range: NSRange(text.startIndex..., in: text))
            var pieces: [[String]] = []
            var cursor = text.startIndex
            for match in matches {
                guard let range = Range(match.range, in: text) else { continue }
                pieces.append([String(text[cursor..<range.lowerBound])])
                pieces.append(["-", "/", "\u{2013}", "\u{2014}", "\u{2015}"])
                cursor = range.upperBound
            }
            pieces.append([String(text[cursor...])])
            var literals: [String] = [""]
            for options in pieces { literals = literals.flatMap { prefix in options.map { prefix + $0 } } }
            results = results.flatMap { prefix in literals.map { prefix + [.literal(Array($0.utf8))] } }
        }
        return results
    }
}
