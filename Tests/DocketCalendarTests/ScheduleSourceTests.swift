import DocketCore
import DocketTestSupport
import Foundation
import Testing
@testable import DocketCalendar

/// The schedule against its sources: quotes, the PIP table, the reference rows.
@Suite struct ScheduleSourceTests {
    let schedule = Fixtures.schedule

    @Test func everyQuoteIsInTheCitedLines() {
        var sources: [(String, EventSource)] = schedule.rules.map { ($0.id, $0.source) }
        sources += schedule.periods.map { ($0.id, $0.source) }
        sources += schedule.choices.flatMap { c in c.sources.map { (c.id, $0) } }
        #expect(sources.count > 60)
        for (id, s) in sources {
            let lines = Fixtures.seedLines(s.document)
            let numbers = Fixtures.lineNumbers(s.line)
            #expect(!numbers.isEmpty && numbers.allSatisfy { $0 >= 1 && $0 <= lines.count }, "\(id): bad line \(s.line)")
            let hay = Fixtures.normalise(numbers.filter { $0 <= lines.count }.map { lines[$0 - 1] }.joined(separator: " "))
            for fragment in s.quote.components(separatedBy: " … ") {
                #expect(hay.contains(Fixtures.normalise(fragment)), "\(id): quote not in \(s.document) line \(s.line): \(fragment)")
            }
        }
    }

    /// Reads one "Deliverables and Reporting" table of the PIP form: (PY, PIP, report, due).
    func pipTable(after heading: String) -> [(py: Int, pip: Int, report: String, due: String)] {
        let lines = Fixtures.seedLines("pip-key-contact-and-mid-year-planning-report-form.txt").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }),
              let table = lines[start...].firstIndex(where: { $0.hasPrefix("Deliverables and Reporting") }),
              let end = lines[table...].firstIndex(where: { $0.hasPrefix("Description of Elements") }) else { return [] }
        var rows: [(Int, Int, String, String)] = []
        var py = 0, pip = 0, reports: [String] = [], dates: [String] = []
        func flush() {
            for (r, d) in zip(reports, dates) { rows.append((py, pip, r, d)) }
            reports = []; dates = []
        }
        for line in lines[(table + 1)..<end] {
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("PY"), let n = Int(line.dropFirst(2)) { py = n }
            else if line.hasPrefix("PIP "), let n = Int(line.dropFirst(4)) { pip = n }
            else if line.range(of: #"^\d{1,2}/\d{1,2}/\d{4}$"#, options: .regularExpression) != nil {
                let p = line.split(separator: "/").map { Int($0)! }
                dates.append(LocalDate(year: p[2], month: p[0], day: p[1])!.description)
            } else if line.hasSuffix("Report") { reports.append(line) }
        }
        flush()
        return rows
    }

    @Test(arguments: [("Appendix A", "hospital"), ("Appendix B", "aco")])
    func pipScheduleEqualsTheSourceTable(heading: String, who: String) {
        let table = pipTable(after: heading)
        #expect(table.count == 10)
        let keys = ["Mid-year Planning Report": "midyear-planning", "Baseline/Planning Report": "baseline-planning",
                    "Remeasurement 1 Report": "remeasurement-1", "Remeasurement 2 Report": "remeasurement-2", "Closure Report": "closure"]
        let events = Fixtures.events(CalendarQuery(entityTypes: [who], programs: ["pip"]))
        #expect(events.count == table.count, "one event per table row")
        for row in table {
            let id = "pip.\(who).pip\(row.pip).\(keys[row.report] ?? "?")"
            let e = events.first { $0.id == id }
            #expect(e?.due == row.due, "\(id)")
            #expect(e?.period?.label.contains("PY\(row.py) ") == true, "\(id) period")
            #expect(e?.entityTypes == [who])
        }
    }

    /// Every event whose reference row states a single date has that date.
    @Test func statedDatesEqualTheReference() {
        var checked = 0
        for e in Fixtures.events() {
            guard let ref = e.source.reference, let row = Fixtures.referenceRows[ref], let due = e.due else { continue }
            let stated = row[7]
            guard LocalDate(stated) != nil else { continue }
            #expect(due == stated, "\(e.id) (\(ref))")
            checked += 1
        }
        #expect(checked >= 30)
    }

    @Test func derivedRowsMatchTheRule() {
        var map: [String: String] = [:]
        for n in 2...5 { for r in 1...2 { map["D001-70-BP\(n)-R\(r)"] = "dsrip.aco.bp\(n).progress-report-\(r)" } }
        for n in 3...5 { for r in 1...2 { map["D001-76-BP\(n)-R\(r)"] = "dsrip.cp.bp\(n).progress-report-\(r)" } }
        map["D004-20a"] = "dsti.dy16-h1.semiannual-report"; map["D004-20b"] = "dsti.dy16-h2.semiannual-report"
        map["D004-20c"] = "dsti.dy17-h1.semiannual-report"; map["D004-20d"] = "dsti.dy17-h2.semiannual-report"
        map["D004-22a"] = "dsti.dy16.annual-report"; map["D004-22b"] = "dsti.dy17.annual-report"
        map["D004-24a"] = "dsti.dy15.grace-period-request"; map["D004-24b"] = "dsti.dy16.grace-period-request"
        map["D004-26"] = "dsti.dy15.grace-period-end"; map["D004-30"] = "dsti.dy15.carry-forward-end"
        let events = Fixtures.byId()
        for (ref, id) in map.sorted(by: { $0.key < $1.key }) {
            let row = Fixtures.referenceRows[ref]
            #expect(row != nil, "reference row \(ref)")
            guard let row, let e = events[id] else { Issue.record("no event \(id)"); continue }
            let firstDate = row[7].range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression).map { String(row[7][$0]) }
            #expect(e.due == firstDate, "\(id) vs \(ref)")
            #expect(e.status == .derived)
            let period = row[9].components(separatedBy: " – ")
            if period.count == 2, LocalDate(period[0]) != nil {
                #expect(e.period?.start == period[0] && e.period?.end == period[1], "\(id) period")
            }
        }
    }

    @Test func modificationBlackoutStarts75DaysBeforeEachBudgetPeriodEnds() {
        let events = Fixtures.byId()
        #expect(events["dsrip.aco.prep.modification-blackout"]?.due == "2017-10-17")
        #expect(events["dsrip.cp.prep.modification-blackout"]?.due == "2018-01-15")
        for (n, year) in zip(1...5, 2018...2022) {
            #expect(events["dsrip.aco.bp\(n).modification-blackout"]?.due == "\(year)-10-17")
            #expect(events["dsrip.cp.bp\(n).modification-blackout"]?.due == "\(year)-10-17")
        }
    }

    @Test func everyEventCarriesItsProvenance() {
        let events = Fixtures.events()
        #expect(events.count > 100)
        #expect(Set(events.map(\.id)).count == events.count, "ids are unique")
        for e in events {
            #expect(!e.source.quote.isEmpty && !e.source.line.isEmpty && e.source.reference != nil, "\(e.id)")
            #expect(["pip", "hqe", "dsrip", "dsti"].contains(e.program))
            #expect((e.due == nil) == (e.status == .pending), "\(e.id)")
        }
        #expect(Set(events.map(\.status)) == Set(EventStatus.allCases))
    }
}
