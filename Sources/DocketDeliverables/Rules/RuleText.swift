import DocketCore
import DocketSchema
import Foundation

/// Small readers the rules share.
enum RuleText {
    /// True when the value is absent, `null`, or text with nothing but whitespace.
    static func isBlank(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .string(let s)?: return s.allSatisfy(\.isWhitespace)
        case .array(let a)?: return a.isEmpty
        case .object(let o)?: return o.isEmpty
        default: return false
        }
    }

    /// Words of a text value as Docket counts them everywhere (DocketSchema `WordCount`).
    static func words(_ value: JSONValue?) -> Int { WordCount.count(value?.stringValue ?? "") }

    /// Lower case, the parenthetical removed, runs of non-alphanumerics as one space: so
    /// "Maternal morbidity measure" matches "maternal morbidity measure (specific measure to be …)".
    static func key(_ text: String) -> String {
        var s = text
        if let open = s.firstIndex(of: "(") { s = String(s[..<open]) }
        var out = ""
        var gap = false
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber {
                if gap && !out.isEmpty { out.append(" ") }
                out.append(ch)
                gap = false
            } else {
                gap = true
            }
        }
        return out
    }

    /// The words of `text` in lower case: runs of letters and digits ("Follow-up" is two words).
    static func words(in text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Whether `words` (from `words(in:)`) contain `keyword` as whole words: "age" is in "age
    /// bands" but not in "language" or "percentage". A trailing `*` makes the keyword's last
    /// word a prefix ("disab*" matches "disability", "disabled"); a keyword of several words
    /// ("time allotted") matches them in a row.
    static func mentions(_ words: [String], _ keyword: String) -> Bool {
        var parts = self.words(in: keyword)
        guard !parts.isEmpty else { return false }
        let prefix = keyword.trimmingCharacters(in: .whitespaces).hasSuffix("*")
        let last = parts.removeLast()
        guard words.count > parts.count else { return false }
        for start in 0..<(words.count - parts.count) {
            guard zip(parts, words[start...]).allSatisfy({ $0 == $1 }) else { continue }
            let word = words[start + parts.count]
            if prefix ? word.hasPrefix(last) : word == last { return true }
        }
        return false
    }

    /// Whether `text` mentions any of `keywords` (see `mentions(_:_:)`).
    static func mentions(_ text: String, anyOf keywords: [String]) -> Bool {
        let words = Self.words(in: text)
        return keywords.contains { mentions(words, $0) }
    }

    /// The strings of a list value (other items skipped).
    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// `a, b and c`.
    static func list(_ items: [String], conjunction: String = "and") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }
}
