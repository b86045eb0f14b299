import Foundation

/// An ECMA-262 regular expression (JSON Schema's `pattern` dialect) run on ICU through
/// `NSRegularExpression`. The pattern is translated where the dialects differ:
/// `\d \w \s` (and negations) get their ASCII/ECMA meanings instead of Unicode ones, `$`
/// means end of input only, `[` inside a class is literal, `[^]` matches anything.
/// Matching is unanchored (a search), as JSON Schema requires.
public final class ECMARegex: @unchecked Sendable {
    public let source: String
    private let regex: NSRegularExpression
    /// Set when the pattern is a plain literal (no metacharacters): matching is `contains`.
    private let literal: String?
    /// Set for simple patterns matched natively on UTF-8 (see `SimplePattern`).
    private let simple: SimplePattern?

    static let whitespace = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"

    /// Nil when the pattern is not a valid expression.
    public init?(_ pattern: String) {
        source = pattern
        guard let translated = Self.translate(pattern),
              let regex = try? NSRegularExpression(pattern: translated, options: []) else { return nil }
        self.regex = regex
        let meta = Set("\\^$.|?*+()[]{}")
        literal = pattern.contains(where: { meta.contains($0) }) ? nil : pattern
        simple = literal == nil ? SimplePattern(pattern) : nil
    }

    public func matches(_ string: String) -> Bool {
        if let literal { return Self.contains(string, literal) }
        if let simple { return simple.matches(string) }
        let ns = string as NSString
        return regex.firstMatch(in: string, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

    /// Substring search on code units (no Unicode canonical equivalence, as in ECMA-262).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        if n.isEmpty { return true }
        let h = Array(haystack.utf8)
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] && h[i..<(i + n.count)].elementsEqual(n) { return true }
        return false
    }

    /// ECMA-262 → ICU. Returns nil for escapes ECMA-262 (with the `u` flag) rejects.
    static func translate(_ pattern: String) -> String? {
        var out = ""
        var inClass = false
        var chars = Array(pattern.unicodeScalars)
        var i = 0
        func next() -> Unicode.Scalar? { i + 1 < chars.count ? chars[i + 1] : nil }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                guard let n = next() else { return nil }
                i += 2
                switch n {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += "[^0-9]"
                case "w": out += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
                case "W": out += "[^a-zA-Z0-9_]"
                case "s": out += inClass ? whitespace : "[\(whitespace)]"
                case "S": out += "[^\(whitespace)]"
                case "a", "e", "A", "z", "Z", "G", "Q", "E", "h", "H", "V", "X", "R", "N":
                    return nil  // not ECMA-262 escapes
                default:
                    out += "\\"
                    out.unicodeScalars.append(n)
                }
                continue
            }
            if inClass {
                switch c {
                case "]": inClass = false; out += "]"
                case "[": out += "\\["
                case "&": out += "\\&"
                default: out.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "[":
                    if next() == "^", i + 2 < chars.count, chars[i + 2] == "]" {
                        out += "[\\s\\S]"; i += 3; continue
                    }
                    if next() == "]" { out += "(?!)"; i += 2; continue }
                    inClass = true
                    out += "["
                    if next() == "^" { out += "^"; i += 1 }
                    if next() == "]" { out += "\\]"; i += 1 }
                case "$": out += "(?!(?s:.))"
                case "(" where next() == "?":
                    // ECMA-262 knows (?: (?= (?! (?<= (?<! (?<name> only; no inline flags or comments.
                    guard i + 2 < chars.count else { return nil }
                    let third = chars[i + 2]
                    if third == "<" {
                        guard i + 3 < chars.count else { return nil }
                        let fourth = chars[i + 3]
                        if fourth != "=" && fourth != "!" && !(Formats.isAlpha(fourth) || fourth == "_" || fourth == "$") { return nil }
                    } else if third != ":" && third != "=" && third != "!" {
                        return nil
                    }
                    out += "("
                default: out.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        chars.removeAll()
        return inClass ? nil : out
    }
}
