import DocketCore
import DocketDeliverables
import DocketFill
import DocketTestSupport
import Foundation
import Testing

/// `carryForwardFrom:` in a PIP report's data file: the fill reads the earlier reports' data files (relative
/// to it) and carries their entity, PIP, aim, goals and measures in; a bad file is an error at its list item.
@Suite struct CarryForwardFillTests {
    static let registry = try! DeliverableRegistry.load(root: TestPaths.packageRoot)  // test fixture: the shipped Templates/ must load
    static let templates = TestPaths.packageRoot.appendingPathComponent("Templates")

    func fill(_ id: String, _ data: String, files: [String: String]) throws -> FillResult {
        let dir = TestPaths.temporaryDirectory("carry-forward")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let path = dir.appendingPathComponent("report.yaml")
        try data.write(to: path, atomically: true, encoding: .utf8)
        let pipeline = try FillPipeline(target: try FillTargets.resolve(id, registry: Self.registry), formats: [.md])
        return pipeline.fill(FillRequest(input: .file(path.path), format: .md, date: "2025-09-29"))
    }

    func example(_ id: String, _ file: String = "example.yaml") throws -> String {
        try String(contentsOf: Self.templates.appendingPathComponent("\(id)/\(file)"), encoding: .utf8)
    }

    /// A Remeasurement 2 Report whose Baseline and Remeasurement 1 figures come from their data files.
    static let r2 = """
        remeasurement: 2
        carryForwardFrom: [baseline.yaml, earlier/remeasurement1.yaml]
        measures:
          - {name: Follow-Up After ED Visit for Mental Illness (7-day), stratification: Spanish-speaking members, period: CY2025, numerator: 131, denominator: 240}
        assessment:
          technicalAssistance: TA feedback.
          methodology: Unchanged.
          interventionProgress: On track.
          goalPerformance: Better.
          continuationPlans: Keep it.
        """

    static let r1 = """
        pip: 1
        remeasurement: 1
        entity: {name: Merrimack Bay Regional Hospital, abbreviation: MBRH, type: acute-hospital}
        measures:
          - {name: Follow-Up After ED Visit for Mental Illness (7-day), stratification: Spanish-speaking members, period: CY2024, numerator: 118, denominator: 231}
        """

    @Test func remeasurement2ReadsTheEarlierReportsFiles() throws {
        let r = try fill("pip-remeasurement-report", Self.r2,
                         files: ["baseline.yaml": try example("pip-baseline-report"), "earlier/remeasurement1.yaml": Self.r1])
        #expect(r.status == .success, "\(r.diagnostics.map(\.message))")
        #expect(r.fileName == "MBRH_PIP1Remeasurement2Report_09292025.md", "the entity and PIP came from the Baseline")
        let md = String(decoding: r.bytes ?? Data(), as: UTF8.self).replacingOccurrences(of: "\\", with: "")
        #expect(md.contains("| Follow-Up After ED Visit for Mental Illness (7-day) | Spanish-speaking members | 41.2% (89/216; CY2023) | 51.1% (118/231; CY2024) | 54.6% (131/240; CY2025) | +13.4 pp |"), "\(md)")
        #expect(md.contains("Close the 7-day follow-up gap"), "the Baseline's goals print")
    }

    @Test func anotherEntitysReportIsAnErrorAtItsListItem() throws {
        let r = try fill("pip-remeasurement-report", Self.r2,
                         files: ["baseline.yaml": try example("pip-baseline-report", "example-aco.yaml"), "earlier/remeasurement1.yaml": Self.r1])
        #expect(r.status == .invalid && r.bytes == nil)
        let d = try #require(r.diagnostics.first)
        #expect(r.diagnostics.count == 1, "\(r.diagnostics.map(\.message))")
        #expect(d.rule == PIPCarryForward.rule && d.isError)
        #expect(d.location?.position == SourcePosition(line: 2, column: 35), "\(String(describing: d.location))")
        #expect(d.message.contains("`earlier/remeasurement1.yaml`") && d.message.contains("entity `MBRH`, this report for `NSCCACO`"), "\(d.message)")
    }

    @Test func anotherPIPUnreadableOrOutsideFilesAreErrors() throws {
        let pip2 = Self.r1.replacingOccurrences(of: "pip: 1", with: "pip: 2")
        let other = try fill("pip-remeasurement-report", Self.r2,
                             files: ["baseline.yaml": try example("pip-baseline-report"), "earlier/remeasurement1.yaml": pip2])
        #expect(other.status == .invalid)
        #expect(other.diagnostics.map(\.message).contains { $0.contains("it is for PIP 2, this report for PIP 1") }, "\(other.diagnostics.map(\.message))")

        let missing = try fill("pip-remeasurement-report", Self.r2, files: ["baseline.yaml": try example("pip-baseline-report")])
        #expect(missing.status == .usage, "an unreadable file is an I/O error")
        #expect(missing.diagnostics.map(\.instanceLocation) == ["/carryForwardFrom/1"])

        let outside = try fill("pip-closure-report", "carryForwardFrom: [../baseline.yaml, /etc/passwd]\n", files: [:])
        #expect(outside.status == .invalid)
        #expect(outside.diagnostics.count == 2 && outside.diagnostics.allSatisfy { $0.message.contains("no absolute path, no `..`") })
    }
}
