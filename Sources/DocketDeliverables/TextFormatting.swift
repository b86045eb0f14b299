import DocketTemplate

/// Small text helpers for derived sentences and file names.
public enum TextFormatting {
    /// `2019-12-13` → `12/13/2019`, or nil.
    public static func slashDate(_ isoDate: String) -> String? {
        guard let (y, m, d) = parts(isoDate) else { return nil }
        return "\(m)/\(d)/\(y)"
    }

    private static func parts(_ s: String) -> (String, String, String)? {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              p.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        return (String(p[0]), String(p[1]), String(p[2]))
    }

    /// `3237` → `3,237`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// 0…20 as English words ("five"), larger numbers as digits.
    public static func numberWord(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                     "eighteen", "nineteen", "twenty"]
        return words.indices.contains(n) ? words[n] : String(n)
    }

    /// Words in a text (the engine's `words` filter count).
    public static func wordCount(_ text: String) -> Int { BuiltinFilters.wordCount(text) }

    /// Replaces `{name}` placeholders.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var out = text
        for (k, v) in values { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }
}
