import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// End to end for the PIP reports after the Mid-Year report (Baseline/Planning, Remeasurement, Closure —
/// Docket's outlines of the seed's Description of Elements): every shipped example (hospital and ACO) fills
/// in docx, md and html, LibreOffice and pandoc read every example value back from the .docx, `docket
/// validate` finds nothing wrong in the filled .docx and .md, and `docket form` builds a Word form.
@Suite struct PIPReportsFillTests {
    /// (deliverable, example file, submission date before its anticipated due date, OnBase name)
    static let examples: [(String, String, String, String)] = [
        ("pip-baseline-report", "example.yaml", "2023-12-20", "MBRH_PIP1BaselineReport_12202023"),
        ("pip-baseline-report", "example-aco.yaml", "2024-12-20", "NSCCACO_PIP2BaselineReport_12202024"),
        ("pip-remeasurement-report", "example.yaml", "2025-09-26", "MBRH_PIP1Remeasurement2Report_09262025"),
        ("pip-remeasurement-report", "example-aco.yaml", "2025-09-26", "NSCCACO_PIP2Remeasurement1Report_09262025"),
        ("pip-closure-report", "example.yaml", "2026-12-18", "MBRH_PIP1ClosureReport_12182026"),
        ("pip-closure-report", "example-aco.yaml", "2027-12-17", "NSCCACO_PIP2ClosureReport_12172027"),
    ]
    static let cases = examples.indices.map { $0 }
    /// Printed otherwise (labels, "PIP 1", percentages) or not at all (the topic, booleans).
    static let notPrinted: Set<String> = ["entity.type", "pips.pip1.domain", "pips.pip2.domain", "pips.pip1.measures.*",
                                          "pips.pip2.measures.*", "pips.pip1.measures.0", "pips.pip2.measures.0"]

    func fill(_ i: Int, _ format: String) throws -> URL {
        let (id, file, date, name) = Self.examples[i]
        let out = TestPaths.temporaryDirectory("pip-report-fill")
        let r = try DocketBinary.run(["fill", id, "--data", "Templates/\(id)/\(file)", "--format", format,
                                      "--out-dir", out.path, "--date", date])
        #expect(r.status == 0, "\(id) \(file) \(format): \(r.stderr)")
        #expect(!r.stderr.contains("warning"), "\(r.stderr)")
        let url = out.appendingPathComponent("\(name).\(format)")
        #expect(FileManager.default.fileExists(atPath: url.path), "\((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [])")
        return url
    }

    func example(_ i: Int) throws -> JSONValue {
        let (id, file, _, _) = Self.examples[i]
        return try DataLoader.load(path: TestPaths.packageRoot.appendingPathComponent("Templates/\(id)/\(file)").path).value
    }

    @Test(arguments: cases) func docxContainsEveryExampleValue(_ i: Int) throws {
        let docx = try fill(i, "docx")
        let libre = try Readers.libreOfficeText(docx).foldedWhitespace
        let pandoc = try Readers.pandocText(docx).foldedWhitespace
        let expected = ExampleValues.texts(of: try example(i), skipping: Self.notPrinted)
        #expect(expected.count > 15)
        for text in expected {
            #expect(libre.contains(text), "LibreOffice text of \(Self.examples[i]) lacks: \(text)")
            #expect(pandoc.contains(text), "pandoc text of \(Self.examples[i]) lacks: \(text)")
        }
        #expect(!libre.contains("{{"))
        // The first page says plainly that MassHealth published no form and quotes the seed with its lines.
        let note = try #require(libre.range(of: "Added by Docket: MassHealth has published no form for the PIP"))
        #expect(libre[note.upperBound...].prefix(400).contains("seed lines"), "\(libre.prefix(1200))")
        #expect(libre.distance(from: libre.startIndex, to: note.lowerBound) < 200, "the note opens the document")
    }

    @Test(arguments: cases) func markdownAndHTMLContainEveryExampleValue(_ i: Int) throws {
        let mdFile = try fill(i, "md")
        let html = try String(contentsOf: try fill(i, "html"), encoding: .utf8)
        let pandoc = try Tools.require("pandoc")
        let plain = try ProcessRunner.run(pandoc, ["-f", "gfm", "-t", "plain", "--wrap=none", mdFile.path]).stdout.foldedWhitespace
        for text in ExampleValues.texts(of: try example(i), skipping: Self.notPrinted) {
            #expect(plain.contains(text), "Markdown of \(Self.examples[i]) lacks: \(text)")
        }
        #expect(html.contains("<table>"))
        #expect(!(try String(contentsOf: mdFile, encoding: .utf8)).contains("{{"))
    }

