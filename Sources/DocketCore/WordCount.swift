/// Word counting for Docket's length limits: whitespace-separated tokens of the text after
/// Markdown markup is stripped roughly (emphasis and code marks, heading and quote markers,
/// list bullets, link targets, HTML tags). Tokens made only of punctuation do not count.
/// The seed documents never say how words are counted (see R000-10), so this method is
/// documented in docs/schema.md.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        var hasAlnum = false
        var inTag = false
        var inLinkTarget = false
        var previous: Character = " "
        for ch in text {
            if inTag { if ch == ">" { inTag = false }; previous = ch; continue }
            if inLinkTarget { if ch == ")" { inLinkTarget = false }; previous = ch; continue }
            if ch == "<" { inTag = true; continue }
            if ch == "(" && previous == "]" { inLinkTarget = true; continue }
            previous = ch
            if ch.isWhitespace {
                if inWord && hasAlnum { words += 1 }
                inWord = false
                hasAlnum = false
                continue
            }
            inWord = true
            if ch.isLetter || ch.isNumber { hasAlnum = true }
        }
        if inWord && hasAlnum { words += 1 }
        return words
    }
}

extension WordCount {
    /// The words of every string inside `value` (object values and array items, recursively;
    /// keys, numbers and booleans do not count): the length of a whole form section.
    public static func count(in value: JSONValue) -> Int {
        switch value {
        case .string(let s): return count(s)
        case .array(let a): return a.reduce(0) { $0 + count(in: $1) }
        case .object(let o): return o.values.reduce(0) { $0 + count(in: $1) }
        default: return 0
        }
    }
}
