/// Why a Public Suffix List could not be loaded. The message names the file.
public struct PublicSuffixListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, open to new cases (NIO style).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case unreadable
            case tooLarge
            case missingICANNSection
            case noRules
        }

        private let base: Base

        /// The file could not be opened or read.
        public static let unreadable = Code(base: .unreadable)
        /// The file is larger than `PublicSuffixList.maximumFileSize`.
        public static let tooLarge = Code(base: .tooLarge)
        /// The file has no `===END ICANN DOMAINS===` marker, so it is not a PSL file.
        public static let missingICANNSection = Code(base: .missingICANNSection)
        /// The ICANN section holds no rule.
        public static let noRules = Code(base: .noRules)

        public var description: String {
            switch self.base {
            case .unreadable: return "unreadable"
            case .tooLarge: return "tooLarge"
            case .missingICANNSection: return "missingICANNSection"
            case .noRules: return "noRules"
            }
        }
    }

    public var code: Code
    /// The file concerned, or nil for text given in memory.
    public var path: String?
    /// What went wrong and how to fix it.
    public var message: String

    public init(_ code: Code, path: String?, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `public suffix list /usr/share/publicsuffix/public_suffix_list.dat: <message>`.
    public var description: String {
        "public suffix list \(self.path ?? "(in memory)"): \(self.message)"
    }
}
