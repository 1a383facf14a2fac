// MARK: - Setting typed values

extension Event {
    /// Sets `field` to a string (raw, unescaped bytes).
    public mutating func setString(_ field: FieldID, _ text: UnsafeRawBufferPointer) {
        let node = self.tape.appendString(text)
        self.set(field, node: node)
    }

    /// Sets `field` to a string.
    public mutating func setString(_ field: FieldID, _ text: String) {
        let node = self.tape.appendString(text)
        self.set(field, node: node)
    }

    /// Sets `field` to a constant string.
    public mutating func setString(_ field: FieldID, _ text: ConstantString) {
        let node = self.tape.appendString(text)
        self.set(field, node: node)
    }

    public mutating func setInteger(_ field: FieldID, _ value: Int64) {
        self.set(field, node: self.tape.appendInteger(value))
    }

    public mutating func setFloat(_ field: FieldID, _ value: Double) {
        self.set(field, node: self.tape.appendFloat(value))
    }

    public mutating func setBool(_ field: FieldID, _ value: Bool) {
        self.set(field, node: self.tape.appendBool(value))
    }

    /// Sets `field` to an array of strings.
    public mutating func setStrings(_ field: FieldID, _ values: [String]) {
        let array = self.tape.openContainer(.array)
        for value in values { self.tape.appendString(value) }
        self.tape.closeContainer(array, count: values.count)
        self.set(field, node: array)
    }

    /// Sets `field` to an array of constant strings.
    public mutating func setStrings(_ field: FieldID, constants values: [ConstantString]) {
        let array = self.tape.openContainer(.array)
        for value in values { self.tape.appendString(value) }
        self.tape.closeContainer(array, count: values.count)
        self.set(field, node: array)
    }

    /// Sets `field` to an array of copies of the nodes at `nodes` (subtrees allowed).
    public mutating func setArray(_ field: FieldID, copying nodes: [Int]) {
        let array = self.tape.openContainer(.array)
        for node in nodes { self.tape.appendCopy(of: node) }
        self.tape.closeContainer(array, count: nodes.count)
        self.set(field, node: array)
    }
}
