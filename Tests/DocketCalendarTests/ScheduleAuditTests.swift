import DocketCore
import DocketTestSupport
import Foundation
import Testing
@testable import DocketCalendar

/// Issue 13, calendar section: deadlines an independent reading of the two long sources found
/// wrong or missing (DSRIP Protocol, 001; Master DSTI Plan, 004).
@Suite struct ScheduleAuditTests {
    let schedule = Fixtures.schedule

    /// The events by id; a query the schedule rejects (an unknown trigger id or choice) is a
    /// failure of the test, not a crash of the run.
    func byId(_ q: CalendarQuery = CalendarQuery()) -> [String: CalendarEvent] {
        do { return Dictionary(uniqueKeysWithValues: try schedule.events(options: q).map { ($0.id, $0) }) } catch {
            Issue.record("query rejected: \(error.diagnostics.map(\.message))")
            return [:]
        }
    }

    /// The seed lines an event cites, joined and normalised.
    func cited(_ e: CalendarEvent?) -> String {
        guard let e else { return "" }
        let lines = Fixtures.seedLines(e.source.document)
        return Fixtures.normalise(Fixtures.lineNumbers(e.source.line).filter { $0 <= lines.count }.map { lines[$0 - 1] }.joined(separator: " "))
    }

    // MARK: 1. CP/CSA BP1 Budget and Budget Narrative

