import DetectCore
import DetectJSON

/// Fields every dataset derives the same way, after its table rows.
extension ECSNormalizer {
    /// `@timestamp` from the first present time field of the dataset (the text a `.timestamp` rule made
    /// of the same field is shared, not formatted again).
    mutating func deriveTimestamp(_ mapping: CompiledMapping, in event: inout Event) {
        let target = self.catalog.ids.timestamp
        guard !event.has(target) else { return }
        for slot in mapping.timestampSlots {
            guard let node = self.rawValue(slot: slot, subpath: [], in: event.tape) else { continue }
            if let formatted = self.scratch.formattedTime, formatted.raw == node {
                event.set(target, node: formatted.text)
                return
            }
            guard let time = self.time(of: node, in: event.tape) else { continue }
            time.withRFC3339 { event.setString(target, UnsafeRawBufferPointer($0)) }
            return
        }
    }

    /// `url.original` from raw parts when the dataset has them, then `url.*` from `url.original`.
    mutating func deriveURL(_ mapping: CompiledMapping, in event: inout Event) {
        let ids = self.catalog.ids
        if let source = mapping.url, !event.has(ids.urlOriginal) {
            self.buildURL(source, in: &event)
        }
        guard let original = event.node(ids.urlOriginal), let source = self.textSource(of: original, event.tape),
            let parts = Self.withText(of: source, event.tape, scratch: self.scratch.text, { URLParts(parsing: $0) })
        else { return }
        if parts.scheme != nil, parts.host != nil, !event.has(ids.urlFull) {
            event.set(ids.urlFull, node: original)
        }
        self.setPartUnlessSet(ids.urlScheme, parts.scheme, of: source, in: &event)
        self.setPartUnlessSet(ids.urlDomain, parts.host, of: source, in: &event)
        self.setPartUnlessSet(ids.urlPath, parts.path, of: source, in: &event)
        self.setPartUnlessSet(ids.urlQuery, parts.query, of: source, in: &event)
        self.setPartUnlessSet(ids.urlFragment, parts.fragment, of: source, in: &event)
        self.setPartUnlessSet(ids.urlExtension, parts.extension, of: source, in: &event)
        if let port = parts.effectivePort, !event.has(ids.urlPort) {
            event.setInteger(ids.urlPort, Int64(port))
        }
    }

    /// `scheme://host` + URI (or path and `?query`), the way Cloudflare splits a request URL, built in
    /// `scratch.text` (the query in `scratch.text2`).
    private mutating func buildURL(
        _ source: (scheme: Int?, host: Int?, uri: Int?, path: Int?, query: Int?), in event: inout Event
    ) {
        let tape = event.tape
        self.scratch.text.removeAll(keepingCapacity: true)
        if let host = self.rawValue(source.host, in: tape) {
            if let scheme = self.rawValue(source.scheme, in: tape) {
                tape.appendText(of: scheme, to: &self.scratch.text)
            } else {
                self.scratch.text.append(contentsOf: "http".utf8)
            }
            self.scratch.text.append(contentsOf: "://".utf8)
            tape.appendText(of: host, to: &self.scratch.text)
        }
        if let uri = self.rawValue(source.uri, in: tape) {
            tape.appendText(of: uri, to: &self.scratch.text)
        } else if let path = self.rawValue(source.path, in: tape) {
            tape.appendText(of: path, to: &self.scratch.text)
            if let query = self.rawValue(source.query, in: tape) {
                self.scratch.text2.removeAll(keepingCapacity: true)
                tape.appendText(of: query, to: &self.scratch.text2)
                if self.scratch.text2.first != UInt8(ascii: "?") { self.scratch.text.append(UInt8(ascii: "?")) }
                self.scratch.text.append(contentsOf: self.scratch.text2)
            }
        } else if self.scratch.text.isEmpty {
            return
        }
        self.scratch.text.withUnsafeBytes { event.setString(self.catalog.ids.urlOriginal, $0) }
    }

