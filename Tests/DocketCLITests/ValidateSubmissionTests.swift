import DocketTestSupport
import Foundation
import Testing

/// `docket validate` on filled Markdown submissions and on data files (named rules). The
/// submissions are the shipped examples filled by `docket fill --format md` (once per run).
@Suite struct ValidateSubmissionTests {
    static let pipName = "MBRH_PIPMidYearReport_09292023.md"
    static let fixtures = ["MBRH_PIPMidYearReport_09292023.md", "PVHPP_HQEStrategicPlan_09292023.md", "CCP_MidpointAssessment_09292023.md"]

    static let filled: URL = {
        let dir = TestPaths.temporaryDirectory("validate-filled")
        for id in ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"] {
            let r = try! DocketBinary.run(["fill", id, "--data", "Templates/\(id)/example.yaml", "--format", "md",
                                        "--out-dir", dir.path, "--date", "2023-09-29"])
            precondition(r.status == 0, "docket fill \(id) failed: \(r.stderr)")
        }
        return dir
    }()

    static func fixture(_ name: String) -> URL { filled.appendingPathComponent(name) }

    /// A copy of the PIP fixture, edited, saved as `name` in a fresh folder.
    static func editedPIP(_ name: String = pipName, _ edit: (String) -> String) throws -> String {
        let text = try String(contentsOf: fixture(pipName), encoding: .utf8)
        let url = TestPaths.temporaryDirectory("validate-md").appendingPathComponent(name)
        try edit(text).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func json(_ stdout: String) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]])
    }

    static func rules(_ report: [String: Any], _ key: String) -> [String] {
        ((report[key] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
    }

    @Test func filledExamplesValidateCleanAndDeliverableIsInferred() throws {
        let r = try DocketBinary.run(["validate", "--format", "json"] + Self.fixtures.map { Self.fixture($0).path })
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let reports = try Self.json(r.stdout)
        #expect(reports.map { $0["deliverable"] as? String } == ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
        #expect(reports.allSatisfy { $0["valid"] as? Bool == true && Self.rules($0, "errors").isEmpty && Self.rules($0, "warnings").isEmpty })
    }

    @Test func emptyResponseIsReportedWithItsLine() throws {
        let path = try Self.editedPIP { text in
            let start = text.range(of: "**Response:**\n")!.upperBound
            let end = text.range(of: "\n## Appendix A")!.lowerBound
            return String(text[..<start]) + "\n" + String(text[end...])
        }
        let r = try DocketBinary.run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: [submission.empty-response]"), "\(r.stderr)")
        #expect(r.stderr.contains(Self.pipName + ":"), "location is file:line:col")
    }

    @Test func leftoverTagAndMissingMarkerAreErrors() throws {
        let path = try Self.editedPIP { $0.replacingOccurrences(of: "Dr. Samuel Okafor", with: "{{contacts.clinicalLead.name}} [MISSING: x]") }
        let r = try DocketBinary.run(["validate", "--format", "json", path])
        #expect(r.status == 1)
        let report = try #require(Self.json(r.stdout).first)
        #expect(Self.rules(report, "errors") == ["submission.leftover", "submission.leftover"])
        let messages = ((report["errors"] as? [[String: Any]]) ?? []).compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("{{contacts.clinicalLead.name}}") })
    }

    @Test func missingHeadingIsNamed() throws {
        let path = try Self.editedPIP { $0.replacingOccurrences(of: "## Key Contacts Updates:\n", with: "") }
        let r = try DocketBinary.run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[submission.heading] heading \"Key Contacts Updates:\" of the template is missing"), "\(r.stderr)")
    }

    @Test func wrongFileNameIsR00005() throws {
        let path = try Self.editedPIP("MBRH-MidYear-Report.md") { $0 }
        let r = try DocketBinary.run(["validate", "--deliverable", "pip-midyear-report", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: [R000-05] file name `MBRH-MidYear-Report`"), "\(r.stderr)")
    }

    @Test func lateDateInNameIsAWarningFailingOnlyWhenStrict() throws {
        let path = try Self.editedPIP("MBRH_PIPMidYearReport_10022023.md") { $0 }
        let r = try DocketBinary.run(["validate", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: [R000-04]") && r.stderr.contains("2023-10-02") && r.stderr.contains("D000-01"), "\(r.stderr)")
        #expect(try DocketBinary.run(["validate", "--strict", path]).status == 1)
    }

    @Test func longNarrativeIsR00010Warning() throws {
        let filler = Array(repeating: "word", count: 520).joined(separator: " ")
        let path = try Self.editedPIP { $0.replacingOccurrences(of: "Anticipated challenges:", with: filler + "\n\nAnticipated challenges:") }
        let r = try DocketBinary.run(["validate", path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: [R000-10]"), "\(r.stderr)")
    }

    @Test func invalidUTF8MarkdownIsAClearError() throws {
        let url = TestPaths.temporaryDirectory("validate-md").appendingPathComponent(Self.pipName)
        try Data([0x23, 0x20, 0xC3, 0x28, 0xFF, 0x0A]).write(to: url)
        let r = try DocketBinary.run(["validate", url.path])
        #expect(r.status == 1, "read, but its content is invalid: exit 1 like a YAML syntax error")
        #expect(r.stderr.contains("[submission.encoding]") && r.stderr.contains("UTF-8"), "\(r.stderr)")
    }

    /// PIP topic rules on a data file; the schema's enum error is kept beside the rule's.
    @Test func pipTopicRulesOnDataFiles() throws {
        var pip = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
        pip = pip.replacingOccurrences(of: "  partnerExempt: false\n", with: "  partnerExempt: false\n  obstetricDelivery: true\n")
        pip += "pips:\n  pip1: {domain: care-coordination, measures: [Follow-Up After Hospitalization for Mental Illness]}\n"
            + "  pip2: {domain: Care Coordination, measures: [Prenatal and Postpartum Care]}\n"
        let url = TestPaths.temporaryDirectory("validate-data").appendingPathComponent("pip.yaml")
        try pip.write(to: url, atomically: true, encoding: .utf8)
        let r = try DocketBinary.run(["validate", "--deliverable", "pip-midyear-report", url.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[R000-24] value \"Care Coordination\" is not one of the allowed values"), "\(r.stderr)")
        #expect(r.stderr.contains("[R000-24] PIP 1 and PIP 2 are both in Care Coordination"), "\(r.stderr)")
        #expect(r.stderr.contains("[R000-26] pip2 measure `Prenatal and Postpartum Care` is not in the Appendix A obstetric measure list"), "\(r.stderr)")
        #expect(r.stderr.contains("pip.yaml:"), "located in the data file")
    }

    /// Data files get the named rules after the schema; one problem is said once.
    @Test func dataFilesGetNamedRules() throws {
        let dir = TestPaths.temporaryDirectory("validate-data")
        var ia = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/ia-midpoint-assessment/example.yaml"), encoding: .utf8)
        ia = ia.replacingOccurrences(of: "- id: workforce-development", with: "- id: care-model")
        try ia.write(to: dir.appendingPathComponent("ia.yaml"), atomically: true, encoding: .utf8)
        let r = try DocketBinary.run(["validate", "--deliverable", "ia-midpoint-assessment", dir.appendingPathComponent("ia.yaml").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[R002-03] focus area `care-model` is rated twice"), "\(r.stderr)")
        #expect(r.stderr.contains("[R002-03] focus area `workforce-development` has no rating"), "\(r.stderr)")

        var hqe = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/hqe-strategic-plan/example.yaml"), encoding: .utf8)
        hqe = hqe.replacingOccurrences(of: "  publicStatement:\n    exists: true\n", with: "  publicStatement:\n    exists: true\n    statement: ''\n    x: 1\n")
        let cut = hqe.range(of: "    statement: |\n      Pioneer Valley")!
        let end = hqe.range(of: "  teamComposition:")!
        hqe.removeSubrange(cut.lowerBound..<end.lowerBound)
        hqe = hqe.replacingOccurrences(of: "    x: 1\n", with: "")
        try hqe.write(to: dir.appendingPathComponent("hqe.yaml"), atomically: true, encoding: .utf8)
        let h = try DocketBinary.run(["validate", "--deliverable", "hqe-strategic-plan", dir.appendingPathComponent("hqe.yaml").path])
        #expect(h.status == 1)
        let lines = h.stderr.split(separator: "\n").filter { $0.contains("[R003-09]") }
        #expect(lines.count == 1, "R003-09 said once: \(h.stderr)")
        #expect(lines.first?.contains("public statement is empty") == true)
    }
}
