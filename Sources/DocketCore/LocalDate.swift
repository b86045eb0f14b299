/// A calendar date with no time and no time zone: pure proleptic Gregorian arithmetic.
///
/// Deadlines in the seed documents are dates ("by September 30, 2023"), never instants, so
/// Docket never converts them through a time zone.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (e.g. February 29 in a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date that is valid by construction: the month is clamped to 1…12 and the day to the
    /// month's length (February 30 → February 28/29). For arithmetic, never for user input.
    public init(year: Int, month: Int, clampingDay day: Int) {
        let m = min(max(month, 1), 12)
        self.year = year
        self.month = m
        self.day = min(max(day, 1), LocalDate.daysIn(month: m, year: year))
    }

    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day, a real date).
    public init?(_ text: String) {
        // `YYYY-MM-DD` exactly, ASCII digits (read from the UTF-8 bytes: the board parses
        // thousands of dates per request).
        var digits = (0, 0, 0)
        var count = 0
        for (i, byte) in text.utf8.enumerated() {
            count += 1
            guard count <= 10 else { return nil }
            if i == 4 || i == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let v = Int(byte - 0x30)
            if i < 4 { digits.0 = digits.0 * 10 + v } else if i < 7 { digits.1 = digits.1 * 10 + v } else { digits.2 = digits.2 * 10 + v }
        }
        guard count == 10 else { return nil }
        self.init(year: digits.0, month: digits.1, day: digits.2)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// `YYYY-MM-DD`.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `YYYYMMDD` (iCalendar DATE).
    public var basic: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }
    /// `MMDDYYYY` (OnBase file-name date, R000-05).
    public var mmddyyyy: String { "\(pad(month, 2))\(pad(day, 2))\(pad(year, 4))" }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var isLastDayOfMonth: Bool { day == LocalDate.daysIn(month: month, year: year) }
    public var lastDayOfMonth: LocalDate { LocalDate(year: year, month: month, clampingDay: LocalDate.daysIn(month: month, year: year)) }

    /// Days since 1970-01-01 (negative before), from Howard Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date with the given day number (inverse of `dayNumber`).
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7 // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// What month arithmetic does when the target month is shorter than the start day, or when the
/// start is a month end. Made explicit because the sources disagree (see D001-75: "February 28, 2020").
public enum MonthEndPolicy: String, Sendable, Codable, CaseIterable {
    /// Keep the day number, clamped to the target month's length: Jan 31 + 1 month = Feb 28/29;
    /// Jun 30 + 2 months = Aug 30.
    case clamp
    /// A month-end start stays a month end: Jun 30 + 2 months = Aug 31; Dec 31 + 2 months = Feb 28,
    /// or Feb 29 in a leap year. Other days clamp.
    case endToEnd = "end-to-end"
    /// The result is always the last day of the target month ("in November" = by November 30).
    case lastDay = "last-day"
}

extension LocalDate {
    /// Adds calendar months with an explicit month-end policy.
    public func adding(months: Int, policy: MonthEndPolicy = .clamp) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let length = LocalDate.daysIn(month: m, year: y)
        let d: Int
        switch policy {
        case .clamp: d = min(day, length)
        case .endToEnd: d = isLastDayOfMonth ? length : min(day, length)
        case .lastDay: d = length
        }
        return LocalDate(year: y, month: m, clampingDay: d)  // d ≤ length by the switch above
    }
}

extension LocalDate {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Why `text` is not a date, in words ("February 2023 has no day 30"), or nil when it is one.
    public static func problem(_ text: String) -> String? {
        if LocalDate(text) != nil { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return "expected YYYY-MM-DD"
        }
        guard (1...12).contains(m) else { return "there is no month \(m): months are 01 to 12" }
        return "\(monthNames[m - 1]) \(y) has no day \(d)"
    }
}