    /// The filled documents read back clean: no error and no warning (the OnBase name is Docket's pattern).
    @Test(arguments: cases) func filledDocumentsValidateClean(_ i: Int) throws {
        for format in ["docx", "md"] {
            let file = try fill(i, format)
            let r = try DocketBinary.run(["validate", file.path])
            #expect(r.status == 0, "\(Self.examples[i]) \(format): \(r.stderr)")
            #expect(r.stderr.contains("0 errors, 0 warnings"), "\(Self.examples[i]) \(format): \(r.stderr)")
        }
    }

    /// The document does not hold `pip` and `remeasurement` as answers; its name does: lateness is judged
    /// against that report's calendar event (PIP 2 Remeasurement 1 of an ACO: 9/30/2025, D000-07).
    @Test func lateNessFollowsThePIPAndRemeasurementInTheName() throws {
        let out = TestPaths.temporaryDirectory("pip-report-late")
        let fill = try DocketBinary.run(["fill", "pip-remeasurement-report", "--data", "Templates/pip-remeasurement-report/example-aco.yaml",
                                         "--format", "docx", "--out-dir", out.path, "--date", "2025-10-03"])
        #expect(fill.status == 0, "\(fill.stderr)")
        let r = try DocketBinary.run(["validate", out.appendingPathComponent("NSCCACO_PIP2Remeasurement1Report_10032025.docx").path])
        #expect(r.stderr.contains("[R000-19] the date in the file name (2025-10-03) is after the due date 2025-09-30 (D000-07)"), "\(r.stderr)")
    }

    /// Remeasurement 2 sets the carried-forward Baseline and Remeasurement 1 figures beside its own (DOCX table).
    @Test func remeasurement2ShowsTheEarlierFiguresSideBySide() throws {
        let docx = try fill(2, "docx")
        let text = try Readers.pandocText(docx).foldedWhitespace
        #expect(text.contains("41.2% (89/216; CY2023)") && text.contains("51.1% (118/231; CY2024)")
                && text.contains("54.6% (131/240; CY2025)") && text.contains("+13.4 pp"), "\(text)")
        let r = try Readers.runPython("""
            import sys, docx
            d = docx.Document(sys.argv[1])
            for t in d.tables:
                if t.rows[0].cells[0].text == 'Measure' and len(t.columns) == 6 and t.rows[0].cells[2].text == 'Baseline':
                    print('|'.join(c.text for c in t.rows[1].cells))
            """, [docx.path])
        #expect(r.stdout.contains("Spanish-speaking members|41.2% (89/216; CY2023)|51.1% (118/231; CY2024)|54.6% (131/240; CY2025)|+13.4 pp"),
                "\(r.stdout)\(r.stderr)")
    }

    /// `docket form <id>`: a fillable Word form that LibreOffice opens, named by the OnBase pattern.
    @Test(arguments: ["pip-baseline-report", "pip-remeasurement-report", "pip-closure-report"])
    func formBuildsAWordForm(_ id: String) throws {
        let dir = TestPaths.temporaryDirectory("pip-report-form")
        // Partial data: the PIP (and remeasurement) number, which name the form and choose its sections.
        let data = TestPaths.temporaryDirectory("pip-report-form-data").appendingPathComponent("partial.yaml")
        try (id == "pip-remeasurement-report" ? "pip: 2\nremeasurement: 2\n" : "pip: 2\n").write(to: data, atomically: true, encoding: .utf8)
        let r = try DocketBinary.run(["form", id, "--data", data.path, "--out-dir", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first)
        #expect(name.hasPrefix(id == "pip-remeasurement-report" ? "ABBR_PIP2Remeasurement2Report_" : "ABBR_PIP2") && name.hasSuffix(".docx"), "\(name)")
        let out = dir.appendingPathComponent(name)
        let text = try Readers.libreOfficeText(out).foldedWhitespace
        #expect(text.contains("MassHealth has published no form"), "\(text.prefix(500))")
        if id == "pip-remeasurement-report" { #expect(text.contains("Initial Plans for Continuation Beyond the PIP")) }
        #expect(!text.contains("{{"))
        let extracted = try DocketBinary.run(["extract", out.path])
        #expect(extracted.status == 0 && extracted.stdout == "{}\n", "\(extracted.stdout)\(extracted.stderr)")
    }
}