    /// 001 l.319-322: budgets submitted "in January", approved "in March", infrastructure paid "in
    /// April" of the budget period; BP1 starts 2018-04-01, and l.238 has budgets "prior to each
    /// budget period". Only January 2018 fits both; April 2018 (the old assumption) fits neither.
    @Test func cpBudgetPeriod1BudgetIsDueInJanuary2018() {
        let e = byId()["dsrip.cp.bp1.budget"]
        #expect(e?.due == "2018-01-31")
        #expect(e?.status == .anticipated)
        #expect(e?.period?.start == "2018-04-01")
        #expect(e.flatMap { $0.due.flatMap(LocalDate.init) }.map { $0 < LocalDate("2018-03-01")! } == true,
                "submitted before the March approval and the April 1 start")
        #expect(e?.source.reference == "D001-15-BP1")
        let lines = Fixtures.lineNumbers(e?.source.line ?? "")
        for line in [238, 320, 321] { #expect(lines.contains(line), "cites l.\(line)") }
        let text = cited(e)
        #expect(text.contains("prior to each budget period") && text.contains("in January of the budget period")
                && text.contains("in March of the budget period"))
        // The other reading of the choice is unchanged; later BPs keep January of their own year.
        #expect(byId(CalendarQuery(choices: ["cp-budget-timing": "before-bp"]))["dsrip.cp.bp1.budget"]?.due == "2018-03-31")
        #expect(byId()["dsrip.cp.bp2.budget"]?.due == "2019-01-31")
    }

    // MARK: 2. The hospital's reply to CMS questions

    @Test func hospitalReplyToCMSQuestionsIsDueThreeBusinessDaysAfterTheNotification() {
        let id = "dsti.dy15.cms-questions-response"
        #expect(schedule.triggerEventIds.contains(id))
        let pending = byId()[id]
        #expect(pending?.status == .pending && pending?.due == nil)
        #expect(pending?.source.document == "master-dsti-plan.txt" && pending?.source.line == "281" && pending?.source.reference == "D004-09")
        #expect(cited(pending).contains("The hospital's response must be received by CMS within 3 business days of the aforementioned notification."))
        #expect(pending?.trigger?.contains("3 business days") == true)
        // Monday 2012-07-02: Tue 3, Wed 4 is Independence Day, Thu 5, Fri 6.
        let dated = byId(CalendarQuery(triggers: [id: LocalDate("2012-07-02")!]))[id]
        #expect(dated?.due == "2012-07-06")
        #expect(dated?.status == .derived)
        // Friday 2012-06-01: Mon 4, Tue 5, Wed 6.
        #expect(byId(CalendarQuery(triggers: [id: LocalDate("2012-06-01")!]))[id]?.due == "2012-06-06")
    }

    // MARK: 3. The end of the DSTI grace period: 120, 60 or 180 days

    @Test func gracePeriodEndIsANamedChoice() throws {
        let choice = try #require(schedule.choice("dsti-grace-period-length"))
        #expect(choice.defaultAlternative == "120-days")
        #expect(choice.alternatives.map(\.id) == ["120-days", "60-days", "180-days"])
        #expect(Set(choice.sources.map(\.line)) == ["508", "522", "526", "530"])
        let expected: [String: (dy15: String, dy16: String, refs: [String])] = [
            "120-days": ("2012-10-28", "2013-10-28", ["D004-26"]),
            "60-days": ("2012-08-29", "2013-08-29", ["D004-27", "D004-28"]),
            "180-days": ("2012-12-27", "2013-12-27", ["D004-25"]),
        ]
        for (alt, want) in expected {
            let byId = byId(CalendarQuery(choices: ["dsti-grace-period-length": alt]))
            let dy15 = byId["dsti.dy15.grace-period-end"], dy16 = byId["dsti.dy16.grace-period-end"]
            #expect(dy15?.due == want.dy15, "\(alt) DY15")
            #expect(dy16?.due == want.dy16, "\(alt) DY16")
            #expect(dy15?.status == .derived && dy16?.status == .derived)
            #expect(byId["dsti.dy17.grace-period-end"] == nil, "no grace period for DY17 beyond June 30, 2014")
            #expect(dy16?.note?.contains("Choice dsti-grace-period-length = \(alt)") == true)
            // The reference's derived dates agree.
            for ref in want.refs {
                let row = Fixtures.referenceRows[ref]?[7] ?? ""
                #expect(row.contains(want.dy16), "\(ref): \(row)")
            }
        }
        #expect(byId()["dsti.dy15.grace-period-end"]?.due == "2012-10-28", "default 120 days")
        let text = ChoiceList.text(schedule, chosen: [:])
        #expect(text.contains("dsti-grace-period-length\n"))
        #expect(text.contains("* 120-days (default, in force)"))
        #expect(text.contains("  60-days: ") && text.contains("  180-days: "))
        #expect(text.contains("--choose dsti-grace-period-length=<alternative>"))
    }

    // MARK: 4. Other deadlines missing from the schedule

    @Test func carryForwardEndsTwelveMonthsAfterTheDemonstrationYear() {
        let byId = byId()
        #expect(byId["dsti.dy15.carry-forward-end"]?.due == "2013-06-30")
        #expect(byId["dsti.dy16.carry-forward-end"]?.due == "2014-06-30")
        #expect(byId["dsti.dy17.carry-forward-end"] == nil, "no carry-forward for DY17")
        #expect(byId["dsti.dy15.carry-forward-end"]?.status == .derived)
        #expect(Fixtures.referenceRows["D004-30"]?[7].contains("DY15 → 2013-06-30; DY16 → 2014-06-30") == true)
    }

    @Test func preliminaryParticipationPlansAndCPContractingFollowTheProcurementTimelines() {
        let byId = byId()
        let aco = byId["dsrip.aco.preliminary-participation-plan"], cp = byId["dsrip.cp.preliminary-participation-plan"]
        #expect(aco?.due == "2017-02-15" && aco?.status == .anticipated && aco?.entityTypes == ["aco"])
        #expect(cited(aco).contains("Bidders' responses are due mid-February 2017"))
        #expect(cp?.due == "2017-05-31" && cp?.status == .anticipated && cp?.entityTypes == ["cp"])
        #expect(cited(cp).contains("CP responses are due end of May 2017"))
        let contracting = byId["dsrip.cp.aco-mco-contracting"]
        #expect(contracting?.due == "2018-02-28" && contracting?.status == .anticipated)
        #expect(Set(contracting?.entityTypes ?? []) == ["aco", "cp"])
        #expect(cited(contracting).contains("targeted to be completed by January-February 2018"))
    }

    @Test func budgetsAreDueThirtyCalendarDaysAfterTheStatesRequest() {
        let ids = (1...5).flatMap { ["dsrip.aco.bp\($0).budget-on-request", "dsrip.cp.bp\($0).budget-on-request"] }
        let pending = byId()
        for id in ids {
            #expect(schedule.triggerEventIds.contains(id), "\(id)")
            #expect(pending[id]?.status == .pending && pending[id]?.due == nil, "\(id)")
        }
        #expect(cited(pending["dsrip.aco.bp2.budget-on-request"]).contains("within 30 calendar days of receiving the State's request"))
        #expect(cited(pending["dsrip.cp.bp2.budget-on-request"]).contains("Within 30 calendar days, CPs and CSAs submit"))
        #expect(pending["dsrip.cp.bp3.budget-on-request"]?.period?.start == "2020-01-01")
        let dated = byId(CalendarQuery(triggers: ["dsrip.aco.bp2.budget-on-request": LocalDate("2018-10-15")!,
                                                          "dsrip.cp.bp2.budget-on-request": LocalDate("2018-12-14")!]))
        #expect(dated["dsrip.aco.bp2.budget-on-request"]?.due == "2018-11-14")
        #expect(dated["dsrip.cp.bp2.budget-on-request"]?.due == "2019-01-13")
        #expect(byId(CalendarQuery(entityTypes: ["csa"]))["dsrip.cp.bp1.budget-on-request"] != nil)
    }
}
