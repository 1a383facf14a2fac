public import DetectCore

/// Reads IOC lists from directories: every `NAME.txt` file directly inside a directory is the list `NAME`.
///
/// File format: UTF-8 text, one value per line. `#` at the start of a line, or after a space or tab,
/// starts a comment that runs to the end of the line (so `http://host/#frag` keeps its fragment);
/// surrounding whitespace is trimmed; blank lines are ignored. A UTF-8 byte-order mark and `\r\n` line
/// ends are accepted.
///
/// Several directories may be given: a list in a later directory replaces a same-named list of an earlier
/// one. Problems are diagnostics with `file:line:col` (``EngineDiagnosticCode``): a missing directory or an
/// unreadable file is an error (the list is absent), a line that is not valid UTF-8 is an error (that line is
/// skipped), a value with control characters is a warning (skipped). Nothing is thrown.
///
/// ```swift
/// let (catalog, diagnostics) = IOCListLoader().load(directories: ["Rules/iocs"])
/// ```
public struct IOCListLoader: Sendable {
    /// A loader.
    public init() {}

    /// Loads every list of `directories`, later directories replacing earlier lists of the same name.
    ///
    /// - Parameter directories: IOC directories, in priority order (last wins).
    /// - Returns: The lists, and every problem found (sorted by file, line, column).
    public func load(directories: [String]) -> (IOCCatalog, [Diagnostic]) {
        var lists: [IOCList] = []
        var diagnostics: [Diagnostic] = []
        for directory in directories {
            guard FileSystem.isDirectory(directory) else {
                diagnostics.append(
                    Diagnostic(
                        .iocPathMissing, "no such IOC directory",
                        at: SourceLocation(file: directory, line: 1, column: 1)))
                continue
            }
            guard let names = FileSystem.names(in: directory) else {
                diagnostics.append(
                    Diagnostic(
                        .iocRead, "cannot list the IOC directory",
                        at: SourceLocation(file: directory, line: 1, column: 1))
                )
                continue
            }
            for name in names.sorted() where name.hasSuffix(".txt") && !name.hasPrefix(".") && name.count > 4 {
                let path = FileSystem.path(name, in: directory)
                let data: [UInt8]
                do throws(FileSystemError) {
                    data = try FileSystem.contents(of: path)
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            .iocRead, "cannot read the IOC list: \(error)",
                            at: SourceLocation(file: path, line: 1, column: 1)))
                    continue
                }
                let (list, found) = self.parse(data, name: String(name.dropLast(4)), file: path)
                lists.append(list)
                diagnostics += found
            }
        }
        diagnostics.sort {
            ($0.location.file, $0.location.line, $0.location.column) < (
                $1.location.file, $1.location.line, $1.location.column
            )
        }
        return (IOCCatalog(lists), diagnostics)
    }

    /// Parses the bytes of one list file.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - name: The list's name.
    ///   - file: The path used in diagnostics and entry positions.
    /// - Returns: The list and the problems of its lines.
    public func parse(_ bytes: [UInt8], name: String, file: String) -> (IOCList, [Diagnostic]) {
        var entries: [IOCList.Entry] = []
        var diagnostics: [Diagnostic] = []
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var lineNumber = 0
        while start <= bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = bytes[start..<lineEnd]
            if let text = Self.decode(line, file: file, line: lineNumber, diagnostics: &diagnostics) {
                if let (value, column) = Self.value(of: text) {
                    let location = SourceLocation(file: file, line: lineNumber, column: column)
                    if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                        diagnostics.append(
                            Diagnostic(
                                .iocEntryInvalid, "the value contains a control character and is skipped",
                                at: location))
                    } else {
                        entries.append(IOCList.Entry(value, location: location))
                    }
                }
            }
            if end >= bytes.count { break }
            start = end + 1
        }
        return (IOCList(name: name, file: file, entries: entries), diagnostics)
    }

    /// The line as a string, or `nil` (and an `ioc.read` error at the first bad byte) when it is not UTF-8.
    private static func decode(
        _ line: ArraySlice<UInt8>, file: String, line number: Int, diagnostics: inout [Diagnostic]
    ) -> String? {
        if let text = String(validating: line, as: UTF8.self) { return text }
        var iterator = line.makeIterator()
        var decoder = UTF8()
        var column = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: column += 1
            case .emptyInput, .error: break loop
            }
        }
        diagnostics.append(
            Diagnostic(
                .iocRead, "the line is not valid UTF-8 and is skipped",
                at: SourceLocation(file: file, line: number, column: column)))
        return nil
    }

    /// The value of a line (comment removed, trimmed) and the 1-based column where it starts, or `nil`.
    ///
    /// Works on the UTF-8 bytes: `#`, space and tab are ASCII and never part of a longer sequence, and only
    /// spaces and tabs precede the value, so its byte offset is its column.
    static func value(of line: String) -> (String, Int)? {
        var line = line
        return line.withUTF8 { bytes -> (String, Int)? in
            func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            let end =
                bytes.indices.first { bytes[$0] == UInt8(ascii: "#") && ($0 == 0 || isSpace(bytes[$0 - 1])) } ?? bytes.count
            guard let first = bytes[..<end].firstIndex(where: { !isSpace($0) }),
                let last = bytes[..<end].lastIndex(where: { !isSpace($0) })
            else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self), first + 1)
        }
    }
}
