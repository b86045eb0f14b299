import DocketCalendar
import DocketCore
import DocketDeliverables
import DocketFill
import DocketTestSupport
import DocketValidation
import Foundation
import Testing

/// The validation pipeline in process: no binary, no terminal.
@Suite struct SubmissionValidatorTests {
    static let root = TestPaths.packageRoot
    static let registry = try! DeliverableRegistry.load(root: root)  // the shipped Templates/ must load
    static let calendar = try! DueDates(schedule: Schedule.load(from: Schedule.bundledDefaultURL(packageRoot: root)))

    func validator(_ options: (inout ValidationOptions) -> Void = { _ in }) -> SubmissionValidator {
        var o = ValidationOptions(registry: Self.registry, calendar: Self.calendar)
        options(&o)
        return SubmissionValidator(options: o)
    }

    /// Fills `id`'s example (edited by `edit`) to `name` in a temporary folder.
    func filled(_ id: String, as name: String, format: OutputKind, edit: (String) -> String = { $0 }) throws -> String {
        let example = try String(contentsOf: Self.root.appendingPathComponent("Templates/\(id)/example.yaml"), encoding: .utf8)
        let data = try DataLoader.load(data: Data(edit(example).utf8), path: "\(id).yaml")
        let pipeline = try FillPipeline(target: DeliverableTarget(deliverable: #require(Self.registry.deliverable(id: id))), formats: [format])
        let r = pipeline.fill(FillRequest(input: .data(data), format: format, date: "2023-09-29"))
        let bytes = try #require(r.bytes, "\(r.diagnostics.map(\.message))")
        let path = TestPaths.temporaryDirectory().appendingPathComponent(name).path
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func shippedExamplesAreValidDataFiles() {
        var count = 0
        for id in Self.registry.ids {
            for url in Self.registry.deliverable(id: id)!.exampleURLs {
                let r = validator { $0.deliverable = id }.validate(url.path)
                #expect(r.valid, "\(id) \(url.lastPathComponent): \(r.errors.map(\.message))")
                #expect(r.deliverable == id)
                count += 1
            }
        }
        #expect(count >= 4, "example-2024.yaml is validated like the others")
    }

    @Test func pip1LatenessIsJudgedAgainstTheCalendar() throws {
        let path = try filled("pip-midyear-report", as: "MBRH_PIPMidYearReport_10022023.docx", format: .docx)
        let r = validator().validate(path)
        let late = try #require(r.warnings.first { $0.rule == "R000-04" })
        #expect(late.message.contains("after the due date 2023-09-30 (D000-01)"))
    }

    @Test func pip2IsDueAYearLater() throws {
        // A PIP 2 mid-year report (pip: 2) submitted 10/02/2023 is on time: D000-04, 9/30/2024.
        let data = Self.root.appendingPathComponent("Templates/pip-midyear-report/example.yaml")
        let text = "pip: 2\n" + (try String(contentsOf: data, encoding: .utf8))
        let dir = TestPaths.temporaryDirectory()
        let file = dir.appendingPathComponent("MBRH_PIPMidYearReport_10022023.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let due = Self.calendar.event(for: try #require(Self.registry.deliverable(id: "pip-midyear-report")),
                                      data: try DataLoader.load(path: file.path).value)
        guard case .success(let (event, date)) = due else { Issue.record("no due date: \(due)"); return }
        #expect(event.id == "pip.hospital.pip2.midyear-planning")
        #expect(date.description == "2024-09-30")
        // Given explicitly, the event decides: PIP 2 makes 10/02/2023 on time.
        let docx = try filled("pip-midyear-report", as: "MBRH_PIPMidYearReport_10022023.docx", format: .docx)
        let explicit = validator { $0.dueEvent = "pip.hospital.pip2.midyear-planning" }.validate(docx)
        #expect(!explicit.warnings.contains { $0.rule == "R000-04" }, "\(explicit.warnings.map(\.message))")
    }

    /// A PIP 2 report filled for its instance states "PIP 2" only in its heading: the validator reads
    /// it back and judges lateness against 9/30/2024 (D000-04), in .docx and .md alike.
    @Test(arguments: [OutputKind.docx, .md])
    func aFilledPIP2ReportIsJudgedAgainstPIP2sDueDate(_ kind: OutputKind) throws {
        let deliverable = try #require(Self.registry.deliverable(id: "pip-midyear-report"))
        let instance = try InstanceFill.resolve("MBRH/pip.hospital.pip2.midyear-planning", calendar: Self.calendar)
        let pipeline = try FillPipeline(target: DeliverableTarget(deliverable: deliverable), formats: [kind], dueDates: Self.calendar)
        let dir = TestPaths.temporaryDirectory()
        func validate(on date: String) throws -> ValidationReport {
            let example = try DataLoader.load(path: Self.root.appendingPathComponent("Templates/pip-midyear-report/example.yaml").path)
            let r = pipeline.fill(FillRequest(input: .data(example), format: kind, date: date, instance: instance))
            let name = try #require(r.fileName, "\(r.diagnostics.map(\.message))")
            let path = dir.appendingPathComponent(name).path
            try #require(r.bytes).write(to: URL(fileURLWithPath: path))
            return validator().validate(path)
        }
        // On time for PIP 2 (a PIP 1 report of that date would be a year late).
        let onTime = try validate(on: "2024-09-20")
        #expect(!onTime.warnings.contains { $0.rule == "R000-04" }, "\(onTime.warnings.map(\.message))")
        let late = try validate(on: "2024-10-03")
        let warning = try #require(late.warnings.first { $0.rule == "R000-04" }, "\(late.diagnostics.map(\.message))")
        #expect(warning.message.contains("after the due date 2024-09-30 (D000-04)"))
    }

    @Test func hqeNameIsDocketsChoiceAWarning() throws {
        let path = try filled("hqe-strategic-plan", as: "plan-final.docx", format: .docx)
        let r = validator { $0.deliverable = "hqe-strategic-plan" }.validate(path)
        let name = try #require(r.diagnostics.first { $0.location?.place == "file name" })
        #expect(name.severity == .warning)
        #expect(name.message.contains("Docket's choice"))
        #expect(r.valid, "\(r.errors.map(\.message))")
    }

    @Test func pipNameIsTheFormsRuleAnError() throws {
        let path = try filled("pip-midyear-report", as: "report.docx", format: .docx)
        let r = validator { $0.deliverable = "pip-midyear-report" }.validate(path)
        #expect(r.errors.contains { $0.rule == "R000-05" && $0.location?.place == "file name" })
        #expect(r.status == .invalid)
    }

    @Test func shortNarrativeIsNotAnEmptyResponse() throws {
        // Issue 13: a one-paragraph response of 30-40 words was reported as an empty "Response:".
        let short = "We met twice with our ACO partner to choose the PIP 1 topic and agreed on diabetes care measures for our shared patients this spring."
        let path = try filled("pip-midyear-report", as: "MBRH_PIPMidYearReport_09292023.docx", format: .docx) { text in
            let lines = text.components(separatedBy: "\n")
            guard let i = lines.firstIndex(where: { $0.hasPrefix("  response:") }) else { return text }
            var out = Array(lines[..<i]) + ["  response: \"\(short)\""]
            out += lines[(i + 1)...].drop { $0.hasPrefix("    ") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
            return out.joined(separator: "\n")
        }
        let r = validator().validate(path)
        #expect(!r.errors.contains { $0.rule == "submission.empty-response" }, "\(r.errors.map(\.message))")
    }

    @Test func batchIsValidatedInParallelInInputOrder() throws {
        let good = Self.root.appendingPathComponent("Templates/hqe-strategic-plan/example.yaml").path
        let paths = (0..<9).map { $0 % 3 == 0 ? "/missing-\($0).yaml" : good }
        let reports = validator { $0.deliverable = "hqe-strategic-plan" }.validateAll(paths, jobs: 3)
        #expect(reports.map(\.file) == paths)
        for (i, r) in reports.enumerated() { #expect((r.status == .usage) == (i % 3 == 0)) }
        #expect(SubmissionValidator.exitStatus(reports, strict: false) == .usage)
    }

    @Test func unsupportedTypeIsAUsageError() {
        let r = validator().validate("notes.txt")
        #expect(r.status == .usage)
        #expect(r.errors.first?.rule == "validate.file-type")
    }
}
