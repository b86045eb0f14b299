/// Substring search on UTF-8 bytes. Foundation's `String.contains(_:)` on Linux converts to
/// UTF-16 first, which dominated compile time on large parts.
enum ByteSearch {
    /// True when `needle` occurs in `haystack`.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack
        return h.withUTF8 { hb in contains(hb, Array(needle.utf8)) }
    }

    static func contains(_ hb: UnsafeBufferPointer<UInt8>, _ nb: [UInt8]) -> Bool {
        nb.isEmpty || firstOffset(of: nb, in: hb) != nil
    }

    /// The offset of the first occurrence of `nb` in `hb`, or nil.
    static func firstOffset(of nb: [UInt8], in hb: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = nb.first, hb.count >= nb.count else { return nil }
        let last = hb.count - nb.count
        var i = 0
        while i <= last {
            if hb[i] == first {
                var k = 1
                while k < nb.count && hb[i + k] == nb[k] { k += 1 }
                if k == nb.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func firstOffset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstOffset(of: needle, in: $0) }
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, needle) }
    }
}
