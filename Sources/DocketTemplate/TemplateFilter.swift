import DocketCore

/// A function applied to a value in a tag: `{{date(due)}}`, `{{#count(goals)}}`.
/// Its result is escaped for the output format like any value.
public struct TemplateFilter: Sendable {
    /// When true the filter is called with nil for an absent key instead of reporting it missing.
    public var acceptsMissing: Bool
    public var apply: @Sendable (JSONValue?) -> JSONValue

    public init(acceptsMissing: Bool = false, _ apply: @escaping @Sendable (JSONValue?) -> JSONValue) {
        self.acceptsMissing = acceptsMissing
        self.apply = apply
    }
}

/// The filters every template has (docs/template-language.md).
public enum BuiltinFilters {
    public static let all: [String: TemplateFilter] = [
        "check": TemplateFilter { .string(isYes($0) ? "☒" : "☐") },
        "checkNo": TemplateFilter { .string(isNo($0) ? "☒" : "☐") },
        "yesno": TemplateFilter { v in isYes(v) ? "Yes" : isNo(v) ? "No" : "" },
        "date": TemplateFilter { v in .string(longDate(v?.stringValue) ?? text(v)) },
        "mmddyyyy": TemplateFilter { v in .string(mmddyyyy(v?.stringValue) ?? text(v)) },
        "upper": TemplateFilter { .string(text($0).uppercased()) },
        "lower": TemplateFilter { .string(text($0).lowercased()) },
        "count": TemplateFilter(acceptsMissing: true) { v in
            switch v {
            case .array(let a): return .int(a.count)
            case .object(let o): return .int(o.count)
            case nil, .null: return 0
            default: return 1
            }
        },
        "words": TemplateFilter(acceptsMissing: true) { .int(wordCount(text($0))) },
        "list": TemplateFilter { v in
            let items = (v?.arrayValue ?? []).map(text)
            switch items.count {
            case 0: return ""
            case 1: return .string(items[0])
            default: return .string(items.dropLast().joined(separator: ", ") + " and " + (items.last ?? ""))
            }
        },
    ]

    static func isYes(_ v: JSONValue?) -> Bool {
        switch v {
        case .bool(true): return true
        case .string(let s): return ["yes", "true", "y", "x"].contains(s.lowercased())
        default: return false
        }
    }

    static func isNo(_ v: JSONValue?) -> Bool {
        switch v {
        case .bool(false): return true
        case .string(let s): return ["no", "false", "n"].contains(s.lowercased())
        default: return false
        }
    }

    /// The text a value prints as.
    public static func text(_ v: JSONValue?) -> String { v?.printedText ?? "" }

    /// Words as Docket's length limits count them (`WordCount`, docs/schema.md).
    public static func wordCount(_ s: String) -> Int { WordCount.count(s) }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    static func ymd(_ s: String?) -> (Int, Int, Int)? {
        guard let s, s.count >= 10 else { return nil }
        let p = s.prefix(10).split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    public static func longDate(_ s: String?) -> String? {
        guard let (y, m, d) = ymd(s) else { return nil }
        return "\(months[m - 1]) \(d), \(y)"
    }

    public static func mmddyyyy(_ s: String?) -> String? {
        guard let (y, m, d) = ymd(s) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return two(m) + two(d) + String(y)
    }
}
