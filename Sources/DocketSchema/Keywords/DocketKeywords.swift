import DocketCore

/// Docket's custom vocabulary (always on; see docs/schema.md):
/// - `x-docket-maxWords: n` — text of more than n words is an error;
/// - `x-docket-suggestedMaxWords: n` — more than n words is a warning (e.g. R000-10,
///   "suggested 500 words or less");
/// - `x-docket-suggestedPages: [min, max]` — a page estimate (words ÷ `wordsPerPage`)
///   outside the range is a warning; on an object or array (a form section) the words of every
///   string inside it count;
/// - `x-docket-formatAssert: true` at a schema root — `format` is an assertion there (as with
///   `SchemaOptions.formatAssertion`), so a deliverable's emails and dates are checked by
///   default (read by `Compiler`);
/// - `x-docket-patternDescription: "letters and digits only"` beside a `pattern` — what the
///   pattern asks for, in words: the message of a value that does not match (read by
///   `StringKeywords`);
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
        if let text = c.object["x-docket-patternDescription"] {
            if text.stringValue?.isEmpty != false {
                c.error("x-docket-patternDescription", "must be a non-empty text saying what the pattern asks for")
            } else if c.object["pattern"] == nil {
                c.error("x-docket-patternDescription", "describes a pattern: put it beside `pattern`")
            }
        }
        if let flag = c.object["x-docket-formatAssert"] {
            // Read by the compiler (`Compiler.vocabularies(for:)`); checked here.
            if flag.boolValue == nil {
                c.error("x-docket-formatAssert", "must be true or false")
            } else if !c.node.isResourceRoot {
                c.error("x-docket-formatAssert", "is honoured only at a schema root (a document or a subschema with $id)")
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
        guard e.collect else { return true }
        let what: String
        switch instance {
        case .string: what = "text"
        case .object, .array: what = "section"
        default: return true
        }
        let words = WordCount.count(in: instance)
        let pages = Double(words) / Double(wordsPerPage)
        if !range.contains(pages) {
            let shown = (pages * 10).rounded() / 10
            e.warn(self, "\(what) is about \(shown) pages (\(words) words at \(wordsPerPage) words per page); "
                + "suggested \(JSONWriter.formatDouble(range.lowerBound))–\(JSONWriter.formatDouble(range.upperBound)) pages")
        }
        return true
    }
}
