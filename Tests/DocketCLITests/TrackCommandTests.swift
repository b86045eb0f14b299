import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// A tracker database in a temporary folder, driven through the built `docket`.
struct TrackSandbox {
    let dir = TestPaths.temporaryDirectory("track-cli")
    var db: String { dir.appendingPathComponent("tracker.sqlite").path }
    let events = TestPaths.fixture("DocketCLITests", "pip-events.json").path

    /// Runs `docket track ARGS --db DB` as `user` at `now`.
    func run(_ args: [String], now: String = "2023-09-01", user: String = "lead") throws -> ProcessResult {
        try DocketBinary.run(["track"] + args + ["--db", db], environment: ["DOCKET_NOW": now, "DOCKET_USER": user])
    }

    /// Runs and requires exit 0, returning standard output.
    @discardableResult
    func ok(_ args: [String], now: String = "2023-09-01", user: String = "lead") throws -> String {
        let r = try run(args, now: now, user: user)
        #expect(r.status == 0, "docket track \(args.joined(separator: " ")) → \(r.status): \(r.stderr)")
        return r.stdout
    }

    func json(_ args: [String], now: String = "2023-09-01") throws -> JSONValue {
        try JSONParser.parse(try ok(args + ["--format", "json"], now: now)).0
    }

    /// A file with `text`, and its SHA-256 computed by the system's sha256sum.
    func file(_ name: String, _ text: String) throws -> (path: String, sha: String) {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        let r = try ProcessRunner.run(ProcessRunner.which("sha256sum") ?? "/usr/bin/sha256sum", [url.path])
        return (url.path, String(r.stdout.prefix(64)))
    }

    /// A partnered ACO (acpp) and hospital, synced from the PY1–PY2 fixture.
    func setUpPartners() throws {
        try ok(["init"])
        try ok(["entity", "add", "BHOS", "--name", "Bay Hospital", "--type", "hospital", "--obstetric"])
        try ok(["entity", "add", "BACO", "--name", "Bay ACO", "--type", "acpp", "--partner", "BHOS",
                "--contact", "Ann Lee <ann@example.org> (PIP lead)"])
        let out = try ok(["sync", "--events", events, "--to", "2024-12-31"])
        #expect(out.hasPrefix("sync: 11 created, 0 updated, 0 unchanged"))
    }
}

