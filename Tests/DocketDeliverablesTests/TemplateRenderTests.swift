import DocketCore
import DocketDOCX
import DocketTestSupport
import Foundation
import Testing

/// Every shipped Markdown template fills from its example without a missing field, and the
/// example's own values appear in the output.
@Suite struct TemplateRenderTests {
    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
    func exampleFillsWithoutErrors(id: String) throws {
        let r = Shipped.markdown(id)
        #expect(!r.hasErrors, "\(r.diagnostics.map(\.message))")
        #expect(!r.output.contains("[MISSING"))
        if let dump = ProcessInfo.processInfo.environment["DOCKET_DUMP_DIR"] {
            try r.output.write(toFile: "\(dump)/\(id).md", atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
    func docxTemplateFillsWithoutErrors(id: String) throws {
        let d = Shipped.deliverable(id)
        let template = try DocxTemplate.load(d.docxFolderURL)
        let (bytes, diagnostics) = template.fill(data: d.enrich(Shipped.example(id), date: Shipped.date))
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics.map { "\($0.location?.place ?? ""): \($0.message)" })")
        #expect(bytes != nil)
        if let dump = ProcessInfo.processInfo.environment["DOCKET_DUMP_DIR"], let bytes {
            try bytes.write(to: URL(fileURLWithPath: "\(dump)/\(id).docx"))
        }
    }

    /// The DOCX folders are generated from template.md (Templates/tools/md2docx.py): they must be
    /// up to date, well-formed XML, and share one styles.xml / numbering.xml design.
    @Test func docxFoldersAreInSyncWithTheMarkdownTemplates() throws {
        let python = try #require(ProcessRunner.which("python3"))
        let r = try ProcessRunner.run(python, ["Templates/tools/md2docx.py", "--check"], cwd: TestPaths.packageRoot)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let parse = try ProcessRunner.run(python, ["-c", """
            import glob, sys, xml.dom.minidom
            files = glob.glob('Templates/*/docx/**/*.xml', recursive=True) + glob.glob('Templates/*/docx/**/.rels', recursive=True) + glob.glob('Templates/*/docx/**/*.rels', recursive=True)
            for f in files: xml.dom.minidom.parse(f)
            print(len(set(files)))
            """], cwd: TestPaths.packageRoot)
        #expect(parse.status == 0, "\(parse.stderr)")
        #expect(Int(parse.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 33)
        for part in ["word/styles.xml", "word/numbering.xml", "word/settings.xml"] {
            let texts = try Shipped.registry.deliverables.map { try Data(contentsOf: $0.docxFolderURL.appendingPathComponent(part)) }
            #expect(Set(texts).count == 1, "\(part) differs between deliverables")
        }
    }

    @Test func pipExampleValuesAppear() {
        let out = MarkdownReader.unescape(Shipped.markdown("pip-midyear-report").output)
        for value in ["Merrimack Bay Regional Hospital (MBRH)", "Dr. Elena Marquez-Whitfield", "emarquez@mbrh.example.org",
                      "Priya Ramanathan", "Health Equity Data Analyst", "Tomás Ferreira", "978-555-0119",
                      "Appendix A: PIP Topic Guidance for Acute Hospitals", "MBRH_PIPMidYearReport_09292023",
                      "Please describe how the ACO partner's health equity goals informed measure selection.",
                      "Resubmission required (Mid-Year Planning for PIP 1: Partially Met)."] {
            #expect(out.contains(value), "missing \(value)")
        }
        #expect(!out.contains("Appendix B"))
    }

    @Test func pipForAnACOPrintsAppendixBWithItsLists() {
        var data = Shipped.example("pip-midyear-report")
        data.setTestValue("aco", key: "entity", "type")
        data.setTestValue(nil, key: "review")
        let r = Shipped.markdown("pip-midyear-report", data: data)
        #expect(!r.hasErrors, "\(r.diagnostics.map(\.message))")
        let out = MarkdownReader.unescape(r.output)
        #expect(out.contains("## Appendix B: PIP Topic Guidance for ACOs"))
        #expect(out.contains("  - Prenatal and Postpartum Care"))
        #expect(!out.contains("Avoidance of Antibiotic Treatment"))
        #expect(!out.contains("Guidance for acute specialty hospitals"))
        #expect(!out.contains("Appendix A:"))
        #expect(!out.contains("Review outcome"))
        let rubric = MarkdownReader.tableRows(MarkdownReader(r.output).section("Rubric"))
        #expect(rubric.map { $0[3] } == ["", ""], "unreviewed rubric leaves the rating cells blank")
    }

    @Test func hqeNoAnswersLeaveTheRightBoxes() {
        var data = Shipped.example("hqe-strategic-plan")
        data.setTestValue(false, key: "commitment", "publicStatement", "exists")
        data.setTestValue(nil, key: "commitment", "publicStatement", "statement")
        let out = Shipped.markdown("hqe-strategic-plan", data: data).output
        #expect(out.contains("☐ Yes. Please provide the public statement"))
        #expect(out.contains("☒ No"))
        #expect(!out.contains("Public statement of commitment to equity:"), "the statement prints only for Yes")
    }

    @Test func hqeExampleValuesAppear() {
        let out = MarkdownReader.unescape(Shipped.markdown("hqe-strategic-plan").output)
        for value in ["## Section 1. ACPP Information", "Jordan Ellery", "jellery@pvhpp.example.org",
                      "☒ Yes. Please provide the public statement", "☐ No", "Goal 3: Expand language-concordant care",
                      "MassHealth encourages ACPPs to consider", "Home blood pressure monitor benefit"] {
            #expect(out.contains(value), "missing \(value)")
        }
        #expect(!out.contains("ACO/MCO"))
    }
}
