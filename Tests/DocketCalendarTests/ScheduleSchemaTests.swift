import DocketCore
import DocketTestSupport
import Foundation
import Testing
@testable import DocketCalendar

/// The schedule's JSON Schema: enforced at load by Docket's engine, cross-checked with Python jsonschema.
@Suite struct ScheduleSchemaTests {
    let schemaURL = TestPaths.packageRoot.appendingPathComponent("Schemas/schedule/schedule.schema.json")

    @Test func shippedScheduleNamesItsSchema() throws {
        let loaded = try DataLoader.load(path: Schedule.bundledDefaultURL(packageRoot: TestPaths.packageRoot).path)
        #expect(loaded.value["$schema"]?.stringValue == "./schedule.schema.json")
        #expect(ScheduleSchemaCheck.errors(loaded).isEmpty)
    }

    @Test func schemaViolationsAreReportedWithLocations() {
        let url = TestPaths.fixture("DocketCalendarTests", "schema-violation.yaml")
        do {
            _ = try Schedule.load(from: url)
            Issue.record("expected schema errors")
        } catch {
            let d = error.diagnostics
            #expect(!d.isEmpty)
            #expect(d.allSatisfy { $0.location?.file == url.path && $0.rule.hasPrefix("schema.") })
            #expect(d.contains { $0.instanceLocation == "/events/0/status" && $0.location?.position?.line == 19 })
            #expect(d.contains { ($0.instanceLocation ?? "").hasPrefix("/events/0/rule") })
        }
    }

    /// The shipped schedule (as JSON) is valid for Python's jsonschema too, and the schema itself
    /// passes the draft 2020-12 meta-schema there.
    @Test func pythonJsonschemaAgrees() throws {
        let python = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python").path
        #expect(FileManager.default.isExecutableFile(atPath: python), "run `bash scripts/setup.sh test` to create .venv")
        let loaded = try DataLoader.load(path: Schedule.bundledDefaultURL(packageRoot: TestPaths.packageRoot).path)
        let dir = TestPaths.temporaryDirectory("docket-schedule")
        let instance = dir.appendingPathComponent("schedule.json")
        try JSONWriter.data(loaded.value).write(to: instance)
        let code = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); data = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
            print(len(errors)); [print(list(e.path), e.message) for e in errors[:5]]
            bad = dict(data); bad["events"] = [dict(data["events"][0], status="sure")]
            print(len(list(jsonschema.Draft202012Validator(schema).iter_errors(bad))))
            """
        let r = try ProcessRunner.run(python, ["-c", code, schemaURL.path, instance.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").first == "0", "\(r.stdout)")
        #expect(r.stdout.split(separator: "\n").last == "1", "a bad status is rejected")
    }
}
