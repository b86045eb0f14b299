import Foundation

/// Calendar dates as `YYYY-MM-DD` strings (UTC, proleptic Gregorian), validated strictly.
public enum TrackDate {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The date if `text` is a real `YYYY-MM-DD` date (2023-02-30 is refused).
    public static func parse(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let comps = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: comps) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == y && back.month == m && back.day == d ? comps : nil
    }

    /// Validates a user-supplied date, naming the option and the expected form.
    public static func require(_ text: String, option: String) throws(TrackerError) -> String {
        guard parse(text) != nil else {
            throw TrackerError.invalid(rule: "track.bad-date",
                "\(option): \"\(text)\" is not a valid date; write YYYY-MM-DD, e.g. 2024-09-30")
        }
        return text
    }

    /// Whole days from `a` to `b` (positive when `b` is later).
    public static func days(from a: String, to b: String) -> Int? {
        guard let ca = parse(a), let cb = parse(b),
              let da = calendar.date(from: ca), let db = calendar.date(from: cb) else { return nil }
        return calendar.dateComponents([.day], from: da, to: db).day
    }

    /// `date` plus `n` days.
    public static func adding(_ n: Int, to date: String) -> String? {
        guard let c = parse(date), let d = calendar.date(from: c),
              let r = calendar.date(byAdding: .day, value: n, to: d) else { return nil }
        return string(r)
    }

    public static func string(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
