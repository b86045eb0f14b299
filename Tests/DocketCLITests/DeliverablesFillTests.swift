import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// End to end: `docket fill <id> --data Templates/<id>/example.yaml` for the three shipped
/// deliverables, in docx, md and html, read back by real readers (LibreOffice text and pandoc for
/// .docx). Every value of the example data must appear.
@Suite struct DeliverablesFillTests {
    static let ids = ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"]
    static let names = ["pip-midyear-report": "MBRH_PIPMidYearReport_09292023",
                        "hqe-strategic-plan": "PVHPP_HQEStrategicPlan_09292023",
                        "ia-midpoint-assessment": "CCP_MidpointAssessment_09292023"]

    /// Every shipped example: `id` (its `example.yaml`) and `id/example-*.yaml`; each is filled and read back alike.
    static let examples: [String] = ids.flatMap { id in
        let folder = TestPaths.packageRoot.appendingPathComponent("Templates/\(id)").path
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("example-") && $0.hasSuffix(".yaml") }
        return [id] + others.sorted().map { "\(id)/\($0)" }
    }

    /// Fills `id` (or `id/example-file.yaml`) into `format` in a fresh folder; returns the output file.
    func fill(_ example: String, _ format: String) throws -> URL {
        let id = String(example.split(separator: "/")[0])
        let data = example.contains("/") ? String(example.split(separator: "/")[1]) : "example.yaml"
        let out = TestPaths.temporaryDirectory("deliverable-fill")
        let r = try DocketBinary.run(["fill", id, "--data", "Templates/\(id)/\(data)", "--format", format,
                                   "--out-dir", out.path, "--date", "2023-09-29"])
        #expect(r.status == 0, "\(id) \(format): \(r.stderr)")
        let file = out.appendingPathComponent("\(Self.names[id]!).\(format)")
        #expect(FileManager.default.fileExists(atPath: file.path), "\(id): expected \(file.lastPathComponent), got \((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [])")
        return file
    }

    @Test func listShowsTheThreeDeliverables() throws {
        let r = try DocketBinary.run(["list"])
        #expect(r.status == 0, "\(r.stderr)")
        for id in Self.ids { #expect(r.stdout.contains(id)) }
    }

    @Test(arguments: examples)
    func docxContainsEveryExampleValue(example: String) throws {
        let id = String(example.split(separator: "/")[0])
        let docx = try fill(example, "docx")
        let libre = try Readers.libreOfficeText(docx).foldedWhitespace
        let pandoc = try Readers.pandocText(docx).foldedWhitespace
        let expected = ExampleValues.texts(of: try data(of: example), skipping: ExampleValues.notPrinted[id] ?? [])
        #expect(expected.count > 10)
        // LibreOffice's text export leaves footnotes out (FootnoteTOCTests reads them from its PDF).
        let notes = Set(ExampleValues.footnoteTexts(in: try data(of: example)))
        for text in expected {
            #expect(libre.contains(text) || notes.contains(text), "LibreOffice text of \(id) lacks: \(text)")
            #expect(pandoc.contains(text), "pandoc text of \(id) lacks: \(text)")
        }
        #expect(!libre.contains("{{"), "unfilled tag in \(id)")
        if id == "ia-midpoint-assessment" {
            // the enrollment source is a footnote after “CCP”, where the source cites it
            #expect(libre.contains("As of December 2019, 3,237 members were enrolled with CCP"))
            #expect(libre.contains("Community Partner Enrollment Snapshot (12/13/2019)"))
        }
        if id == "pip-midyear-report" {
            #expect(libre.contains("Acute hospital"))
            #expect(libre.contains("Reviewed by MassHealth Health Equity Team."))
            #expect(libre.contains("Appendix B: PIP Topic Guidance for ACOs"), "both appendices, as the form")
        }
    }

    @Test(arguments: examples)
    func markdownAndHTMLContainEveryExampleValue(example: String) throws {
        let id = String(example.split(separator: "/")[0])
        let mdFile = try fill(example, "md")
        let md = try String(contentsOf: mdFile, encoding: .utf8)
        let html = try String(contentsOf: try fill(example, "html"), encoding: .utf8)
        // pandoc reads the filled Markdown back to plain text (escapes and markup removed).
        let pandoc = try #require(ProcessRunner.which("pandoc"), "pandoc is not installed: run scripts/setup.sh test")
        let plain = try ProcessRunner.run(pandoc, ["-f", "gfm", "-t", "plain", "--wrap=none", mdFile.path]).stdout.foldedWhitespace
        for text in ExampleValues.texts(of: try data(of: example), skipping: ExampleValues.notPrinted[id] ?? []) {
            #expect(plain.contains(text), "Markdown of \(id) lacks: \(text)")
        }
        #expect(html.contains("<table>"))
        #expect(!md.contains("{{"))
    }

    /// The answers sit in content controls tagged with their data paths, so `docket validate`
    /// reads a filled document back into data that passes the schema and the named rules.
    @Test(arguments: examples)
    func filledDocxReadsBackValid(example: String) throws {
        let id = String(example.split(separator: "/")[0])
        let docx = try fill(example, "docx")
        let r = try DocketBinary.run(["validate", docx.path, "--deliverable", id])
        #expect(r.status == 0, "\(r.stderr)")
        // The HQE example is shorter than the form's suggested page counts (Sections 3.A-E): those
        // five warnings, and nothing else, are expected (issue 13).
        let expected = id == "hqe-strategic-plan" ? "0 errors, 5 warnings" : "0 errors, 0 warnings"
        #expect(r.stderr.contains(expected), "\(r.stderr)")
        let warned = Set(r.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }.compactMap { line in
            line.range(of: #"\[[A-Za-z0-9.\-]+\]"#, options: .regularExpression).map { String(line[$0]) } })
        #expect(warned.isSubset(of: ["[R003-13]", "[R003-15]", "[R003-16]", "[R003-17]", "[R003-18]"]), "\(warned)")
    }

    @Test func hqeCheckboxesAreContentControls() throws {
        let docx = try fill("hqe-strategic-plan", "docx")
        let r = try Readers.runPython("""
            import sys, zipfile, re
            x = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
            for tag in ['check:commitment.publicStatement.exists', 'checkNo:commitment.publicStatement.exists']:
                m = re.search(r'<w:sdt>(?:(?!</w:sdt>).)*docket:' + re.escape(tag) + r'"(?:(?!</w:sdt>).)*</w:sdt>', x)
                print(tag, re.search(r'w14:checked w14:val="(\\d)"', m.group(0)).group(1), '\\u2612' in m.group(0))
            """, [docx.path])
        #expect(r.stdout.contains("check:commitment.publicStatement.exists 1 True"), "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("checkNo:commitment.publicStatement.exists 0 False"), "\(r.stdout) \(r.stderr)")
    }

    /// The data of `example` (`id` or `id/example-*.yaml`).
    func data(of example: String) throws -> JSONValue {
        let path = example.contains("/") ? "Templates/\(example)" : "Templates/\(example)/example.yaml"
        return try DataLoader.load(path: TestPaths.packageRoot.appendingPathComponent(path).path).value
    }
}

/// The printable text of example data: every string and number leaf, with Markdown values split
/// into paragraphs, list items and table cells and their markup removed.
enum ExampleValues {
    /// Data paths whose values are shown differently (a label, a formatted date) or not at all.
    static let notPrinted: [String: Set<String>] = [
        // entity.type prints as its label ("Acute hospital"); dates print long ("October 27, 2023").
        "pip-midyear-report": ["entity.type", "review.date"],
        // translations print only with --lang (HQEAnnualTests).
        "hqe-strategic-plan": ["translations"],
        // the snapshot date prints as 12/13/2019 and the count as 3,237 (checked below).
        "ia-midpoint-assessment": ["background.enrollment.snapshotDate", "background.enrollment.count", "focusAreas.*.id"],
    ]

    static func texts(of value: JSONValue, skipping: Set<String>, path: String = "") -> [String] {
        if skipping.contains(path) || skipping.contains(path.replacingOccurrences(of: #"\.\d+\."#, with: ".*.", options: .regularExpression)) {
            return []
        }
        switch value {
        case .object(let o):
            return o.keys.sorted().flatMap { texts(of: o[$0]!, skipping: skipping, path: path.isEmpty ? $0 : "\(path).\($0)") }
        case .array(let a):
            return a.enumerated().flatMap { texts(of: $1, skipping: skipping, path: "\(path).\($0)") }
        case .string(let s):
            return units(s)
        case .int(let i):
            return [String(i)]
        default:
            return []
        }
    }

    /// Paragraphs, list items and table cells of a (Markdown) text, markup removed.
    static func units(_ text: String) -> [String] {
        var out: [String] = []
        for block in text.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            if lines.first?.hasPrefix("|") == true {
                for line in lines where !line.contains("---") {
                    out += line.split(separator: "|").map { clean(String($0)) }
                }
            } else if lines.contains(where: { isItem($0) }) {
                var current = ""
                for line in lines {
                    if isItem(line) { if !current.isEmpty { out.append(clean(current)) }; current = line }
                    else { current += " " + line }
                }
                out.append(clean(current))
            } else {
                out.append(clean(block))
            }
        }
        // Text around a GFM footnote reference is checked piece by piece: readers print the
        // note's number there (or nothing); a definition `[^x]: text` is the note's text.
        return out.flatMap { unit in
            unit.replacingOccurrences(of: #"\[\^[^\]\s]+\]"#, with: "\u{1}", options: .regularExpression)
                .split(separator: "\u{1}").map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty }
    }

    /// The texts of the GFM footnote definitions (`[^x]: text`) in the data's strings.
    static func footnoteTexts(in value: JSONValue) -> [String] {
        switch value {
        case .object(let o): return o.values.flatMap(footnoteTexts)
        case .array(let a): return a.flatMap(footnoteTexts)
        case .string(let s):
            return s.components(separatedBy: "\n\n").filter { $0.range(of: #"^\[\^[^\]\s]+\]:"#, options: .regularExpression) != nil }.map(clean)
        default: return []
        }
    }

    static func isItem(_ line: String) -> Bool {
        line.hasPrefix("- ") || line.range(of: #"^\d+\. "#, options: .regularExpression) != nil
    }

    static func clean(_ s: String) -> String {
        var t = s.replacingOccurrences(of: #"^(\s*- |\s*\d+\. |#+ |> |\[\^[^\]\s]+\]:\s*)"#, with: "", options: .regularExpression)
        t = t.replacingOccurrences(of: "**", with: "")
        t = t.replacingOccurrences(of: #"(?<![\w*])\*(\S[^*]*?)\*(?![\w*])"#, with: "$1", options: .regularExpression)
        return t.foldedWhitespace
    }
}
