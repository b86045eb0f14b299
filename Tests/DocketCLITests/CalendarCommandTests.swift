import DocketTestSupport
import Foundation
import Testing

/// End-to-end: `docket calendar` as users and `make demo` call it.
@Suite struct CalendarCommandTests {
    func json(_ text: String) -> Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func demoExportsWorkWithNoOtherFlags() throws {
        let dir = TestPaths.temporaryDirectory("docket-cal")
        let ics = dir.appendingPathComponent("out/docket-deadlines.ics").path
        let r = try DocketBinary.run(["calendar", "--format", "ics", "--output", ics])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 > 80)
        let csv = try DocketBinary.run(["calendar", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("id,due,title,program,entityTypes,"))
        #expect(csv.stdout.contains("\r\npip.hospital.pip1.midyear-planning,2023-09-30,"))
        // Same inputs, same bytes.
        let again = dir.appendingPathComponent("again.ics").path
        #expect(try DocketBinary.run(["calendar", "--format", "ics", "--output", again]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: ics)))
    }

    @Test func jsonIsSortedByDueWithExactlyTheContractKeys() throws {
        let r = try DocketBinary.run(["calendar", "--format", "json", "--program", "pip", "--program", "dsti"])
        #expect(r.status == 0, "\(r.stderr)")
        let items = json(r.stdout) as? [[String: Any]] ?? []
        #expect(items.count > 25)
        for item in items {
            #expect(Set(item.keys) == ["id", "title", "program", "entityTypes", "period", "due", "status", "source"])
            #expect(["pip", "dsti"].contains(item["program"] as? String ?? ""))
            let source = item["source"] as? [String: Any]
            #expect(source?["document"] is String && source?["line"] is String && source?["quote"] is String)
        }
        let dues = items.map { ($0["due"] as? String) ?? "9999" }
        #expect(dues == dues.sorted())
        #expect(dues.last == "9999", "pending events (due null) come last")
    }

    @Test func upcomingListsOverdueFirst() throws {
        let r = try DocketBinary.run(["calendar", "--entity-type", "hospital", "--upcoming", "30", "--today", "2024-10-15"])
        #expect(r.status == 0, "\(r.stderr)")
        let overdue = r.stdout.range(of: "Overdue"), soon = r.stdout.range(of: "Due in the next 30 days")
        #expect(overdue != nil && soon != nil && overdue!.lowerBound < soon!.lowerBound)
        #expect(r.stdout.contains("2024-09-30 Mon  PIP 1 Remeasurement 1 Report (acute hospital)  [15 days overdue]"))
        #expect(!r.stdout.contains("2024-12-31"), "outside the window")
        #expect(!r.stdout.contains("(ACO)"))
    }

    @Test func triggersChoicesAndEntityNames() throws {
        let r = try DocketBinary.run(["calendar", "--format", "md", "--entity", "CCP", "--entity-type", "cp",
                                   "--trigger", "dsrip.cp.midpoint-assessment-comment=2020-09-01",
                                   "--choose", "dsrip-semiannual-rule=close-only"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("| 2020-09-15 | CP comment on its Independent Assessor Midpoint Assessment report<br>file: `CCP_MidpointAssessment_09152020`"))
        #expect(r.stdout.contains("`dsrip-semiannual-rule` = `close-only`"))
        #expect(!r.stdout.contains("CP/CSA Budget Period 3 Progress Report 1"))
        let choices = try DocketBinary.run(["calendar", "--list-choices"])
        #expect(choices.status == 0)
        #expect(choices.stdout.contains("hqe-annual-dates") && choices.stdout.contains("--choose dsrip-report2-february=<alternative>"))
    }

    @Test func sequenceRisesWhenAnExportIsRegeneratedWithMovedDates() throws {
        let dir = TestPaths.temporaryDirectory("docket-cal-seq")
        let ics = dir.appendingPathComponent("pip.ics").path
        let base = ["calendar", "--format", "ics", "--program", "pip", "--entity-type", "hospital", "--output", ics]
        #expect(try DocketBinary.run(base).status == 0)
        #expect(try DocketBinary.run(base + ["--adjust", "next-business-day"]).status == 0)
        let text = try String(contentsOfFile: ics, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        let moved = text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:pip.hospital.pip1.midyear-planning@") }
        #expect(moved?.contains("DTSTART;VALUE=DATE:20231002") == true)
        #expect(moved?.contains("SEQUENCE:1") == true)
        let same = text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:pip.hospital.pip1.remeasurement-1@") }
        #expect(same?.contains("SEQUENCE:0") == true)
    }

    @Test(arguments: [
        (["--choose", "foo=bar"], "unknown choice 'foo'"),
        (["--choose", "hqe-annual-dates"], "--choose 'hqe-annual-dates' is not <id>=<value>"),
        (["--adjust", "sideways"], "--adjust 'sideways'"),
        (["--from", "2024-02-30"], "invalid --from '2024-02-30': February 2024 has no day 30"),
        (["--entity-type", "hmo"], "unknown entity type 'hmo'"),
        (["--remind", "30,0"], "'0' is not a number of days"),
        (["--trigger", "pip.aco.pip1.closure=2024-01-01"], "'pip.aco.pip1.closure' is not an event waiting for a trigger date"),
        (["--entity", "B/MC"], "--entity 'B/MC'"),
        (["--format", "pdf"], "pdf"),
        (["--upcoming", "30", "--to", "2024-01-01"], "drop --to 2024-01-01"),
        (["--today", "2024-01-01"], "--today 2024-01-01 only matters with --upcoming"),
    ])
    func usageErrorsExit2AndNameTheToken(args: [String], message: String) throws {
        let r = try DocketBinary.run(["calendar"] + args)
        #expect(r.status == 2, "\(args)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func invalidScheduleExits1WithLocatedErrors() throws {
        let bad = TestPaths.fixture("DocketCalendarTests", "invalid-schedule.yaml").path
        let r = try DocketBinary.run(["calendar", "--schedule", bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(bad):23:14: error: [schedule.reference] unknown program 'pipp'"))
        let j = try DocketBinary.run(["calendar", "--schedule", bad, "--format", "json"])
        #expect(j.status == 1)
        let diagnostics = (json(j.stdout) as? [String: Any])?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.count == 12)
        #expect(diagnostics?.first?["line"] as? Int == 2)
    }
}
