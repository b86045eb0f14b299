/// A fast matcher for the simple patterns schemas mostly use (`^[A-Za-z0-9]+$`,
/// `^M[0-9]{2}$`, `^\d{4}-\d{2}-\d{2}$`): a sequence of ASCII literals and non-negated ASCII
/// classes, each with an optional quantifier, optionally anchored. Matches UTF-8 bytes
/// directly (no bridging to ICU). Patterns outside this subset return nil from `init` and
/// go to `NSRegularExpression`.
struct SimplePattern: Sendable {
    /// One position of the pattern: the bytes it accepts and how often.
    struct Atom: Sendable {
        var accepts: [Bool]  // 128 entries
        var min: Int
        var max: Int  // Int.max for unbounded
    }

    let atoms: [Atom]
    let anchoredStart: Bool
    let anchoredEnd: Bool

    init?(_ pattern: String) {
        var p = Array(pattern.utf8)
        guard p.allSatisfy({ $0 < 128 }) else { return nil }
        var start = false, end = false
        if p.first == UInt8(ascii: "^") { start = true; p.removeFirst() }
        if p.last == UInt8(ascii: "$"), !(p.count >= 2 && p[p.count - 2] == UInt8(ascii: "\\")) { end = true; p.removeLast() }
        var atoms: [Atom] = []
        var i = 0
        while i < p.count {
            var accepts = [Bool](repeating: false, count: 128)
            let c = p[i]
            switch c {
            case UInt8(ascii: "["):
                i += 1
                guard i < p.count, p[i] != UInt8(ascii: "^") else { return nil }
                var closed = false
                while i < p.count {
                    var lo = p[i]
                    if lo == UInt8(ascii: "]") { closed = true; i += 1; break }
                    if lo == UInt8(ascii: "\\") {
                        guard i + 1 < p.count else { return nil }
                        let e = p[i + 1]
                        if e == UInt8(ascii: "d") { for d in 48...57 { accepts[d] = true }; i += 2; continue }
                        guard Self.isPunctuation(e) else { return nil }
                        lo = e
                        i += 1
                    } else if lo == UInt8(ascii: "[") {
                        return nil
                    }
                    if i + 2 < p.count, p[i + 1] == UInt8(ascii: "-"), p[i + 2] != UInt8(ascii: "]") {
                        let hi = p[i + 2]
                        guard hi != UInt8(ascii: "\\"), hi != UInt8(ascii: "["), lo <= hi else { return nil }
                        for b in lo...hi { accepts[Int(b)] = true }
                        i += 3
                    } else {
                        accepts[Int(lo)] = true
                        i += 1
                    }
                }
                guard closed else { return nil }
            case UInt8(ascii: "\\"):
                guard i + 1 < p.count else { return nil }
                let e = p[i + 1]
                if e == UInt8(ascii: "d") { for d in 48...57 { accepts[d] = true } }
                else if Self.isPunctuation(e) { accepts[Int(e)] = true }
                else { return nil }
                i += 2
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "."), UInt8(ascii: "^"),
                 UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: "]"):
                return nil
            default:
                accepts[Int(c)] = true
                i += 1
            }
            var minCount = 1, maxCount = 1
            if i < p.count {
                switch p[i] {
                case UInt8(ascii: "+"): minCount = 1; maxCount = Int.max; i += 1
                case UInt8(ascii: "*"): minCount = 0; maxCount = Int.max; i += 1
                case UInt8(ascii: "?"): minCount = 0; maxCount = 1; i += 1
                case UInt8(ascii: "{"):
                    guard let close = p[i...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                    let body = String(decoding: p[(i + 1)..<close], as: UTF8.self)
                    let parts = body.split(separator: ",", omittingEmptySubsequences: false)
                    guard (1...2).contains(parts.count), let lo = Int(parts[0]) else { return nil }
                    minCount = lo
                    maxCount = parts.count == 1 ? lo : (parts[1].isEmpty ? Int.max : (Int(parts[1]) ?? -1))
                    guard maxCount >= minCount else { return nil }
                    i = close + 1
                default: break
                }
                // Lazy or possessive quantifiers are not in the subset.
                if i < p.count, p[i] == UInt8(ascii: "?") || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "*") { return nil }
            }
            atoms.append(Atom(accepts: accepts, min: minCount, max: maxCount))
        }
        self.atoms = atoms
        anchoredStart = start
        anchoredEnd = end
    }

    static func isPunctuation(_ b: UInt8) -> Bool {
        (33...47).contains(b) || (58...64).contains(b) || (91...96).contains(b) || (123...126).contains(b)
    }

    func matches(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            if anchoredStart { return match(bytes, 0, atom: 0) }
            for start in 0...bytes.count where match(bytes, start, atom: 0) { return true }
            return false
        }
    }

    /// Backtracking match of atoms[atom...] at bytes[at...]. Non-ASCII bytes match no atom.
    private func match(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, atom: Int) -> Bool {
        if atom == atoms.count { return !anchoredEnd || at == bytes.count }
        let a = atoms[atom]
        var n = 0
        while n < a.max, at + n < bytes.count, bytes[at + n] < 128, a.accepts[Int(bytes[at + n])] { n += 1 }
        if n < a.min { return false }
        if atom + 1 == atoms.count && anchoredEnd { return at + n == bytes.count }
        while n >= a.min {
            if match(bytes, at + n, atom: atom + 1) { return true }
            n -= 1
        }
        return false
    }
}
