import DocketCore
import DocketSchema

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

    /// The strings of a list value (other items skipped).
    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
