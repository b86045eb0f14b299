import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// `docket validate` end to end: exit codes, compiler-style text, the JSON report.
@Suite struct ValidateCommandTests {
    func fixture(_ name: String) -> String { TestPaths.fixture("DocketCLITests", "validate/" + name).path }
    var schema: String { fixture("person.schema.json") }

    @Test func validDataExitsZero() throws {
        let r = try DocketBinary.run(["validate", fixture("good.yaml"), "--schema", schema])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 file, valid: 0 errors, 0 warnings"))
    }

    @Test func invalidDataListsEveryErrorAtItsLine() throws {
        let r = try DocketBinary.run(["validate", fixture("bad.yaml"), "--schema", schema])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("bad.yaml:1:7: error: [schema.minLength] text is 1 character long; at least 2 required (at /name)") })
        #expect(lines.contains { $0.hasSuffix("bad.yaml:2:6: error: [schema.minimum] -1 is less than the minimum 0 (at /age)") })
        #expect(lines.contains { $0.contains("bad.yaml:3:8: error: [schema.additionalProperties]") && $0.contains("'extra'") })
        #expect(lines.last?.contains("3 errors, 0 warnings") == true)
    }

    @Test func jsonReportHasOneObjectPerFile() throws {
        let r = try DocketBinary.run(["validate", fixture("good.yaml"), fixture("bad.yaml"), "--schema", schema, "--format", "json"])
        #expect(r.status == 1)
        let (report, _) = try JSONParser.parse(r.stdout)
        let files = try #require(report.arrayValue)
        #expect(files.count == 2)
        #expect(files[0]["valid"] == .bool(true))
        #expect(files[0]["errors"] == .array([]))
        #expect(files[1]["valid"] == .bool(false))
        let first = try #require(files[1]["errors"]?[0])
        // One diagnostic shape for every command (docs/diagnostics.md).
        #expect(Set(first.objectValue?.keys.map { $0 } ?? []) == ["severity", "rule", "message", "file", "line", "column", "place", "where",
                                                                  "instanceLocation", "keywordLocation", "absoluteKeywordLocation"])
        #expect(first["severity"] == "error")
        #expect(first["line"] == .int(1))
        #expect(first["column"] == .int(7))
        #expect(first["rule"] == "schema.minLength")
        #expect(first["keywordLocation"] == "/properties/name/minLength")
        #expect(first["where"]?.stringValue?.hasSuffix("bad.yaml:1:7") == true)
        let again = try DocketBinary.run(["validate", fixture("good.yaml"), fixture("bad.yaml"), "--schema", schema, "--format", "json"])
        #expect(again.stdout == r.stdout)
    }

    @Test func warningsPassUnlessStrict() throws {
        let r = try DocketBinary.run(["validate", fixture("wordy.json"), "--schema", schema])
        #expect(r.status == 0)
        #expect(r.stderr.contains("wordy.json:4:14: warning: [R000-10] text has 7 words; the suggested maximum is 5 (at /summary)"))
        let strict = try DocketBinary.run(["validate", fixture("wordy.json"), "--schema", schema, "--strict"])
        #expect(strict.status == 1)
    }

    @Test func formatAssertionIsOptIn() throws {
        #expect(try DocketBinary.run(["validate", fixture("email.yaml"), "--schema", schema]).status == 0)
        let r = try DocketBinary.run(["validate", fixture("email.yaml"), "--schema", schema, "--format-assert"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("email.yaml:3:8: error: [schema.format]"))
    }

    @Test func deliverableExamplesAreValid() throws {
        for id in ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"] {
            let example = TestPaths.packageRoot.appendingPathComponent("Templates/\(id)/example.yaml").path
            let r = try DocketBinary.run(["validate", example, "--deliverable", id])
            #expect(r.status == 0, "\(id): \(r.stderr)")
        }
    }

    @Test func deliverableIsInferredFromTheData() throws {
        let dir = TestPaths.temporaryDirectory("validate-infer")
        let example = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
        let file = dir.appendingPathComponent("pip.yaml")
        try ("deliverable: pip-midyear-report\n" + example).write(to: file, atomically: true, encoding: .utf8)
        let r = try DocketBinary.run(["validate", file.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(try JSONParser.parse(r.stdout).0[0]?["deliverable"] == "pip-midyear-report")
        let mismatch = try DocketBinary.run(["validate", file.path, "--deliverable", "hqe-strategic-plan"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("[data.deliverable]"))
    }

    @Test func unusableInputsExitTwo() throws {
        let missing = try DocketBinary.run(["validate", fixture("nope.yaml"), "--schema", schema])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("[io.read]"))
        let unknown = try DocketBinary.run(["validate", fixture("good.yaml"), "--deliverable", "no-such-thing"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no schema for deliverable 'no-such-thing'"))
        #expect(unknown.stderr.contains("pip-midyear-report"))
        let undeclared = try DocketBinary.run(["validate", fixture("good.yaml")])
        #expect(undeclared.status == 2)
        #expect(undeclared.stderr.contains("add a top-level 'deliverable:' key"))
        let badSchema = try DocketBinary.run(["validate", fixture("good.yaml"), "--schema", fixture("broken.schema.json")])
        #expect(badSchema.status == 2)
        #expect(badSchema.stderr.contains("broken.schema.json:1:10: error: [schema.metaschema]"))
        #expect(badSchema.stderr.contains("/minimum"))
    }

    @Test func usageErrorsNameTheToken() throws {
        let format = try DocketBinary.run(["validate", fixture("good.yaml"), "--format", "xml"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("'xml'"))
        let ext = try DocketBinary.run(["validate", "notes.txt"])
        #expect(ext.status == 2)
        #expect(ext.stderr.contains("'notes.txt'"))
        #expect(ext.stderr.contains(".yaml"))
    }
}
