/// Per group, the ids and times of its most recent contributing events (at most `width`, in arrival order),
/// in one ring per slot inside flat arrays.
struct ContributorRing {
    let width: Int
    private var times: [Int64] = []
    private var ids: [AlertDigest] = []
    private var starts: [Int32] = []
    private var fills: [Int32] = []

    init(width: Int) {
        self.width = width
    }

    /// Empties `slot` for a new group (growing the arrays for a new slot).
    mutating func reset(_ slot: Int32) {
        let index = Int(slot)
        if index == self.fills.count {
            self.fills.append(0)
            self.starts.append(0)
            self.times.append(contentsOf: repeatElement(0, count: self.width))
            self.ids.append(contentsOf: repeatElement(AlertDigest(high: 0, low: 0), count: self.width))
        } else {
            self.fills[index] = 0
            self.starts[index] = 0
        }
    }

    /// Records a contribution, replacing the oldest when the ring is full.
    mutating func add(_ slot: Int32, time: Int64, id: AlertDigest) {
        guard self.width > 0 else { return }
        let index = Int(slot)
        let base = index * self.width
        let start = Int(self.starts[index])
        let fill = Int(self.fills[index])
        if fill < self.width {
            self.times[base + (start + fill) % self.width] = time
            self.ids[base + (start + fill) % self.width] = id
            self.fills[index] = Int32(fill + 1)
        } else {
            self.times[base + start] = time
            self.ids[base + start] = id
            self.starts[index] = Int32((start + 1) % self.width)
        }
    }

    /// The recorded ids with a time of at least `lower`, oldest recorded first.
    func ids(_ slot: Int32, from lower: Int64) -> [AlertDigest] {
        let index = Int(slot)
        let base = index * self.width
        let start = Int(self.starts[index])
        var result: [AlertDigest] = []
        for offset in 0..<Int(self.fills[index]) {
            let position = base + (start + offset) % self.width
            if self.times[position] >= lower { result.append(self.ids[position]) }
        }
        return result
    }
}
