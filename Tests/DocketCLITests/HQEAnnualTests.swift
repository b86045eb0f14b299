import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// Issue 12 and 11, end to end: the Strategic Plan's 2024 annual iteration (progress on the 2023
/// goals, R003-21, hqe.goal-change) and `docket fill --lang es` (translations, R003-14), read back
/// by pandoc, python-docx and `docket validate`.
@Suite struct HQEAnnualTests {
    static let id = "hqe-strategic-plan"
    static let example2024 = "Templates/hqe-strategic-plan/example-2024.yaml"
    static let name = "PVHPP_HQEStrategicPlan_12202024"

    /// Fills `data` (a path, or YAML text written to a temporary file) into `format`; the run and the output file.
    static func fill(_ data: String, _ format: String, _ extra: [String] = []) throws -> (run: ProcessResult, file: URL) {
        let out = TestPaths.temporaryDirectory("hqe-annual")
        var path = data
        if data.contains("\n") {
            path = out.appendingPathComponent("plan.yaml").path
            try data.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let r = try DocketBinary.run(["fill", id, "--data", path, "--format", format, "--out-dir", out.path, "--date", "2024-12-20"] + extra)
        return (r, out.appendingPathComponent("\(name).\(format)"))
    }

    static func example() throws -> String {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(example2024), encoding: .utf8)
    }

    /// The text of word/document.xml of `docx` (python-docx opens the package as Word would).
    static func documentXML(_ docx: URL) throws -> String {
        let r = try Readers.runPython("""
            import sys, docx
            d = docx.Document(sys.argv[1])
            print(d.part.blob.decode('utf-8'))
            """, [docx.path])
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func progressRowsForEach2023GoalInDocxAndMarkdown() throws {
        let docx = try Self.fill(Self.example2024, "docx")
        #expect(docx.run.status == 0, "\(docx.run.stderr)")
        let md = try Self.fill(Self.example2024, "md")
        #expect(md.run.status == 0, "\(md.run.stderr)")
        let markdown = try String(contentsOf: md.file, encoding: .utf8)
        let pandoc = try Readers.pandocText(docx.file).foldedWhitespace
        #expect(markdown.contains("#### Progress on the 2023 goals"))
        #expect(pandoc.contains("Progress on the 2023 goals"))
        #expect(pandoc.contains("Added by Docket (not part of the published template): the progress this annual iteration reports"))
        let rows: [(String, String, String, String)] = [
            ("Reduce hypertension control disparities", "behind", "Gap of 11 points", "Gap of 9 points"),
            ("Improve demographic data completeness", "modified", "52% self-reported", "81% self-reported"),
            ("Expand language-concordant care", "on track", "64% of visits", "71% of visits"),
        ]
        let lines = markdown.components(separatedBy: "\n")
        for (goal, status, then, now) in rows {
            let row = try #require(lines.first { $0.hasPrefix("| \(goal) |") }, "no progress row for \(goal)")
            #expect(row.contains("| \(status)") && row.contains(then) && row.contains(now), "\(row)")
            for text in [goal, status, then, now] { #expect(pandoc.contains(text), "docx lacks \(text)") }
        }
        #expect(pandoc.contains("New wording: Reach 85% self-reported demographic data, including disability and SOGI"))
        #expect(pandoc.contains("Reason: The original target was met"))
        // The form's own Section 3.E text is kept as written, before the table Docket adds.
        let formText = "In annual iterations of this Strategic Plan, ACOs/MCOs will report on progress towards these goals"
        #expect(markdown.components(separatedBy: formText).count == 3, "once in the form's text and once quoted by Docket's note")
        #expect(markdown.range(of: "### E. Health Equity Strategic Goals")!.lowerBound < markdown.range(of: "#### Progress on the 2023 goals")!.lowerBound)
        #expect(markdown.range(of: "#### Progress on the 2023 goals")!.lowerBound < markdown.range(of: "## Appendix A")!.lowerBound)
        #expect(markdown.contains("| Plan year | 2024 (annual iteration) |"))
    }

    @Test func thePreliminaryPlanHasNoProgressTable() throws {
        let md = try Self.fill("Templates/hqe-strategic-plan/example.yaml", "md")
        #expect(md.run.status == 0, "\(md.run.stderr)")
        let markdown = try String(contentsOf: md.file, encoding: .utf8)
        #expect(!markdown.contains("Progress on the"))
        #expect(markdown.contains("| Plan year | 2023 (preliminary plan) |"))
    }

    @Test func aRetiredGoalWithoutAReasonIsALocatedError() throws {
        var text = try Self.example()
        let old = "      status: on track\n      kpiThen: \"64% of visits language-concordant or with a qualified interpreter\""
        try #require(text.contains(old))
        text = text.replacingOccurrences(of: old, with: old.replacingOccurrences(of: "on track", with: "retired"))
        let r = try Self.fill(text, "docx")
        #expect(r.run.status == 1)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("status: retired") }! + 1
        // The reason is missing, so the place is the goal's own (its first key), near the status line.
        let found = r.run.stderr.components(separatedBy: "\n").first { $0.contains("[hqe.goal-change]") }
        let diagnostic = try #require(found, "\(r.run.stderr)")
        #expect(diagnostic.contains("previous goal 3 (Expand language-concordant care) is retired but gives no reason"))
        let place = try #require(diagnostic.split(separator: ":").dropFirst().first.flatMap { Int($0) }, "\(diagnostic)")
        #expect((line - 2...line).contains(place), "\(diagnostic) (status on line \(line))")
        #expect(!FileManager.default.fileExists(atPath: r.file.path))
    }

    @Test func aLaterYearWithoutPreviousGoalsIsAnErrorWithAFix() throws {
        let text = try Self.example()
        let start = try #require(text.range(of: "  previousGoals:")), end = try #require(text.range(of: "appendixA: |"))
        let r = try Self.fill(text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""), "md")
        #expect(r.run.status == 1)
        #expect(r.run.stderr.contains("[R003-21] the 2024 plan is an annual iteration but lists no goals of the 2023 plan: add plan.previousGoals"), "\(r.run.stderr)")
        #expect(r.run.stderr.contains("or set year: 2023 for the preliminary plan"))
    }

    @Test func threeToFiveActiveGoalsStillHold() throws {
        let text = try Self.example()
        let start = try #require(text.range(of: "    - title: Expand language-concordant care\n      swot:"))
        let end = try #require(text.range(of: "  previousGoals:"))
        let r = try Self.fill(text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""), "md")
        #expect(r.run.status == 1)
        #expect(r.run.stderr.contains("[R003-18] Section 3.E needs 3-5 strategic goals; there are 2"), "\(r.run.stderr)")
    }

