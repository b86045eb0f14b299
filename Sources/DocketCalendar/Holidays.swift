import DocketCore
/// Massachusetts legal holidays (M.G.L. c. 4, § 7, cl. 18), computed per year.
///
/// Choices made (see docs/calendar.md):
/// - Juneteenth is a Massachusetts legal holiday from 2021 on (made one in 2020, first observed
///   June 19, 2021); `juneteenthFrom` changes that year.
/// - Observed days: Massachusetts moves a holiday that falls on a Sunday to the Monday after; a
///   Saturday holiday is not moved (`.massachusetts`). `.federal` also moves Saturday holidays to
///   the Friday before (5 U.S.C. § 6103 style), for users who follow federal office closures.
/// - Suffolk County holidays (Evacuation Day, Bunker Hill Day) are not statewide and are not included.
public struct MassachusettsHolidays: Sendable, Hashable {
    public enum Observance: String, Sendable, Codable, CaseIterable {
        case massachusetts, federal
    }

    public var juneteenthFrom: Int
    public var observance: Observance

    public init(juneteenthFrom: Int = 2021, observance: Observance = .massachusetts) {
        self.juneteenthFrom = juneteenthFrom
        self.observance = observance
    }

    /// One holiday: its name, the legal date and the day it is observed.
    public struct Holiday: Sendable, Hashable {
        public var name: String
        public var date: LocalDate
        public var observed: LocalDate
    }

    /// The holidays of `year`, in date order.
    public func holidays(in year: Int) -> [Holiday] {
        func fixed(_ name: String, _ m: Int, _ d: Int) -> Holiday {
            let date = LocalDate(year: year, month: m, clampingDay: d)  // fixed holidays are real dates
            return Holiday(name: name, date: date, observed: observedDay(for: date))
        }
        func floating(_ name: String, _ m: Int, _ weekday: Int, _ n: Int) -> Holiday {
            let date = MassachusettsHolidays.nthWeekday(n, weekday, month: m, year: year)
            return Holiday(name: name, date: date, observed: date)
        }
        var list: [Holiday] = [
            fixed("New Year's Day", 1, 1),
            floating("Martin Luther King Jr. Day", 1, 1, 3),
            floating("Washington's Birthday (Presidents' Day)", 2, 1, 3),
            floating("Patriots' Day", 4, 1, 3),
            floating("Memorial Day", 5, 1, -1),
        ]
        if year >= juneteenthFrom { list.append(fixed("Juneteenth Independence Day", 6, 19)) }
        list += [
            fixed("Independence Day", 7, 4),
            floating("Labor Day", 9, 1, 1),
            floating("Columbus Day / Indigenous Peoples' Day", 10, 1, 2),
            fixed("Veterans Day", 11, 11),
            floating("Thanksgiving Day", 11, 4, 4),
            fixed("Christmas Day", 12, 25),
        ]
        return list
    }

    /// The day a fixed-date holiday is observed under `observance`.
    func observedDay(for date: LocalDate) -> LocalDate {
        switch (date.weekday, observance) {
        case (7, _): return date.adding(days: 1)
        case (6, .federal): return date.adding(days: -1)
        default: return date
        }
    }

    /// The `n`th `weekday` (ISO 1 = Monday) of a month; `n == -1` is the last one.
    static func nthWeekday(_ n: Int, _ weekday: Int, month: Int, year: Int) -> LocalDate {
        if n < 0 {
            let last = LocalDate(year: year, month: month, clampingDay: LocalDate.daysIn(month: month, year: year))
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        let first = LocalDate(year: year, month: month, clampingDay: 1)
        return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
    }

    /// The holiday observed on `date`, if any. Observed days move by one day at most, so only
    /// December 31 can hold the next year's holiday (New Year's Day on a Saturday, federal rule).
    public func holiday(on date: LocalDate) -> Holiday? {
        let years = date.month == 12 && date.day == 31 ? [date.year, date.year + 1] : [date.year]
        for y in years {
            if let h = holidays(in: y).first(where: { $0.observed == date }) { return h }
        }
        return nil
    }

    /// A weekday (Monday–Friday) that is not an observed holiday.
    public func isBusinessDay(_ date: LocalDate) -> Bool { !date.isWeekend && holiday(on: date) == nil }

    /// `count` business days after `date` (before it when negative); 0 returns `date` unchanged.
    public func adding(businessDays count: Int, to date: LocalDate) -> LocalDate {
        var d = date
        var left = abs(count)
        let step = count < 0 ? -1 : 1
        while left > 0 {
            d = d.adding(days: step)
            if isBusinessDay(d) { left -= 1 }
        }
        return d
    }
}

/// `--adjust`: what to do when a due date is not a business day. Default none.
public enum BusinessDayAdjustment: String, Sendable, Codable, CaseIterable {
    case none
    case previousBusinessDay = "previous-business-day"
    case nextBusinessDay = "next-business-day"

    /// The adjusted date under `holidays`.
    public func apply(_ date: LocalDate, holidays: MassachusettsHolidays) -> LocalDate {
        var d = date
        switch self {
        case .none: return date
        case .previousBusinessDay: while !holidays.isBusinessDay(d) { d = d.adding(days: -1) }
        case .nextBusinessDay: while !holidays.isBusinessDay(d) { d = d.adding(days: 1) }
        }
        return d
    }
}
