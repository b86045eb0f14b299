import Foundation
import DocketCore
import Testing
import DocketTestSupport

@Suite struct FillCommandTests {
    static let dir = "Tests/DocketCLITests/Fixtures/fill"
    static var template: String { "\(dir)/contacts.md" }

    @Test func fillsMarkdownToStandardOutput() throws {
        let r = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/good.yaml", "--format", "md"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("# Key contacts for Harbor \\& Bay \"Health\" Partners (HBHP)"))
        #expect(r.stdout.contains("Due September 30, 2023."))
        #expect(r.stdout.contains("| Clinical Lead | Dr. Luis Ortega | lortega@hbhp.example.org |"))
        #expect(r.stdout.contains("We met **four times**"), "Markdown field inserted as Markdown")
        #expect(!r.stdout.contains("Reviewer"), "absent section renders nothing")
        #expect(!r.stdout.contains("{{"))
    }

    @Test func reportsEveryMissingFieldWithLocationAndWritesNothing() throws {
        let out = TestPaths.temporaryDirectory()
        let r = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/missing.yaml", "--format", "md", "--out-dir", out.path])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("template.missing-field") }
        #expect(lines.count == 3, "\(r.stderr)")
        #expect(r.stderr.contains("contacts.md:1:"), "entity.abbreviation on line 1")
        #expect(r.stderr.contains("'entity.abbreviation'"))
        #expect(r.stderr.contains("'due'"))
        #expect(r.stderr.contains("'email' (in contacts.0)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "nothing written")
    }

