import DocketCore
import DocketTestSupport
import Foundation
import Testing
@testable import DocketCalendar

/// iCalendar output: golden file, RFC 5545 wire format, and read-back by Python icalendar and vobject.
@Suite struct ICSTests {
    let schedule = Fixtures.schedule
    let pipQuery = CalendarQuery(entityTypes: ["hospital"], programs: ["pip"], entity: "BMC")

    func pipICS() -> String {
        ICSWriter(schedule: schedule, reminders: [30, 7, 1]).write(Fixtures.events(pipQuery))
    }

    @Test func goldenFiles() throws {
        let events = Fixtures.events(pipQuery)
        let outputs = [
            ("golden-pip-hospital.ics", pipICS()),
            ("golden-pip-hospital.csv", CSVWriter.write(events)),
            ("golden-pip-hospital.md", MarkdownWriter.write(events, schedule: schedule, choices: [:])),
            ("golden-pip-hospital.json", JSONEventsWriter.write(events)),
        ]
        for (name, text) in outputs {
            let url = TestPaths.fixture("DocketCalendarTests", name)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: url) }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text == golden, "\(name) differs from the golden file (UPDATE_GOLDEN=1 to refresh after review)")
        }
    }

    /// Every physical line: CRLF-terminated, at most 75 octets, valid UTF-8 on its own.
    func checkWire(_ text: String) {
        let bytes = Array(text.utf8)
        var lineStart = 0, i = 0
        #expect(text.hasSuffix("\r\n"))
        while i < bytes.count {
            if bytes[i] == 0x0A {
                #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at byte \(i)")
                let line = Array(bytes[lineStart..<(i - 1)])
                #expect(line.count <= 75, "line of \(line.count) octets")
                #expect(String(validatingUTF8: line.map { CChar(bitPattern: $0) } + [0]) != nil, "line splits a UTF-8 sequence")
                lineStart = i + 1
            } else if bytes[i] == 0x0D {
                #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "bare CR at byte \(i)")
            }
            i += 1
        }
    }

    @Test func wireFormat() {
        let all = ICSWriter(schedule: schedule, reminders: [30, 7, 1]).write(Fixtures.events(CalendarQuery(entity: "BMC")))
        checkWire(all)
        for required in ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", "\r\nCALSCALE:GREGORIAN\r\n", "\r\nMETHOD:PUBLISH\r\n",
                         "\r\nX-WR-CALNAME:", "\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n", "\r\nDTSTAMP:20261123T000000Z\r\n",
                         "\r\nEND:VCALENDAR\r\n"] {
            #expect(all.contains(required), "\(required)")
        }
        let unfolded = all.replacingOccurrences(of: "\r\n ", with: "")
        let summaries = unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("DESCRIPTION:Status") }
        #expect(!summaries.isEmpty)
        for line in summaries {
            let value = String(line.dropFirst("DESCRIPTION:".count))
            // No unescaped comma or semicolon, no raw newline.
            let stripped = value.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\,", with: "")
                .replacingOccurrences(of: "\\;", with: "").replacingOccurrences(of: "\\n", with: "")
            #expect(!stripped.contains(",") && !stripped.contains(";") && !stripped.contains("\n"))
        }
        // One VEVENT per dated event, pending ones left out; UIDs unique.
        let dated = Fixtures.events(CalendarQuery(entity: "BMC")).filter { $0.due != nil }
        let uids = unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids.count == dated.count && Set(uids).count == uids.count)
    }

    @Test func escapingAndFolding() {
        #expect(ICSText.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICSText.escape("x\r\ny") == "x\\ny")
        let long = "SUMMARY:" + String(repeating: "é", count: 40) + String(repeating: "🗓", count: 20) + String(repeating: "a", count: 80)
        let folded = ICSText.fold(long)
        checkWire(folded + "\r\n")
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
        #expect(folded.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(ICSText.fold("SHORT:x") == "SHORT:x")
        // Exactly 75 octets stays on one line; 76 folds.
        #expect(!ICSText.fold(String(repeating: "a", count: 75)).contains("\r\n"))
        #expect(ICSText.fold(String(repeating: "a", count: 76)).contains("\r\n "))
    }

    @Test func sequenceRisesWhenADateChanges() {
        let first = pipICS()
        let prior = ICSReader.priorEvents(first)
        #expect(prior.count == 10)
        #expect(prior.values.allSatisfy { $0.sequence == 0 })
        // Same inputs: same bytes, even when reading the previous publication.
        #expect(ICSWriter(schedule: schedule, reminders: [30, 7, 1], previous: prior).write(Fixtures.events(pipQuery)) == first)
        // Moving dates to business days changes two of them: their SEQUENCE goes to 1.
        var q = pipQuery
        q.adjust = .nextBusinessDay
        let second = ICSWriter(schedule: schedule, reminders: [30, 7, 1], previous: prior).write(Fixtures.events(q))
        let after = ICSReader.priorEvents(second)
        let moved = after.filter { $0.value.sequence == 1 }.map(\.key).sorted()
        #expect(moved == ["pip.hospital.pip1.baseline-planning.bmc@docket.masshealth", "pip.hospital.pip1.midyear-planning.bmc@docket.masshealth"])
        #expect(after["pip.hospital.pip1.midyear-planning.bmc@docket.masshealth"]?.start == "20231002")
        // A third run with the same adjusted dates keeps SEQUENCE 1.
        #expect(ICSReader.priorEvents(ICSWriter(schedule: schedule, previous: after).write(Fixtures.events(q))) == after)
    }

    @Test func uidsAreStableAndPerEntity() {
        let a = Fixtures.events(CalendarQuery(programs: ["pip"], entity: "BMC")).map(ICSWriter.uid)
        let b = Fixtures.events(CalendarQuery(programs: ["pip"], entity: "MGH")).map(ICSWriter.uid)
        let none = Fixtures.events(CalendarQuery(programs: ["pip"])).map(ICSWriter.uid)
        #expect(Set(a).isDisjoint(with: b) && Set(a).isDisjoint(with: none))
        #expect(a.contains("pip.aco.pip1.closure.bmc@docket.masshealth"))
        #expect(none.contains("pip.aco.pip1.closure@docket.masshealth"))
    }

    @Test(arguments: ["pip-hospital", "all"])
    func pythonReadersSeeTheSameEvents(which: String) throws {
        let python = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python").path
        #expect(FileManager.default.isExecutableFile(atPath: python), "run `bash scripts/setup.sh test` (make test) to create .venv")
        let query = which == "all" ? CalendarQuery(entity: "CCP") : pipQuery
        let events = Fixtures.events(query).filter { $0.due != nil }
        let ics = ICSWriter(schedule: schedule, reminders: [14, 2]).write(events)
        let dir = TestPaths.temporaryDirectory("docket-ics")
        let file = dir.appendingPathComponent("cal.ics")
        try Data(ics.utf8).write(to: file)
        let script = TestPaths.fixture("DocketCalendarTests", "ics_readback.py").path
        let r = try ProcessRunner.run(python, [script, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        guard case .object(let readings)? = try? JSONParser.parse(r.stdout).0 else { Issue.record("no JSON: \(r.stdout.prefix(200))"); return }
        for reader in ["icalendar", "vobject"] {
            let cal = readings[reader]
            #expect(cal?["method"]?.stringValue == "PUBLISH" && cal?["version"]?.stringValue == "2.0", "\(reader)")
            #expect(cal?["calname"]?.stringValue == schedule.calendarName)
            let parsed = cal?["events"]?.arrayValue ?? []
            #expect(parsed.count == events.count, "\(reader) event count")
            for (p, e) in zip(parsed, events) {
                let due = LocalDate(e.due!)!
                #expect(p["uid"]?.stringValue == ICSWriter.uid(for: e), "\(reader)")
                #expect(p["summary"]?.stringValue == e.title, "\(reader) \(e.id)")
                #expect(p["description"]?.stringValue == EventText.description(e), "\(reader) \(e.id)")
                #expect(p["dtstart"]?.stringValue == due.description)
                #expect(p["dtend"]?.stringValue == due.adding(days: 1).description)
                #expect(p["sequence"]?.intValue == 0)
                #expect(p["dtstamp"]?.stringValue == "20261123T000000Z")
                #expect(p["alarms"] == .array(["-P14D", "-P2D"]), "\(reader)")
            }
        }
    }
}
