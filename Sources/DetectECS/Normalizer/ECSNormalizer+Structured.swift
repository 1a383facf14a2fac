import DetectCore
import DetectJSON

/// Conversions that read or build more than one value: lists fed by several rows, members picked out of
/// arrays of objects, objects rebuilt with ECS names, hosts of links and addresses, the Community ID.
extension ECSNormalizer {
    /// Applies a row in append mode: the converted value (each element of an array) is added to the
    /// target array, after what earlier rows put there, without duplicates.
    mutating func convertAppending(
        _ node: Int, with conversion: Conversion, to target: FieldID, in event: inout Event
    ) {
        let previous = event.node(target)
        if previous != nil { event.remove(target) }
        self.convert(node, with: conversion, to: target, in: &event)
        let added = event.node(target)
        var items: [Int] = []
        var texts: [[UInt8]] = []
        for value in [previous, added] {
            guard let value else { continue }
            let tape = event.tape
            for item in tape.nodes[value].kind == .array ? tape.elements(of: value) : [value] {
                var text: [UInt8] = []
                if tape.appendText(of: item, to: &text) {
                    if texts.contains(text) { continue }
                    texts.append(text)
                }
                items.append(item)
            }
        }
        guard !items.isEmpty else { return }
        event.setArray(target, copying: items)
    }

    /// `.host`: the host of each URL, or the domain of each e-mail address.
    mutating func convertHost(_ node: Int, to target: FieldID, in event: inout Event) {
        let tape = event.tape
        let isArray = tape.nodes[node].kind == .array
        var hosts: [String] = []
        for element in isArray ? tape.elements(of: node) : [node] where self.loadText(element, tape) {
            guard let host = Self.host(of: self.scratch.text), !hosts.contains(host) else { continue }
            hosts.append(host)
        }
        if isArray, !hosts.isEmpty {
            event.setStrings(target, hosts)
        } else if let host = hosts.first {
            event.setString(target, host)
        }
    }

    /// The host of an absolute URL, or the domain after the last `@` of an address; nil otherwise.
    static func host(of text: [UInt8]) -> String? {
        let hasAuthority = text.indices.dropLast(2).contains { index in
            text[index] == UInt8(ascii: ":") && text[index + 1] == UInt8(ascii: "/")
                && text[index + 2] == UInt8(ascii: "/")
        }
        if hasAuthority {
            return text.withUnsafeBufferPointer { bytes in
                guard let range = URLParts(parsing: bytes)?.hostAddress, !range.isEmpty else { return nil }
                return String(decoding: bytes[range], as: UTF8.self)
            }
        }
        guard let at = text.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let domain = text[(at + 1)...].prefix { $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: " ") }
        guard !domain.isEmpty, !domain.contains(UInt8(ascii: "/")) else { return nil }
        return String(decoding: domain, as: UTF8.self)
    }

    /// `.pluck`: member `key` of each object of an array (or of one object), as an array.
    mutating func convertPluck(_ node: Int, key: String, to target: FieldID, in event: inout Event) {
        let tape = event.tape
        var found: [Int] = []
        for element in Self.objects(in: node, tape) {
            if let value = Self.member(key, of: element, tape) { found.append(value) }
        }
        if !found.isEmpty { event.setArray(target, copying: found) }
    }

    /// `.objects`: each object of an array (or one object) rebuilt from `members`, as an array of objects.
    mutating func convertObjects(
        _ node: Int, members: [(raw: String, ecs: String)], to target: FieldID, in event: inout Event
    ) {
        var built: [[(path: [Substring], node: Int)]] = []
        for element in Self.objects(in: node, event.tape) {
            let picked = members.compactMap { member in
                Self.member(member.raw, of: element, event.tape).map { (member.ecs.split(separator: "."), $0) }
            }
            if !picked.isEmpty { built.append(picked) }
        }
        guard !built.isEmpty else { return }
        let array = event.tape.openContainer(.array)
        for object in built { Self.appendObject(object, level: 0, to: &event.tape) }
        event.tape.closeContainer(array, count: built.count)
        event.set(target, node: array)
    }

    /// `.communityID`: the flow hash of `source.ip`/`port` → `destination.ip`/`port` and the raw protocol.
    mutating func convertCommunityID(_ node: Int, to target: FieldID, in event: inout Event) {
        let ids = self.catalog.ids
        guard self.loadText(node, event.tape), let number = CommunityID.protocolNumber(self.scratch.text),
            let source = self.address(event.node(ids.addresses[0].ip), event.tape),
            let destination = self.address(event.node(ids.addresses[1].ip), event.tape)
        else { return }
        var sourcePort: Int?
        var destinationPort: Int?
        if let port = event.node(ids.sourcePort) { sourcePort = self.integer(of: port, in: event.tape) }
        if let port = event.node(ids.destinationPort) { destinationPort = self.integer(of: port, in: event.tape) }
        guard
            let text = CommunityID.compute(
                source: source, destination: destination, protocolNumber: number, sourcePort: sourcePort,
                destinationPort: destinationPort
            )
        else { return }
        text.withUnsafeBytes { event.setString(target, $0) }
    }

    // MARK: - Helpers

    /// The IP address of a string node.
    private mutating func address(_ node: Int?, _ tape: ValueTape) -> IPAddress? {
        guard let node, tape.nodes[node].kind == .string, self.loadText(node, tape) else { return nil }
        return self.scratch.text.withUnsafeBufferPointer { IPAddress(text: $0) }
    }

    /// The objects of an array node, or the node itself when it is an object.
    private static func objects(in node: Int, _ tape: ValueTape) -> [Int] {
        switch tape.nodes[node].kind {
        case .object: [node]
        case .array: tape.elements(of: node).filter { tape.nodes[$0].kind == .object }
        default: []
        }
    }

    /// The non-empty value of member `key` of the object at `object`.
    private static func member(_ key: String, of object: Int, _ tape: ValueTape) -> Int? {
        var found: Int?
        var key = key
        key.withUTF8 { wanted in
            tape.forEachMember(of: object) { name, value in
                guard found == nil, tape.withText(of: name, { $0.elementsEqual(wanted) }) else { return }
                if !Self.isEmpty(tape.nodes[value]) { found = value }
            }
        }
        return found
    }

    /// Appends an object whose members are `members` from path segment `level` on, nesting the deeper
    /// segments (`file.hash.md5` and `file.name` share one `file` object); the first of clashing paths wins.
    private static func appendObject(
        _ members: [(path: [Substring], node: Int)], level: Int, to tape: inout ValueTape
    ) {
        let object = tape.openContainer(.object)
        var keys: [Substring] = []
        for member in members where !keys.contains(member.path[level]) {
            let key = member.path[level]
            keys.append(key)
            tape.appendString(String(key))
            if member.path.count == level + 1 {
                tape.appendCopy(of: member.node)
            } else {
                let deeper = members.filter { $0.path.count > level + 1 && $0.path[level] == key }
                Self.appendObject(deeper, level: level + 1, to: &tape)
            }
        }
        tape.closeContainer(object, count: keys.count)
    }
}
