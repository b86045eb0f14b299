import DocketCore
import Testing
@testable import DocketCalendar

@Suite struct HolidayTests {
    let ma = MassachusettsHolidays()
    func d(_ s: String) -> LocalDate { LocalDate(s)! }

    func observed(_ year: Int, _ h: MassachusettsHolidays = MassachusettsHolidays()) -> [String: String] {
        Dictionary(uniqueKeysWithValues: h.holidays(in: year).map { ($0.name, $0.observed.description) })
    }

    @Test func massachusetts2024() {
        let h = observed(2024)
        #expect(h["New Year's Day"] == "2024-01-01")
        #expect(h["Martin Luther King Jr. Day"] == "2024-01-15")
        #expect(h["Washington's Birthday (Presidents' Day)"] == "2024-02-19")
        #expect(h["Patriots' Day"] == "2024-04-15")
        #expect(h["Memorial Day"] == "2024-05-27")
        #expect(h["Juneteenth Independence Day"] == "2024-06-19")
        #expect(h["Independence Day"] == "2024-07-04")
        #expect(h["Labor Day"] == "2024-09-02")
        #expect(h["Columbus Day / Indigenous Peoples' Day"] == "2024-10-14")
        #expect(h["Veterans Day"] == "2024-11-11")
        #expect(h["Thanksgiving Day"] == "2024-11-28")
        #expect(h["Christmas Day"] == "2024-12-25")
        #expect(h.count == 12)
    }

    @Test func patriotsDayIsTheThirdMondayOfApril() {
        let expected = [2012: "2012-04-16", 2018: "2018-04-16", 2023: "2023-04-17", 2025: "2025-04-21", 2026: "2026-04-20", 2027: "2027-04-19"]
        for (year, date) in expected { #expect(observed(year)["Patriots' Day"] == date) }
    }

    @Test func juneteenthFrom2021() {
        #expect(observed(2020)["Juneteenth Independence Day"] == nil)
        #expect(observed(2021)["Juneteenth Independence Day"] == "2021-06-19")
        #expect(observed(2021, MassachusettsHolidays(juneteenthFrom: 2022))["Juneteenth Independence Day"] == nil)
    }

    @Test func observedDays() {
        // Sunday holidays move to Monday in Massachusetts.
        #expect(observed(2023)["New Year's Day"] == "2023-01-02")
        #expect(observed(2022)["Christmas Day"] == "2022-12-26")
        // Saturday holidays stay put in Massachusetts, move to Friday under the federal rule.
        #expect(observed(2021)["Christmas Day"] == "2021-12-25")
        #expect(observed(2021, MassachusettsHolidays(observance: .federal))["Christmas Day"] == "2021-12-24")
        #expect(ma.isBusinessDay(d("2021-12-24")))
        #expect(!MassachusettsHolidays(observance: .federal).isBusinessDay(d("2021-12-24")))
        // New Year's Day 2022 fell on a Saturday: under the federal rule it is observed in 2021.
        #expect(MassachusettsHolidays(observance: .federal).holiday(on: d("2021-12-31"))?.name == "New Year's Day")
    }

    @Test func businessDayAdjustmentAcrossHolidays() {
        // Saturday 2024-04-13 → Monday is Patriots' Day → Tuesday.
        #expect(BusinessDayAdjustment.nextBusinessDay.apply(d("2024-04-13"), holidays: ma) == d("2024-04-16"))
        #expect(BusinessDayAdjustment.previousBusinessDay.apply(d("2024-04-15"), holidays: ma) == d("2024-04-12"))
        // Thanksgiving Thursday → Friday is a business day in Massachusetts.
        #expect(BusinessDayAdjustment.nextBusinessDay.apply(d("2024-11-28"), holidays: ma) == d("2024-11-29"))
        // Sunday 2023-01-01, observed Monday 2023-01-02 → Tuesday.
        #expect(BusinessDayAdjustment.nextBusinessDay.apply(d("2023-01-01"), holidays: ma) == d("2023-01-03"))
        #expect(BusinessDayAdjustment.previousBusinessDay.apply(d("2023-12-31"), holidays: ma) == d("2023-12-29"))
        #expect(BusinessDayAdjustment.none.apply(d("2023-12-31"), holidays: ma) == d("2023-12-31"))
        // A business day is left alone.
        #expect(BusinessDayAdjustment.nextBusinessDay.apply(d("2024-04-17"), holidays: ma) == d("2024-04-17"))
    }

    @Test func countingBusinessDays() {
        // Thursday 2024-04-11 + 3 business days skips the weekend and Patriots' Day.
        #expect(ma.adding(businessDays: 3, to: d("2024-04-11")) == d("2024-04-17"))
        #expect(ma.adding(businessDays: -1, to: d("2024-04-16")) == d("2024-04-12"))
        #expect(ma.adding(businessDays: 0, to: d("2024-04-13")) == d("2024-04-13"))
        // Over Christmas 2024 (Wednesday): Monday 23 + 2 → Thursday 26.
        #expect(ma.adding(businessDays: 2, to: d("2024-12-23")) == d("2024-12-26"))
    }
}