    @Test func theFilled2024DocxValidatesCleanAndOnTime() throws {
        let docx = try Self.fill(Self.example2024, "docx")
        try #require(docx.run.status == 0, "\(docx.run.stderr)")
        let r = try DocketBinary.run(["validate", "--format", "json", docx.file.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let reports = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
        let report = try #require(reports.first)
        #expect((report["errors"] as? [Any] ?? []).isEmpty, "\(r.stdout)")
        // Only the form's suggested page counts (the example is short), as for the 2023 example.
        let warnings = (report["warnings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(warnings.allSatisfy { $0.contains("suggested") }, "\(warnings)")
        // The year is an answer of the document: lateness is judged against the 2024 event
        // (12/20/2024 is on time for hqe.strategic-plan.2024, late for the 2023 plan).
        let data = try DocketBinary.run(["validate", "--deliverable", Self.id, "--format", "json", Self.example2024])
        #expect(data.status == 0, "\(data.stdout)\(data.stderr)")
    }

    @Test func lateAgainstTheRightYear() throws {
        // Filled on 12/20/2024: on time for the 2024 iteration (hqe.strategic-plan.2024, the
        // schedule's assumed December 31), read from the document's year answer; late for the
        // preliminary plan (D003-01, 2023-12-31).
        let onTime = try Self.fill(Self.example2024, "docx")
        try #require(onTime.run.status == 0, "\(onTime.run.stderr)")
        let r1 = try DocketBinary.run(["validate", onTime.file.path])
        #expect(r1.status == 0 && !(r1.stdout + r1.stderr).contains("is late"), "\(r1.stdout)\(r1.stderr)")
        let preliminary = try Self.fill(try Self.example().replacingOccurrences(of: "year: 2024 ", with: "year: 2023 "), "docx")
        try #require(preliminary.run.status == 0, "\(preliminary.run.stderr)")
        let r2 = try DocketBinary.run(["validate", preliminary.file.path])
        #expect((r2.stdout + r2.stderr).contains("is after the due date 2023-12-31 (D003-01): the submission is late"), "\(r2.stdout)\(r2.stderr)")
    }

    // MARK: Languages (issue 11)

    @Test func langEsPrintsTheSpanishSummaryMarkedSpanish() throws {
        let docx = try Self.fill(Self.example2024, "docx", ["--lang", "es"])
        #expect(docx.run.status == 0, "\(docx.run.stderr)")
        #expect(!docx.run.stderr.contains("[fill.translation-missing]"), "\(docx.run.stderr)")
        let pandoc = try Readers.pandocText(docx.file).foldedWhitespace
        #expect(pandoc.contains("Equidad en salud significa que cada miembro tiene una oportunidad justa"))
        #expect(!pandoc.contains("Health equity means that every member has a fair and just opportunity"))
        // The form's fixed text is kept as written (English), and other answers stay English.
        #expect(pandoc.contains("Provide a summary of key sections of this Strategic Plan."))
        #expect(pandoc.contains("ii. How the ACO/MCO defines health equity."))
        #expect(pandoc.contains("Hypertension, diabetes, asthma in children"))
        let xml = try Self.documentXML(docx.file)
        let spanish = try #require(xml.range(of: "Equidad en salud"))
        let run = try #require(xml.range(of: "<w:r>", options: .backwards, range: xml.startIndex..<spanish.lowerBound))
        #expect(xml[run.lowerBound..<spanish.lowerBound].contains("<w:lang w:val=\"es-US\"/>"), "the Spanish run is marked es-US")
        #expect(xml.components(separatedBy: "w:val=\"es-US\"").count - 1 >= 3)
        let fixed = try #require(xml.range(of: "Provide a summary of key sections"))
        let fixedRun = try #require(xml.range(of: "<w:r>", options: .backwards, range: xml.startIndex..<fixed.lowerBound))
        #expect(!xml[fixedRun.lowerBound..<fixed.lowerBound].contains("es-US"), "fixed text keeps the document's English")
        let order = try Readers.runPython("""
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print(b'w:lang w:val="en-US"' in z.read('word/styles.xml'))
            """, [docx.file.path])
        #expect(order.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "True", "docDefaults stay en-US: \(order.stderr)")
        let html = try Self.fill(Self.example2024, "html", ["--lang", "es"])
        #expect(html.run.status == 0, "\(html.run.stderr)")
        let page = try String(contentsOf: html.file, encoding: .utf8)
        #expect(page.contains("<html lang=\"es\">"))
        #expect(page.contains("Equidad en salud"))
    }

    @Test func aMissingTranslationFallsBackToEnglishWithAWarning() throws {
        var text = try Self.example()
        let start = try #require(text.range(of: "        aims: |\n          Para 2027"))
        let end = try #require(text.range(of: "        memberCommunityExperience: |\n          Las encuestas"))
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "")
        let r = try Self.fill(text, "md", ["--lang", "es"])
        #expect(r.run.status == 0, "\(r.run.stderr)")
        #expect(r.run.stderr.contains("warning: [fill.translation-missing] `plan.executiveSummary.aims` has no es translation"), "\(r.run.stderr)")
        #expect(!r.run.stderr.contains("healthEquityDefinition` has no"))
        let markdown = try String(contentsOf: r.file, encoding: .utf8)
        #expect(markdown.contains("By 2027 we aim to close the gap"))
        #expect(markdown.contains("Equidad en salud significa"))
        // A language the data does not carry: every translatable field in English, each named.
        let pt = try Self.fill(Self.example2024, "md", ["--lang", "pt-BR"])
        #expect(pt.run.status == 0)
        #expect(pt.run.stderr.components(separatedBy: "[fill.translation-missing]").count - 1 == 3, "\(pt.run.stderr)")
        let bad = try Self.fill(Self.example2024, "md", ["--lang", "Spanish"])
        #expect(bad.run.status == 2)
        #expect(bad.run.stderr.contains("[fill.language] 'Spanish' is not a language tag"), "\(bad.run.stderr)")
    }

    @Test func aTranslationOfAnUntranslatableFieldIsASchemaError() throws {
        let text = try Self.example() + "  pt:\n    entity:\n      name: Parceria\n"
        let r = try Self.fill(text, "md")
        #expect(r.run.status == 1)
        #expect(r.run.stderr.contains("translations"), "\(r.run.stderr)")
    }
}
