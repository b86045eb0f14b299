import DocketCore

/// Reads the `rule:` mapping of a schedule event into a `DueRule`.
enum RuleReader {
    static let kinds = ["fixed", "offset", "before", "month-day", "annual", "trigger"]

    static func read(_ p: String, _ r: inout FieldReader) -> DueRule? {
        guard r.object(p, allowed: ["kind", "date", "from", "months", "days", "unit", "monthEnd", "monthDay",
                                    "yearOffset", "fromYear", "throughYear", "waitsFor"]) != nil else {
            if r.value(p) == nil { r.missing(p) }
            return nil
        }
        guard let kind = r.string(p + "/kind") else { return nil }
        switch kind {
        case "fixed":
            return r.date(p + "/date").map { .fixed($0) }
        case "offset":
            let months = r.int(p + "/months", default: 0), days = r.int(p + "/days", default: 0)
            if (months < 0 && days > 0) || (months > 0 && days < 0) {
                r.error(p, "schedule.rule", "months and days of an offset must have the same sign")
            }
            return .offset(from: r.enumeration(p + "/from", PeriodAnchor.self, default: nil) ?? .end, months: months, days: days,
                           unit: r.enumeration(p + "/unit", DayUnit.self, default: .calendar) ?? .calendar,
                           monthEnd: r.enumeration(p + "/monthEnd", MonthEndPolicy.self, default: .clamp) ?? .clamp)
        case "before":
            let days = r.int(p + "/days", default: -1)
            if days < 0 { r.error(p + "/days", "schedule.rule", "'before' needs a non-negative number of days") }
            return .before(days: days, unit: r.enumeration(p + "/unit", DayUnit.self, default: .calendar) ?? .calendar,
                           from: r.enumeration(p + "/from", PeriodAnchor.self, default: .end) ?? .end)
        case "month-day":
            guard let (m, d) = monthDay(p + "/monthDay", &r) else { return nil }
            return .monthDay(month: m, day: d, yearOffset: r.int(p + "/yearOffset", default: 0),
                             from: r.enumeration(p + "/from", PeriodAnchor.self, default: .end) ?? .end)
        case "annual":
            guard let (m, d) = monthDay(p + "/monthDay", &r) else { return nil }
            let from = r.int(p + "/fromYear", default: 0), through = r.int(p + "/throughYear", default: 0)
            if from == 0 || through < from { r.error(p, "schedule.rule", "'annual' needs fromYear ≤ throughYear") }
            return .annual(month: m, day: d, fromYear: from, throughYear: through)
        case "trigger":
            return .trigger(days: r.int(p + "/days", default: 0),
                            unit: r.enumeration(p + "/unit", DayUnit.self, default: .calendar) ?? .calendar,
                            waitsFor: r.string(p + "/waitsFor") ?? "")
        default:
            r.error(p + "/kind", "schedule.rule", "unknown rule kind '\(kind)' (one of \(kinds.joined(separator: ", ")))")
            return nil
        }
    }

    /// `MM-DD`, a day that exists in some year (02-29 is allowed).
    static func monthDay(_ p: String, _ r: inout FieldReader) -> (Int, Int)? {
        guard let s = r.string(p) else { return nil }
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let m = Int(parts[0]), let d = Int(parts[1]),
              LocalDate(year: 2000, month: m, day: d) != nil else {
            r.error(p, "schedule.date", "'\(s)' is not a valid MM-DD month and day")
            return nil
        }
        return (m, d)
    }
}
