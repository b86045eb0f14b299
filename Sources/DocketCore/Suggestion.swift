/// "Did you mean …?" hints for mistyped ids, names and keys.
public enum Suggestion {
    /// Levenshtein distance between two strings (in characters).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    /// The candidate closest to `word`, if it is within `maxDistance` edits.
    public static func closest(to word: String, in candidates: [String], maxDistance: Int = 4) -> String? {
        guard let best = candidates.min(by: { distance($0, word) < distance($1, word) }) else { return nil }
        return distance(best, word) <= maxDistance ? best : nil
    }
}
