import DocketCore
import Testing
@testable import DocketCalendar

@Suite struct DateMathTests {
    func d(_ s: String) -> LocalDate { LocalDate(s)! }

    @Test func parsesStrictly() {
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("1900-02-29") == nil)
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate("2024-2-9") == nil)
        #expect(LocalDate("2024-13-01") == nil)
        #expect(LocalDate("20240101") == nil)
        #expect(LocalDate("２０２４-01-01") == nil)
    }

    @Test func leapYears() {
        #expect(LocalDate.isLeap(2020) && LocalDate.isLeap(2024) && LocalDate.isLeap(2000))
        #expect(!LocalDate.isLeap(2019) && !LocalDate.isLeap(1900) && !LocalDate.isLeap(2100))
        #expect(LocalDate.daysIn(month: 2, year: 2020) == 29)
        #expect(LocalDate.daysIn(month: 2, year: 2023) == 28)
    }

    @Test func dayNumbersRoundTripAndWeekdays() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("2000-03-01").dayNumber == 11017)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
        #expect(d("2023-09-30").weekday == 6) // Saturday
        #expect(d("2024-01-01").weekday == 1) // Monday
        #expect(d("2020-02-29").adding(days: 1) == d("2020-03-01"))
        #expect(d("2019-02-28").adding(days: 1) == d("2019-03-01"))
        #expect(d("2012-06-30").adding(days: -75) == d("2012-04-16")) // D004-24a
        #expect(d("2017-12-31").adding(days: -75) == d("2017-10-17")) // D001-16
        #expect(d("2018-12-31").days(until: d("2019-07-29")) == 210) // D001-54 BP1
    }

    @Test func monthArithmeticIsExplicitAboutMonthEnds() {
        #expect(d("2024-01-31").adding(months: 1, policy: .clamp) == d("2024-02-29"))
        #expect(d("2023-01-31").adding(months: 1, policy: .clamp) == d("2023-02-28"))
        #expect(d("2018-06-30").adding(months: 2, policy: .clamp) == d("2018-08-30"))
        #expect(d("2018-06-30").adding(months: 2, policy: .endToEnd) == d("2018-08-31"))
        #expect(d("2019-12-31").adding(months: 2, policy: .endToEnd) == d("2020-02-29"))
        #expect(d("2020-12-31").adding(months: 2, policy: .endToEnd) == d("2021-02-28"))
        #expect(d("2020-02-29").adding(months: 12, policy: .clamp) == d("2021-02-28"))
        #expect(d("2021-02-28").adding(months: 12, policy: .endToEnd) == d("2022-02-28"))
        #expect(d("2023-02-28").adding(months: 12, policy: .endToEnd) == d("2024-02-29"))
        #expect(d("2019-01-01").adding(months: -2, policy: .lastDay) == d("2018-11-30"))
        #expect(d("2019-03-15").adding(months: -3) == d("2018-12-15"))
        #expect(d("2019-01-15").adding(months: 0, policy: .lastDay) == d("2019-01-31"))
    }

    @Test func formats() {
        #expect(d("2023-09-30").basic == "20230930")
        #expect(d("2023-09-30").mmddyyyy == "09302023")
        #expect(d("0999-01-05").description == "0999-01-05")
    }
}
