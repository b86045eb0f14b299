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
    }

    /// The published form carries Appendix A and Appendix B ("Appendix A and/or B", R000-13): a
    /// hospital's copy prints both, in the form's order, and says nothing about a selection.
    @Test func pipPrintsBothAppendicesAsTheFormDoes() {
        let out = MarkdownReader.unescape(Shipped.markdown("pip-midyear-report").output)
        let a = out.range(of: "## Appendix A: PIP Topic Guidance for Acute Hospitals")
        let b = out.range(of: "## Appendix B: PIP Topic Guidance for ACOs")
        #expect(a != nil && b != nil)
        if let a, let b { #expect(a.lowerBound < b.lowerBound) }
        #expect(out.contains("Avoidance of Antibiotic Treatment"), "Appendix A's list")
        #expect(out.contains("  - Prenatal and Postpartum Care"), "Appendix B's list")
        #expect(!out.contains("This copy prints"))
    }

    /// What Docket adds to the PIP form is marked as Docket's; the form's tables keep their own rows.
    @Test func pipMarksDocketsAdditionsAndKeepsTheFormsTables() {
        let r = Shipped.markdown("pip-midyear-report")
        let out = MarkdownReader.unescape(r.output)
        #expect(out.contains("*Added by Docket (not part of the published form): the details of this submission.*"))
        #expect(out.contains("*Added by Docket (not part of the published form):* **Review outcome:**"))
        #expect(!out.contains("| Key Contact |"), "no header row the form's table lacks")
        let contacts = MarkdownReader.tableRows(MarkdownReader(r.output).section("Key Contacts Updates:"))
        #expect(contacts.map { $0[0] } == ["Clinical Lead and Email/Contact Information", "Project Manager and Email/Contact Information",
                                            "Other Supporting Personnel, Role for PIPs, and Email/Contact Information"],
                "the form's role labels (the first is the Markdown header row)")
        #expect(out.contains("| Executive Sponsor and Email/Contact Information | Dr. Elena Marquez-Whitfield · emarquez@mbrh.example.org · 978-555-0142 |"))
        let rubric = MarkdownReader.tableRows(MarkdownReader(r.output).section("Rubric"))
        #expect(rubric.map { $0[0] } == ["", ""], "the form's Domain cells are empty")
    }

    @Test func pipWithOneAppendixChosenSaysSo() {
        var data = Shipped.example("pip-midyear-report")
        data.setTestValue("aco", key: "entity", "type")
        data.setTestValue(nil, key: "review")
        data.setTestValue(["appendices": ["B"]], key: "options")
        let r = Shipped.markdown("pip-midyear-report", data: data)
        #expect(!r.hasErrors, "\(r.diagnostics.map(\.message))")
        let out = MarkdownReader.unescape(r.output)
        #expect(out.contains("## Appendix B: PIP Topic Guidance for ACOs"))
        #expect(out.contains("  - Prenatal and Postpartum Care"))
        #expect(!out.contains("Avoidance of Antibiotic Treatment"))
        #expect(!out.contains("Guidance for acute specialty hospitals"))
        #expect(!out.contains("Appendix A:"))
        #expect(out.contains("*Added by Docket: This copy prints Appendix B (ACOs) only, as chosen in its data (options.appendices); the published form carries Appendix A (Acute Hospitals) and Appendix B (ACOs).*"))
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
        for value in ["## Section 1. ACO/MCO Information", "Name: Jordan Ellery", "Email: jellery@pvhpp.example.org",
                      "☒ Yes. Please provide the public statement", "☐ No", "Goal 3: Expand language-concordant care",
                      "MassHealth encourages ACOs/MCOs to consider", "Home blood pressure monitor benefit",
                      "| Contract type | Accountable Care Partnership Plan (ACPP) |"] {
            #expect(out.contains(value), "missing \(value)")
        }
    }

    /// The HQE template's fixed text is printed as published whatever the contract type: "ACO/MCO"
    /// is never rewritten (fifteen places, headings included); the contract type is in the
    /// submission details Docket adds.
    @Test(arguments: ["ACPP", "PCACO", "MCO"])
    func hqeFixedTextIsTheTemplatesWhateverTheContractType(type: String) {
        var data = Shipped.example("hqe-strategic-plan")
        data.setTestValue(.string(type), key: "entity", "contractType")
        let out = MarkdownReader.unescape(Shipped.markdown("hqe-strategic-plan", data: data).output)
        let seed = Shipped.seed("health-quality-equity-strategic-plan-template.txt").joined(separator: "\n")
        func count(_ s: String, _ word: String) -> Int { s.components(separatedBy: word).count - 1 }
        #expect(count(out, "ACO/MCO") == count(seed, "ACO/MCO"))
        #expect(count(out, "ACOs/MCOs") == count(seed, "ACOs/MCOs"))
        for heading in ["## Section 1. ACO/MCO Information", "## Section 2. ACO/MCO Commitment to Equity"] {
            #expect(out.contains(heading))
        }
        #expect(!out.contains("Section 1. \(type) Information"))
        #expect(out.contains("| Contract type | "), "the contract type is in Docket's submission details")
        #expect(out.contains("*Added by Docket (not part of the published template): the details of this submission.*"))
        // The form's "i. … ii. … iii." lines are lines, not bullets (no "• i.").
        #expect(out.contains("\ni. Strengths, weaknesses, opportunities, and threats to achieving the goal\\\n"))
        #expect(!out.contains("- i. Strengths"))
    }

    /// The IA report's own slips are kept as written and shown with an editor's note.
    @Test func iaSourceSlipsAreKeptWithEditorsNotes() {
        let out = MarkdownReader.unescape(Shipped.markdown("ia-midpoint-assessment").output)
        #expect(out.contains("organized into a framework of six focus areas *[Docket: so in the source; the framework lists five]*"))
        #expect(out.contains("| CP | Accountable Care Organization [Docket: so in the source; the acronym meant is ACO] |"))
        #expect(out.contains("The IA finds that CCP has an On track with limited recommendations in the Care Model focus area."))
        #expect(out.contains("*Added by Docket: the header row of this table.*"))
        #expect(out.contains("*Added by Docket (not part of the source report): the title above and this line.*"))
    }
}