    @Test func allowMissingRendersVisibleMarkers() throws {
        let r = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/missing.yaml", "--format", "md", "--allow-missing"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\\[MISSING: entity.abbreviation\\]"))
        #expect(r.stderr.contains("warning"))
    }

    @Test func outDirUsesOnBaseNameAndHTMLRendersTable() throws {
        let out = TestPaths.temporaryDirectory()
        let r = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/good.yaml", "--format", "html",
                                   "--out-dir", out.path, "--date", "2023-09-29"])
        #expect(r.status == 0, "\(r.stderr)")
        let file = out.appendingPathComponent("HBHP_Contacts_09292023.html")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>Dr. Luis Ortega</td>"))
        #expect(html.contains("<strong>four times</strong>"))
        #expect(html.contains("Harbor &amp; Bay"))
    }

    @Test func sameInputsGiveSameBytes() throws {
        let out1 = TestPaths.temporaryDirectory(), out2 = TestPaths.temporaryDirectory()
        for out in [out1, out2] {
            let r = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/good.yaml", "--format", "html", "--out-dir", out.path, "--date", "2023-09-29"])
            #expect(r.status == 0)
        }
        let a = try Data(contentsOf: out1.appendingPathComponent("HBHP_Contacts_09292023.html"))
        let b = try Data(contentsOf: out2.appendingPathComponent("HBHP_Contacts_09292023.html"))
        #expect(a == b)
    }

    @Test func batchFillsGoodFilesAndSummarisesFailures() throws {
        let out = TestPaths.temporaryDirectory()
        let r = try DocketBinary.run(["fill", Self.template, "--batch", "\(Self.dir)/*.yaml", "--out-dir", out.path,
                                   "--format", "md", "--date", "2023-09-29", "--jobs", "2"])
        #expect(r.status == 1, "one bad file makes the run fail")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["HBHP_Contacts_09292023.md", "NSCC_Contacts_09292023.md"])
        #expect(r.stderr.contains("batch: 2 filled, 2 failed"))
        #expect(r.stderr.contains("broken.yaml: failed"))
        #expect(r.stderr.contains("missing.yaml: failed"))
    }

    @Test func badDataPointsToLineAndColumn() throws {
        let r = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/broken.yaml", "--format", "md"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("broken.yaml:3:"), "\(r.stderr)")
        #expect(r.stderr.contains("data.syntax"))
    }

    @Test func usageErrorsNameTheTokenAndExit2() throws {
        let bad = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/good.yaml", "--date", "2023-02-30"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("2023-02-30"))
        let fmt = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/good.yaml", "--format", "pdf"])
        #expect(fmt.status == 2)
        #expect(fmt.stderr.contains("pdf"))
        let typo = try DocketBinary.run(["fill", "pip-midyear-reprot", "--data", "\(Self.dir)/good.yaml"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'pip-midyear-report'"))
        let docxToTerminal = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/good.yaml", "--format", "docx"])
        #expect(docxToTerminal.status == 2, "usage error: \(docxToTerminal.stderr)")
        #expect(docxToTerminal.stderr.contains("--output <file.docx> or --out-dir <folder>"))
    }

    @Test func markdownTemplateToDocxIsReadByPandocAndLibreOfficeAndDeterministic() throws {
        let out1 = TestPaths.temporaryDirectory(), out2 = TestPaths.temporaryDirectory()
        for out in [out1, out2] {
            let r = try DocketBinary.run(["fill", Self.template, "--data", "\(Self.dir)/good.yaml", "--format", "docx",
                                       "--out-dir", out.path, "--date", "2023-09-29"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let docx = out1.appendingPathComponent("HBHP_Contacts_09292023.docx")
        #expect(try Data(contentsOf: docx) == Data(contentsOf: out2.appendingPathComponent("HBHP_Contacts_09292023.docx")))
        let plain = try Readers.pandocText(docx).foldedWhitespace
        for value in ["Harbor & Bay \"Health\" Partners (HBHP)", "Due September 30, 2023.", "Dr. Luis Ortega",
                      "lortega@hbhp.example.org", "We met four times with our partner hospital.", "Chose care coordination"] {
            #expect(plain.contains(value), "pandoc text lacks \(value)")
        }
        let lo = try Readers.libreOfficeText(docx).foldedWhitespace
        #expect(lo.contains("dana.whitfield@hbhp.example.org"))
        #expect(lo.contains("Reviewed disparities data"))
        #expect(!lo.contains("{{"))
    }

    @Test func deliverableDataBreakingANamedRuleIsRefusedWithItsRuleId() throws {
        let example = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
        let dir = TestPaths.temporaryDirectory()
        let data = dir.appendingPathComponent("same-domain.yaml")
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false).count
        try (example + "\npips:\n  pip1:\n    domain: care-coordination\n  pip2:\n    domain: care-coordination\n")
            .write(to: data, atomically: true, encoding: .utf8)
        let out = TestPaths.temporaryDirectory()
        let r = try DocketBinary.run(["fill", "pip-midyear-report", "--data", data.path, "--format", "md", "--out-dir", out.path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("[R000-24]"))
        #expect(r.stderr.contains("same-domain.yaml:\(lines + 5):"), "located at pip2's domain: \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func jsonDiagnosticsGiveOneObjectPerDataFile() throws {
        let out = TestPaths.temporaryDirectory()
        let r = try DocketBinary.run(["fill", Self.template, "--batch", "\(Self.dir)/*.yaml", "--out-dir", out.path,
                                   "--format", "md", "--date", "2023-09-29", "--error-format", "json"])
        #expect(r.status == 1)
        let (report, _) = try JSONParser.parse(r.stderr)
        let items = try #require(report.arrayValue)
        #expect(items.count == 4)
        let missing = try #require(items.first { $0["file"]?.stringValue?.hasSuffix("missing.yaml") == true })
        #expect(missing["valid"] == false)
        #expect(missing["written"] == .null)
        #expect(missing["errors"]?.arrayValue?.count == 3)
        #expect(missing["errors"]?[0]?["rule"] == "template.missing-field")
        #expect(missing["errors"]?[0]?["line"] != nil)
        // The same diagnostic shape as `docket validate --format json` (docs/diagnostics.md).
        #expect(Set(missing["errors"]?[0]?.objectValue?.keys.map { $0 } ?? []) == ["severity", "rule", "message", "file", "line", "column",
            "place", "where", "instanceLocation", "keywordLocation", "absoluteKeywordLocation"])
        let good = try #require(items.first { $0["file"]?.stringValue?.hasSuffix("good.yaml") == true })
        #expect(good["valid"] == true)
        #expect(good["written"]?.stringValue?.hasSuffix("HBHP_Contacts_09292023.md") == true)
    }
}
