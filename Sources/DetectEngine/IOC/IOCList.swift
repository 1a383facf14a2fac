public import DetectCore

/// One IOC list: the values of a file `NAME.txt` in an IOC directory, each with its position.
///
/// Lists are used by the Sigma `expand` modifier: `source.ip|cidr|expand: '%tor_nodes%'` matches the
/// networks of `tor_nodes.txt`. The loader (``IOCListLoader``) has already dropped comments and blank
/// lines; values are kept as written (trimmed), so what they mean (address, network, domain, URL, plain
/// string) is decided by the modifiers of the rule that uses the list.
public struct IOCList: Hashable, Sendable {
    /// One value of a list and where it was written.
    public struct Entry: Hashable, Sendable {
        /// The value, without surrounding whitespace or comment.
        public var value: String
        /// The file, line and column of the value's first character.
        public var location: SourceLocation

        /// An entry with its position.
        public init(_ value: String, location: SourceLocation) {
            self.value = value
            self.location = location
        }
    }

    /// The list's name: the file name without `.txt` (`tor_nodes`).
    public var name: String
    /// The file the list was read from (for diagnostics).
    public var file: String
    /// The values in file order, duplicates included.
    public var entries: [Entry]

    /// A list with its values.
    ///
    /// - Parameters:
    ///   - name: The name placeholders use (`%name%`).
    ///   - file: Where the list comes from (used in diagnostics).
    ///   - entries: The values in order.
    public init(name: String, file: String, entries: [Entry]) {
        self.name = name
        self.file = file
        self.entries = entries
    }

    /// A list built from plain values (tests, lists made in code); positions are 1-based line numbers.
    public init(name: String, values: [String], file: String? = nil) {
        let file = file ?? "\(name).txt"
        self.init(
            name: name, file: file,
            entries: values.enumerated().map { index, value in
                Entry(value, location: SourceLocation(file: file, line: index + 1, column: 1))
            })
    }

    /// The values without positions.
    public var values: [String] { self.entries.map(\.value) }

    /// Whether the list holds no value (it then matches nothing).
    public var isEmpty: Bool { self.entries.isEmpty }
}
