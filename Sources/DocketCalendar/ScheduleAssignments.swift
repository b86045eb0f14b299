import Foundation

/// `id=value` pairs of the schedule's options (`--choose choice=alternative`,
/// `--trigger event=date`): the one parser, strict (no empty id or value, no id given twice with
/// different values).
public enum ScheduleAssignments {
    public enum Problem: Error, Sendable, Equatable {
        case notAPair(String)
        case twice(key: String, first: String, second: String)
    }

    public static func parse(_ items: [String]) throws(Problem) -> [String: String] {
        var out: [String: String] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .notAPair(item) }
            if let old = out[parts[0]], old != parts[1] { throw .twice(key: parts[0], first: old, second: parts[1]) }
            out[parts[0]] = parts[1]
        }
        return out
    }
}

/// `--remind 30,7,1`: reminder offsets in days before the due date.
public enum ReminderDays {
    /// Positive whole days (1-3660), in the order given, without repeats; the bad token on failure.
    public static func parse(_ text: String) -> Result<[Int], BadToken> {
        var out: [Int] = []
        for token in text.split(separator: ",", omittingEmptySubsequences: false) {
            let t = token.trimmingCharacters(in: .whitespaces)
            guard let n = Int(t), n > 0, n <= 3660 else { return .failure(BadToken(token: t)) }
            if !out.contains(n) { out.append(n) }
        }
        return .success(out)
    }

    public struct BadToken: Error, Sendable, Equatable {
        public var token: String
    }
}
