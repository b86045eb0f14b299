import DocketCore

/// Docket's custom vocabulary (always on; see docs/schema.md):
/// - `x-docket-maxWords: n` — text of more than n words is an error;
/// - `x-docket-suggestedMaxWords: n` — more than n words is a warning (e.g. R000-10,
///   "suggested 500 words or less");
/// - `x-docket-suggestedPages: [min, max]` — a page estimate (words ÷ `wordsPerPage`)
///   outside the range is a warning;
/// - `x-docket-rule: "R000-10"` — the rule id errors and warnings inside this subschema carry
///   (handled by `SchemaNode`).
enum DocketKeywords {
    static let warningKeywords = ["x-docket-suggestedMaxWords", "x-docket-suggestedPages"]

    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        if let value = c.object["x-docket-maxWords"] {
            if let n = value.intValue, n >= 0 {
                out.append(CheckKeyword("x-docket-maxWords", c.absolute, {
                    guard case .string(let s) = $0 else { return true }
                    return WordCount.count(s) <= n
                }, { "text has \(Plural.count(WordCount.count($0.stringValue ?? ""), "word")); at most \(n) allowed" }))
            } else {
                c.error("x-docket-maxWords", "must be a non-negative integer")
            }
        }
        if let value = c.object["x-docket-suggestedMaxWords"] {
            if let n = value.intValue, n >= 0 {
                out.append(SuggestedWordsKeyword(parent: c.absolute, maxWords: n))
            } else {
                c.error("x-docket-suggestedMaxWords", "must be a non-negative integer")
            }
        }
        if let value = c.object["x-docket-suggestedPages"] {
            if case .array(let a) = value, a.count == 2, let lo = a[0].numericValue, let hi = a[1].numericValue, lo <= hi {
                out.append(SuggestedPagesKeyword(parent: c.absolute, range: lo...hi, wordsPerPage: c.options.wordsPerPage))
            } else {
                c.error("x-docket-suggestedPages", "must be [minimum, maximum] page counts")
            }
        }
        if let rule = c.object["x-docket-rule"], rule.stringValue == nil {
            c.error("x-docket-rule", "must be a rule id string such as \"R000-10\"")
        }
        return out
    }

    /// Whether any warning keyword occurs anywhere in `schema` (a cheap textual scan).
    static func usesWarnings(_ schema: JSONValue) -> Bool {
        switch schema {
        case .object(let o):
            if warningKeywords.contains(where: { o[$0] != nil }) { return true }
            return o.values.contains(where: usesWarnings)
        case .array(let a): return a.contains(where: usesWarnings)
        default: return false
        }
    }
}

final class SuggestedWordsKeyword: KeywordBase, @unchecked Sendable {
    let maxWords: Int
    init(parent: String, maxWords: Int) {
        self.maxWords = maxWords
        super.init(name: "x-docket-suggestedMaxWords", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard e.collect, case .string(let s) = instance else { return true }
        let words = WordCount.count(s)
        if words > maxWords { e.warn(self, "text has \(Plural.count(words, "word")); the suggested maximum is \(maxWords)") }
        return true
    }
}

final class SuggestedPagesKeyword: KeywordBase, @unchecked Sendable {
    let range: ClosedRange<Double>
    let wordsPerPage: Int
    init(parent: String, range: ClosedRange<Double>, wordsPerPage: Int) {
        self.range = range
        self.wordsPerPage = max(1, wordsPerPage)
        super.init(name: "x-docket-suggestedPages", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard e.collect, case .string(let s) = instance else { return true }
        let words = WordCount.count(s)
        let pages = Double(words) / Double(wordsPerPage)
        if !range.contains(pages) {
            let shown = (pages * 10).rounded() / 10
            e.warn(self, "text is about \(shown) pages (\(words) words at \(wordsPerPage) words per page); "
                + "suggested \(JSONWriter.formatDouble(range.lowerBound))–\(JSONWriter.formatDouble(range.upperBound)) pages")
        }
        return true
    }
}
