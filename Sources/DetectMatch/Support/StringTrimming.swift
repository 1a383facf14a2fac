extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, carriage returns and line feeds.
    var trimmingASCIIWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        let string = Substring(self)
        guard let first = string.firstIndex(where: { !isSpace($0) }),
            let last = string.lastIndex(where: { !isSpace($0) })
        else { return string[string.endIndex...] }
        return string[first...last]
    }
}
