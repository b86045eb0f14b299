import DocketCore
import DocketTestSupport
import Foundation
import Testing
@testable import DocketCalendar

/// Choices, triggers, filters, adjustment and errors.
@Suite struct ScheduleQueryTests {
    let schedule = Fixtures.schedule

    @Test func leapYearChoiceForDerivedReport2() {
        #expect(Fixtures.byId()["dsrip.aco.bp2.progress-report-2"]?.due == "2020-02-28")
        let monthEnd = Fixtures.byId(CalendarQuery(choices: ["dsrip-report2-february": "month-end"]))
        #expect(monthEnd["dsrip.aco.bp2.progress-report-2"]?.due == "2020-02-29")
        #expect(monthEnd["dsrip.aco.bp3.progress-report-2"]?.due == "2021-02-28")
        #expect(monthEnd["dsrip.aco.bp2.progress-report-2"]?.note?.contains("dsrip-report2-february = month-end") == true)
        // The explicit CP BP2 date stays as stated.
        #expect(monthEnd["dsrip.cp.bp2.progress-report-2"]?.due == "2020-02-28")
    }

    @Test func choicesSwitchEvents() {
        let base = Fixtures.byId()
        #expect(base["hqe.strategic-plan.2025"]?.status == .assumed)
        #expect(base["hqe.strategic-plan.2025"]?.due == "2025-12-31")
        #expect(base["dsrip.aco.bp5.progress-report-2"] != nil)
        #expect(base["dsti.dy17.grace-period-request"] == nil)
        #expect(base["dsrip.cp.prep.progress-report"]?.period?.start == "2017-10-01")
        let other = Fixtures.byId(CalendarQuery(choices: [
            "hqe-annual-dates": "stated-only", "dsrip-bp5-report2": "omit", "dsti-dy17-grace-request": "include",
            "cp-prep-start": "november-2017", "dsrip-semiannual-rule": "close-only", "dsrip-blackout-boundary": "day-75-outside",
            "cp-budget-timing": "before-bp"]))
        #expect(other["hqe.strategic-plan.2025"] == nil)
        #expect(other["hqe.strategic-plan.2023"]?.due == "2023-12-31")
        #expect(other["dsrip.aco.bp5.progress-report-2"] == nil)
        #expect(other["dsrip.aco.bp4.progress-report-2"] != nil)
        #expect(other["dsti.dy17.grace-period-request"]?.due == "2014-04-16")
        #expect(other["dsrip.cp.prep.progress-report"]?.period?.start == "2017-11-01")
        #expect(other["dsrip.aco.bp3.progress-report-1"] == nil)
        #expect(other["dsrip.aco.bp1.progress-report-1"]?.due == "2018-08-31", "explicit rows stay")
        #expect(other["dsrip.aco.bp1.modification-blackout"]?.due == "2018-10-18")
        #expect(other["dsrip.cp.bp1.budget"]?.due == "2018-03-31")
        #expect(other["dsrip.cp.bp2.budget"]?.due == "2018-12-31")
        #expect(base["dsrip.cp.bp1.budget"]?.due == "2018-01-31")
        #expect(base["dsrip.cp.bp2.budget"]?.due == "2019-01-31")
    }

    @Test func everyChoiceHasADefaultAndAlternatives() {
        #expect(schedule.choices.count >= 6)
        for c in schedule.choices {
            #expect(c.alternatives.count >= 2 && c.alternatives.contains { $0.id == c.defaultAlternative })
            #expect(!c.sources.isEmpty)
            // Each alternative gives a valid schedule.
            #expect(throws: Never.self) { try schedule.events(options: CalendarQuery(choices: [c.id: c.alternatives.last!.id])) }
        }
        let text = ChoiceList.text(schedule, chosen: ["hqe-annual-dates": "stated-only"])
        #expect(text.contains("* stated-only (in force)"))
        #expect(text.contains("dec-31 (default)"))
    }

    @Test func triggersTurnPendingIntoDates() throws {
        let pending = Fixtures.byId()["dsti.dy15.eohhs-questions-response"]
        #expect(pending?.status == .pending && pending?.due == nil)
        #expect(pending?.trigger?.contains("--trigger dsti.dy15.eohhs-questions-response=") == true)
        // 3 business days from Thursday 2012-04-12: Fri 13, Mon 16 is Patriots' Day, Tue 17, Wed 18.
        let q = CalendarQuery(triggers: ["dsti.dy15.eohhs-questions-response": LocalDate("2012-04-12")!,
                                         "dsrip.aco.bp2.clinical-quality-data": LocalDate("2020-07-28")!])
        let byId = Fixtures.byId(q)
        #expect(byId["dsti.dy15.eohhs-questions-response"]?.due == "2012-04-18")
        #expect(byId["dsti.dy15.eohhs-questions-response"]?.status == .derived)
        #expect(byId["dsrip.aco.bp2.clinical-quality-data"]?.due == "2020-08-27")
        #expect(schedule.triggerEventIds.contains("dsrip.cp.bp5.clinical-quality-data"))
    }

