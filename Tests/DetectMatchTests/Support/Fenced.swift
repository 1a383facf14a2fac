/// Runs `body` on `value`'s UTF-8 bytes placed inside a larger buffer whose bytes before and after are
/// `fence`, so that a matcher reading outside the slice it was given would see the fence (and, with a
/// fence made of needle bytes, report a false match).
func withFencedBytes<Result>(
    _ value: String, fence: String = "", body: (UnsafeRawBufferPointer) -> Result
) -> Result {
    let before = Array(fence.utf8)
    let middle = Array(value.utf8)
    let buffer = before + middle + before
    return buffer.withUnsafeBytes { all in
        body(UnsafeRawBufferPointer(rebasing: all[before.count..<(before.count + middle.count)]))
    }
}
