import DocketCore
import DocketCalendar
import Foundation

/// Calendar dates as `YYYY-MM-DD` strings (UTC, proleptic Gregorian), validated strictly.
public enum TrackDate {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 0) ?? .gmt
        return c
    }()

    /// The date if `text` is a real `YYYY-MM-DD` date (2023-02-30 is refused): `LocalDate`'s rules.
    public static func parse(_ text: String) -> DateComponents? {
        LocalDate(text).map { DateComponents(year: $0.year, month: $0.month, day: $0.day) }
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
        guard let da = LocalDate(a), let db = LocalDate(b) else { return nil }
        return da.days(until: db)
    }

    /// `date` plus `n` days.
    public static func adding(_ n: Int, to date: String) -> String? {
        LocalDate(date)?.adding(days: n).description
    }

    public static func string(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)  // a Gregorian calendar always gives all three
    }
}
