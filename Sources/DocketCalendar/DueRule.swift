import DocketCore
/// Counting days: calendar days, or business days (weekdays that are not Massachusetts holidays).
public enum DayUnit: String, Sendable, Hashable, CaseIterable {
    case calendar, business
}

/// The start or the end of the (covered part of the) period.
public enum PeriodAnchor: String, Sendable, Hashable, CaseIterable {
    case start, end
}

/// How a due date is computed. Each case is one rule kind of the schedule file.
public enum DueRule: Sendable, Hashable {
    /// `kind: fixed` — a date stated in the source.
    case fixed(LocalDate)
    /// `kind: offset` — months and/or days after (negative: before) a period's start or end.
    case offset(from: PeriodAnchor, months: Int, days: Int, unit: DayUnit, monthEnd: MonthEndPolicy)
    /// `kind: before` — N days before a period's end (or start), e.g. "75 days prior to the end of
    /// the Demonstration year" (D004-24).
    case before(days: Int, unit: DayUnit, from: PeriodAnchor)
    /// `kind: month-day` — a fixed month and day in the year of the anchor plus `yearOffset`
    /// ("Budget Periods 2-5 will follow the same pattern as Budget Period 1, adjusted for the
    /// respective years", D001-70).
    case monthDay(month: Int, day: Int, yearOffset: Int, from: PeriodAnchor)
    /// `kind: annual` — the same month and day every year from `fromYear` through `throughYear`;
    /// expands to one event per year.
    case annual(month: Int, day: Int, fromYear: Int, throughYear: Int)
    /// `kind: trigger` — N days after a date the State sets ("within 30 calendar days of
    /// notification"): pending until the trigger date is given.
    case trigger(days: Int, unit: DayUnit, waitsFor: String)

    /// The rule in words, for descriptions.
    public var summary: String {
        switch self {
        case .fixed(let d): return "fixed date \(d)"
        case let .offset(from, months, days, unit, policy):
            var parts: [String] = []
            if months != 0 { parts.append("\(abs(months)) month\(abs(months) == 1 ? "" : "s")") }
            if days != 0 { parts.append("\(abs(days)) \(unit.rawValue) day\(abs(days) == 1 ? "" : "s")") }
            if parts.isEmpty { parts.append("0 days") }
            let direction = (months < 0 || days < 0) ? "before" : "after"
            let monthNote = months != 0 ? " (month ends: \(policy.rawValue))" : ""
            return "\(parts.joined(separator: " and ")) \(direction) the period \(from.rawValue)\(monthNote)"
        case let .before(days, unit, from):
            return "\(days) \(unit.rawValue) days before the period \(from.rawValue)"
        case let .monthDay(month, day, yearOffset, from):
            let y = yearOffset == 0 ? "the same year as" : "\(yearOffset) year\(abs(yearOffset) == 1 ? "" : "s") after"
            return "\(Self.monthNames[month - 1]) \(day) of \(y) the period \(from.rawValue)"
        case let .annual(month, day, fromYear, throughYear):
            return "every \(Self.monthNames[month - 1]) \(day), \(fromYear)–\(throughYear)"
        case let .trigger(days, unit, waitsFor):
            return "\(days) \(unit.rawValue) days after: \(waitsFor)"
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
}