@Suite struct TrackCommandTests {
    /// Partnered ACO + hospital over PY1–PY2: sync, fill, validate, upload without submit (flagged),
    /// submit, review Partially Met, resubmit, accept; the history is complete.
    @Test func partneredACOAndHospitalEndToEnd() throws {
        let s = TrackSandbox()
        try s.setUpPartners()
        #expect(try s.ok(["entity", "show", "BHOS"]).contains("partners: BACO"))
        let aco = "BACO/pip.aco.pip1.midyear-planning"
        let v1 = try s.file("BACO_PIPMidYearReport_09282023.docx", "first draft")
        try s.ok(["set", aco, "drafting"], now: "2023-09-10")
        try s.ok(["set", aco, "filled", "--file", v1.path], now: "2023-09-20")
        try s.ok(["set", aco, "validated", "--file", v1.path, "--note", "docket validate: 0 errors"], now: "2023-09-21")
        let up = try s.ok(["set", aco, "uploaded", "--file", v1.path], now: "2023-09-28")
        #expect(up.contains("click \"submit\" in OnBase"))

        // Uploaded but not submitted is flagged, and overdue once the date passes.
        let board = try s.json(["board", "--entity", "BACO"], now: "2023-10-02")
        let first = try #require(board["rows"]?[0])
        #expect(first["key"] == .string(aco) && first["overdue"] == .bool(true) && first["daysLeft"] == .int(-2))
        #expect(first["flags"]?[0]?["id"] == .string("uploaded-not-submitted"))
        #expect(try s.ok(["overdue"], now: "2023-10-02").contains(aco))

        try s.ok(["set", aco, "submitted"], now: "2023-10-02", user: "ann")
        let overdue = try s.json(["overdue"], now: "2023-10-02")["rows"]?.arrayValue ?? []
        #expect(overdue.map { $0["key"]?.stringValue ?? "" } == ["BHOS/pip.hospital.pip1.midyear-planning"])

        let review = try s.ok(["review", aco, "--criterion", "key-contacts=met", "--criterion", "mid-year-narrative=partially-met",
                               "--comment", "mid-year-narrative=describe anticipated challenges", "--resubmit-by", "2023-11-15"],
                              now: "2023-10-20", user: "masshealth-reviewer")
        #expect(review.contains("resubmission-required, resubmit by 2023-11-15"))
        let resub = try #require(try s.json(["board", "--entity", "BACO"], now: "2023-10-20")["rows"]?[0])
        #expect(resub["status"] == .string("resubmission-required") && resub["effectiveDue"] == .string("2023-11-15"))

        let v2 = try s.file("BACO_PIPMidYearReport_11102023.docx", "second draft")
        for (status, day) in [("drafting", "2023-10-25"), ("filled", "2023-11-01"), ("validated", "2023-11-02"),
                              ("uploaded", "2023-11-10"), ("submitted", "2023-11-10")] {
            try s.ok(["set", aco, status] + (status == "drafting" ? [] : ["--file", v2.path]), now: day)
        }
        try s.ok(["review", aco, "--criterion", "key-contacts=met", "--criterion", "mid-year-narrative=met"], now: "2023-12-01")
        try s.ok(["set", aco, "accepted"], now: "2023-12-02")

        let history = try s.json(["history", aco], now: "2023-12-02")
        let events = try #require(history["events"]?.arrayValue)
        #expect(events.map { $0["to"]?.stringValue ?? "" } == [
            "planned", "drafting", "filled", "validated", "uploaded", "submitted", "reviewed", "resubmission-required",
            "drafting", "filled", "validated", "uploaded", "submitted", "reviewed", "accepted"])
        #expect(events[5]["by"] == .string("ann") && events[5]["at"] == .string("2023-10-02T00:00:00Z"))
        #expect(events[2]["sha256"] == .string(v1.sha) && events[9]["sha256"] == .string(v2.sha))
        #expect(events[6]["by"] == .string("masshealth-reviewer"))
        let reviews = try #require(history["reviews"]?.arrayValue)
        #expect(reviews.count == 2)
        #expect(reviews[0]["criteria"]?[1]?["comment"] == .string("describe anticipated challenges"))
        #expect(reviews[0]["resubmitBy"] == .string("2023-11-15"))

        // The hospital files its own report (R000-03): its instance is untouched by the ACO's,
        // and `docket fill --track` records the filled file on it.
        let hosKey = "BHOS/pip.hospital.pip1.midyear-planning"
        #expect(try s.json(["history", hosKey])["status"] == .string("planned"))
        let example = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
        let data = s.dir.appendingPathComponent("bhos.yaml")
        try example.replacingOccurrences(of: "abbreviation: MBRH", with: "abbreviation: BHOS").write(to: data, atomically: true, encoding: .utf8)
        let report = s.dir.appendingPathComponent("BHOS_PIPMidYearReport_09282023.md").path
        let fill = try DocketBinary.run(["fill", "pip-midyear-report", "--data", data.path, "--format", "md", "--output", report,
                                      "--date", "2023-09-28", "--track", "--db", s.db], environment: ["DOCKET_NOW": "2023-09-28"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let hos = try s.json(["history", hosKey])
        #expect(hos["status"] == .string("filled"))
        let sum = try ProcessRunner.run(ProcessRunner.which("sha256sum") ?? "/usr/bin/sha256sum", [report])
        #expect(hos["events"]?[1]?["sha256"] == .string(String(sum.stdout.prefix(64))))
        #expect(hos["events"]?[1]?["file"] == .string(report))
        let row = "BACO,pip.aco.pip1.midyear-planning,"
        #expect(!(try s.ok(["board", "--format", "csv"], now: "2023-12-02").contains(row)))
        #expect(try s.ok(["board", "--all", "--format", "csv"], now: "2023-12-02").contains(row))
        #expect(try s.ok(["board", "--all"], now: "2023-12-02").contains("-- accepted"))
        #expect(try s.ok(["check"]).contains("integrity: ok"))
    }

    /// Unknown entity, unknown instance, bad date, illegal transition: exit 1, message, nothing written.
    @Test func badInputExitsOneAndWritesNothing() throws {
        let s = TrackSandbox()
        try s.setUpPartners()
        let key = "BHOS/pip.hospital.pip1.midyear-planning"
        try s.ok(["set", key, "filled"])
        let before = try s.ok(["board", "--format", "json", "--all"])
        let historyBefore = try s.ok(["history", key, "--format", "json"])
        let cases: [([String], String)] = [
            (["set", key, "submitted"], "legal from filled: drafting, filled, validated"),
            (["set", "NOPE/pip.x", "drafting"], "unknown entity \"NOPE\""),
            (["set", "BHOS/pip.nothing", "drafting"], "unknown instance \"BHOS/pip.nothing\""),
            (["set", key, "finished"], "unknown status \"finished\""),
            (["board", "--entity", "ZZZ"], "unknown entity \"ZZZ\""),
            (["sync", "--events", s.events, "--from", "2023-02-30"], "--from: \"2023-02-30\" is not a valid date"),
            (["trigger", "dsrip.aco.full-participation-plan", "2023-13-01", "--no-check"], "is not a valid date"),
            (["review", key, "--criterion", "key-contacts=met"], "cannot record a review while filled"),
            (["entity", "add", "X", "--name", "X", "--type", "clinic"], "unknown entity type \"clinic\""),
        ]
        for (args, message) in cases {
            let r = try s.run(args)
            #expect(r.status == 1, "\(args) exited \(r.status)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        #expect(try s.ok(["board", "--format", "json", "--all"]) == before)
        #expect(try s.ok(["history", key, "--format", "json"]) == historyBefore)
        #expect(try s.run(["board", "--format", "xml"]).status == 2)
    }

    /// The shipped calendar: an ACPP receives ACO events; a recorded notification date resolves a pending one.
    @Test func syncFromShippedCalendarResolvesTriggers() throws {
        let s = TrackSandbox()
        try s.ok(["entity", "add", "BACO", "--name", "Bay ACO", "--type", "acpp", "--no-implied-types"])
        let out = try s.ok(["sync", "--from", "2023-01-01", "--to", "2024-12-31"])
        #expect(out.contains("+ BACO/pip.aco.pip1.midyear-planning"))
        let pending = "BACO/dsrip.aco.full-participation-plan"
        #expect(out.contains("+ \(pending)"))
        #expect(try s.json(["history", "BACO/pip.aco.pip1.midyear-planning"])["events"]?[0]?["note"]?.stringValue?
            .contains("due 2023-09-30 (explicit); source D000-01") == true)
        let unknown = try s.run(["trigger", "dsrip.aco.nothing", "2023-10-02"])
        #expect(unknown.status == 1 && unknown.stderr.contains("dsrip.aco.full-participation-plan"))
        try s.ok(["trigger", "dsrip.aco.full-participation-plan", "2023-10-02", "--entity", "BACO"])
        #expect(try s.ok(["sync", "--from", "2023-01-01", "--to", "2024-12-31"]).contains("~ \(pending)"))
        let events = try s.json(["history", pending])["events"]?.arrayValue ?? []
        #expect(events.count == 2)
        #expect(events.last?["note"]?.stringValue?.hasSuffix("→ due 2023-11-01 (derived)") == true) // D001-04: 30 days
    }

    @Test func outputsAreDeterministicAndCSVHasEveryRow() throws {
        let s = TrackSandbox()
        try s.setUpPartners()
        let a = try s.ok(["board", "--format", "csv"], now: "2023-09-15")
        #expect(a == (try s.ok(["board", "--format", "csv"], now: "2023-09-15")))
        #expect(a.split(separator: "\n").count == 12)
        let upcoming = try s.ok(["upcoming", "--days", "20"], now: "2023-09-15")
        #expect(upcoming.contains("pip.aco.pip1.midyear-planning") && upcoming.contains("15d"))
        #expect(!upcoming.contains("pip1.baseline-planning"))
    }
}
