/// Substring search on UTF-8 bytes. Foundation's `String.contains(_:)` on Linux converts to
/// UTF-16 first, which dominated compile time on large parts.
enum ByteSearch {
    /// True when `needle` occurs in `haystack`.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack
        return h.withUTF8 { hb in contains(hb, Array(needle.utf8)) }
    }

    static func contains(_ hb: UnsafeBufferPointer<UInt8>, _ nb: [UInt8]) -> Bool {
        guard let first = nb.first, hb.count >= nb.count else { return nb.isEmpty }
        let last = hb.count - nb.count
        var i = 0
        while i <= last {
            if hb[i] == first {
                var k = 1
                while k < nb.count && hb[i + k] == nb[k] { k += 1 }
                if k == nb.count { return true }
            }
            i += 1
        }
        return false
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, needle) }
    }
}