    /// `registered_domain`, `top_level_domain` and `subdomain` for each domain field, from the Public
    /// Suffix List (ICANN section). IP addresses are not split; a `host/path` value is split on its host.
    mutating func deriveDomainParts(in event: inout Event) {
        for split in self.catalog.ids.domainSplits {
            guard let node = event.node(split.domain), let source = self.textSource(of: node, event.tape) else {
                continue
            }
            let parts = Self.withText(of: source, event.tape, scratch: self.scratch.text) {
                self.scratch.domainSplit.split($0, with: self.suffixes)
            }
            self.setPartUnlessSet(split.registered, parts.registered, of: source, in: &event)
            self.setPartUnlessSet(split.topLevel, parts.topLevel, of: source, in: &event)
            self.setPartUnlessSet(split.subdomain, parts.subdomain, of: source, in: &event)
        }
    }

    /// `<side>.address` from the side's domain, else its IP (source, destination, client, server), and
    /// `host.name` from `host.hostname`.
    mutating func deriveAddresses(in event: inout Event) {
        let ids = self.catalog.ids
        for side in ids.addresses where !event.has(side.address) {
            if let node = event.node(side.domain) ?? event.node(side.ip) {
                event.set(side.address, node: node)
            }
        }
        if !event.has(ids.hostName), let hostname = event.node(ids.hostHostname) {
            event.set(ids.hostName, node: hostname)
        }
    }

    /// `related.ip`, `related.hosts`, `related.user` and `related.hash`: the distinct values a table row
    /// wrote there itself (`.host` of links), of the ECS fields that hold them, then of the dataset's
    /// extra raw fields, in that order.
    mutating func deriveRelated(_ mapping: CompiledMapping, in event: inout Event) {
        let ids = self.catalog.ids
        self.collectRelated(ids.relatedIP, fields: ids.relatedIPSources, raw: mapping.related.ip, isIP: true, in: &event)
        self.collectRelated(ids.relatedHosts, fields: ids.relatedHostSources, raw: mapping.related.hosts, in: &event)
        self.collectRelated(ids.relatedUser, fields: ids.relatedUserSources, raw: mapping.related.user, in: &event)
        self.collectRelated(ids.relatedHash, fields: ids.relatedHashSources, raw: mapping.related.hash, in: &event)
    }

    private mutating func collectRelated(
        _ target: FieldID, fields: [FieldID], raw: [Int], isIP: Bool = false, in event: inout Event
    ) {
        self.scratch.related.removeAll()
        let tape = event.tape
        if let written = event.node(target) { self.addRelated(written, tape, isIP: isIP) }
        for field in fields {
            if let node = event.node(field) { self.addRelated(node, tape, isIP: false) }
        }
        for slot in raw {
            if let node = self.rawValue(slot: slot, subpath: [], in: tape) { self.addRelated(node, tape, isIP: isIP) }
        }
        guard !self.scratch.related.isEmpty else { return }
        let array = event.tape.openContainer(.array)
        for index in 0..<self.scratch.related.count {
            if let node = self.scratch.related.node(at: index) {
                event.tape.appendCopy(of: node)
            } else {
                self.scratch.related.withValue(at: index) { _ = event.tape.appendString($0) }
            }
        }
        event.tape.closeContainer(array, count: self.scratch.related.count)
        event.set(target, node: array)
    }

    /// Adds the text of a value (each element of an array) unless already present; IPs are validated and
    /// made canonical when `isIP`.
    private mutating func addRelated(_ node: Int, _ tape: ValueTape, isIP: Bool) {
        if tape.nodes[node].kind == .array {
            for element in tape.elements(of: node) { self.addRelated(element, tape, isIP: isIP) }
            return
        }
        guard let source = self.textSource(of: node, tape) else { return }
        if isIP {
            guard self.canonicalizeIP(source, tape) else { return }
            self.scratch.text2.withUnsafeBytes { self.scratch.related.insert($0) }
        } else if case .tape = source {
            tape.withText(of: node) { self.scratch.related.insert($0, node: node) }
        } else {
            self.scratch.text.withUnsafeBytes { self.scratch.related.insert($0) }
        }
    }

    /// ``setPart(_:_:of:in:)`` when `field` has no value yet.
    private func setPartUnlessSet(_ field: FieldID, _ range: Range<Int>?, of source: TextSource, in event: inout Event) {
        guard !event.has(field) else { return }
        self.setPart(field, range, of: source, in: &event)
    }
}