    @Test func queryErrorsAreAllReported() {
        let q = CalendarQuery(entityTypes: ["hmo"], programs: ["pipp"], triggers: ["pip.aco.pip1.closure": LocalDate("2024-01-01")!],
                              choices: ["nope": "x", "hqe-annual-dates": "june"])
        #expect(throws: DiagnosticList.self) { try schedule.events(options: q) }
        do {
            _ = try schedule.events(options: q)
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.count == 5)
            #expect(messages.contains { $0.contains("unknown choice 'nope'") })
            #expect(messages.contains { $0.contains("no alternative 'june'") && $0.contains("dec-31") })
            #expect(messages.contains { $0.contains("'pip.aco.pip1.closure' is not an event waiting") })
            #expect(messages.contains { $0.contains("unknown entity type 'hmo'") })
            #expect(messages.contains { $0.contains("unknown program 'pipp'") })
        }
    }

    @Test func filters() {
        let acpp = Fixtures.events(CalendarQuery(entityTypes: ["acpp"]))
        #expect(acpp.contains { $0.id == "pip.aco.pip1.midyear-planning" }, "an ACPP is an ACO")
        #expect(acpp.contains { $0.id == "hqe.strategic-plan.2023" })
        #expect(!acpp.contains { $0.program == "dsti" || $0.entityTypes == ["hospital"] })
        let aco = Fixtures.events(CalendarQuery(entityTypes: ["aco"]))
        #expect(aco.contains { $0.id == "hqe.strategic-plan.2023" }, "ACO includes ACPP/PCACO events")
        let mco = Fixtures.events(CalendarQuery(entityTypes: ["mco"]))
        #expect(Set(mco.map(\.program)) == ["hqe"])
        let window = Fixtures.events(CalendarQuery(programs: ["dsti"], from: LocalDate("2013-01-01"), to: LocalDate("2013-12-31"), includePending: false))
        // DY16 semiannual report, DY16 grace request, DY15 carry-forward end, DY16 semiannual and
        // annual reports, DY16 grace period end (default 120 days).
        #expect(window.map(\.due!) == ["2013-01-31", "2013-04-16", "2013-06-30", "2013-07-31", "2013-07-31", "2013-10-28"])
        #expect(window == window.sorted(by: CalendarEvent.dueOrder))
    }

    @Test func adjustmentMovesOffWeekendsAndHolidays() {
        let q = CalendarQuery(programs: ["pip"], adjust: .nextBusinessDay)
        let byId = Fixtures.byId(q)
        // 2023-09-30 is a Saturday; 2023-12-31 a Sunday and 2024-01-01 New Year's Day.
        #expect(byId["pip.hospital.pip1.midyear-planning"]?.due == "2023-10-02")
        #expect(byId["pip.hospital.pip1.midyear-planning"]?.unadjustedDue == "2023-09-30")
        #expect(byId["pip.hospital.pip1.baseline-planning"]?.due == "2024-01-02")
        #expect(byId["pip.hospital.pip1.remeasurement-1"]?.due == "2024-09-30", "a Monday stays")
        #expect(byId["pip.hospital.pip1.remeasurement-1"]?.unadjustedDue == nil)
        let prev = Fixtures.byId(CalendarQuery(programs: ["pip"], adjust: .previousBusinessDay))
        #expect(prev["pip.hospital.pip1.baseline-planning"]?.due == "2023-12-29")
        #expect(prev["pip.hospital.pip2.closure"]?.due == "2027-12-31", "a Friday stays")
    }

    @Test func fileNamesUseTheEntityAndTheDueDate() {
        let byId = Fixtures.byId(CalendarQuery(entity: "BMC"))
        #expect(byId["pip.hospital.pip1.midyear-planning"]?.fileName == "BMC_PIPMidYearReport_09302023")
        #expect(byId["hqe.strategic-plan.2024"]?.fileName == "BMC_HQEStrategicPlan_12312024")
        #expect(byId["pip.hospital.pip1.midyear-planning"]?.entity == "BMC")
        #expect(Fixtures.byId()["pip.aco.pip1.midyear-planning"]?.fileName == "<ABBR>_PIPMidYearReport_09302023")
        #expect(Fixtures.byId()["pip.aco.pip1.baseline-planning"]?.fileName == nil)
    }

    @Test func invalidScheduleReportsEveryProblemWithItsLocation() {
        let url = TestPaths.fixture("DocketCalendarTests", "invalid-schedule.yaml")
        do {
            _ = try Schedule.load(from: url)
            Issue.record("expected errors")
        } catch {
            let d = error.diagnostics
            func has(_ text: String, line: Int) -> Bool {
                d.contains { $0.message.contains(text) && $0.location?.position?.line == line }
            }
            #expect(has("'2024-02-30' is not a valid YYYY-MM-DD date", line: 2))
            #expect(has("default 'missing' is not one of the alternatives", line: 13))
            #expect(has("at least two alternatives", line: 15))
            #expect(has("period ends (2022-12-31) before it starts", line: 18))
            #expect(has("unknown program 'pipp'", line: 23))
            #expect(has("unknown entity type 'hmo'", line: 24))
            #expect(has("unknown period 'p9'", line: 25))
            #expect(has("unknown rule kind 'weekly'", line: 26))
            #expect(has("unknown document '999'", line: 28))
            #expect(has("missing required key 'title'", line: 29))
            #expect(has("unknown key 'titel' (did you mean 'title'?)", line: 30))
            #expect(has("'02-30' is not a valid MM-DD", line: 34))
            #expect(d.count == 12)
            #expect(d.allSatisfy { $0.location?.file == url.path })
        }
    }
}
