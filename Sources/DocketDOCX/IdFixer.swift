/// Makes ids unique after content was repeated: drawing `wp:docPr` ids, bookmark ids and names,
/// content-control `w:id`s and Word 2010 paragraph/text ids (`w14:paraId`, `w14:textId`). Ids
/// are renumbered in document order, across all parts of one fill, so the result is
/// deterministic. Works on the rendered text without parsing it again.
struct IdFixer {
    private var docPr = 0
    private var bookmark = 0
    private var sdt = 0
    private var paraId = 0
    private var textId = 0
    private var bookmarkNames: Set<String> = []

    mutating func fix(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.contains(0x3C) else { return text }
        bytes = replaceValues(bytes, after: Array("<wp:docPr id=\"".utf8)) { _ in docPr += 1; return String(docPr) }
        bytes = replaceValues(bytes, after: Array("<w:id w:val=\"".utf8)) { _ in sdt += 1; return String(sdt) }
        bytes = replaceValues(bytes, after: Array(" w14:paraId=\"".utf8)) { _ in paraId += 1; return Self.hex(paraId) }
        bytes = replaceValues(bytes, after: Array(" w14:textId=\"".utf8)) { _ in textId += 1; return Self.hex(textId) }
        bytes = fixBookmarks(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hex(_ n: Int) -> String {
        let s = String(n, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - s.count)) + s
    }

    /// Replaces the attribute value following each occurrence of `marker` (which ends with `="`).
    private func replaceValues(_ b: [UInt8], after marker: [UInt8], _ next: (String) -> String) -> [UInt8] {
        guard ByteSearch.contains(b, marker) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 64)
        var i = 0
        while i < b.count {
            if b[i] == marker[0], matches(b, marker, at: i) {
                out += marker
                var j = i + marker.count
                while j < b.count, b[j] != 0x22 { j += 1 }
                out += Array(next(String(decoding: b[(i + marker.count)..<j], as: UTF8.self)).utf8)
                i = j
                continue
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    private func matches(_ b: [UInt8], _ m: [UInt8], at i: Int) -> Bool {
        guard i + m.count <= b.count else { return false }
        for k in 0..<m.count where b[i + k] != m[k] { return false }
        return true
    }

    /// Bookmark starts get new ids (their ends follow the same mapping) and unique names.
    private mutating func fixBookmarks(_ b: [UInt8]) -> [UInt8] {
        let start = Array("<w:bookmarkStart ".utf8), end = Array("<w:bookmarkEnd ".utf8)
        guard ByteSearch.contains(b, start) else { return b }
        let idMarker = Array(" w:id=\"".utf8), nameMarker = Array(" w:name=\"".utf8)
        var open: [String: [String]] = [:]
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            let isStart = b[i] == 0x3C && matches(b, start, at: i)
            let isEnd = !isStart && b[i] == 0x3C && matches(b, end, at: i)
            guard isStart || isEnd else { out.append(b[i]); i += 1; continue }
            var close = i
            while close < b.count, b[close] != 0x3E { close += 1 }
            var tag = Array(b[i..<min(close + 1, b.count)])
            if isStart {
                bookmark += 1
                let newId = String(bookmark)
                tag = replaceValues(tag, after: idMarker) { old in open[old, default: []].append(newId); return newId }
                tag = replaceValues(tag, after: nameMarker) { old in uniqueName(old) }
            } else {
                tag = replaceValues(tag, after: idMarker) { old in
                    guard var ids = open[old], !ids.isEmpty else { return old }
                    let id = ids.removeFirst()
                    open[old] = ids
                    return id
                }
            }
            out += tag
            i = close + 1
        }
        return out
    }

    private mutating func uniqueName(_ name: String) -> String {
        var candidate = name
        var n = 1
        while bookmarkNames.contains(candidate) {
            n += 1
            candidate = "\(name)_\(n)"
        }
        bookmarkNames.insert(candidate)
        return candidate
    }
}
