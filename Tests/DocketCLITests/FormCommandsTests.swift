import DocketTestSupport
import Foundation
import Testing

/// `docket form` and `docket extract` as a person runs them: the Word workflow end to end.
@Suite struct FormCommandsTests {
    @Test func formThenExtractAndFillThenExtract() throws {
        let dir = TestPaths.temporaryDirectory("cli-forms")
        let form = try DocketBinary.run(["form", "pip-midyear-report", "--out-dir", dir.path])
        #expect(form.status == 0, "\(form.stderr)")
        let blank = dir.appendingPathComponent("ABBR_PIPMidYearReport_" + form.stderr.split(separator: "_").last!.prefix(8) + ".docx")
        let empty = try DocketBinary.run(["extract", blank.path])
        #expect(empty.status == 0 && empty.stdout == "{}\n", "\(empty.stdout)\(empty.stderr)")

        let filled = dir.appendingPathComponent("MBRH_PIPMidYearReport_09292023.docx")
        let fill = try DocketBinary.run(["fill", "pip-midyear-report", "--data", "Templates/pip-midyear-report/example.yaml",
                                         "--date", "2023-09-29", "--output", filled.path])
        #expect(fill.status == 0, "\(fill.stderr)")
        let out = dir.appendingPathComponent("data.json")
        let json = try DocketBinary.run(["extract", filled.path, "--format", "json", "-o", out.path, "--verbose"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stderr.contains("entity.name: found by its tag"))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"entity\": {\n    \"name\": \"Merrimack Bay Regional Hospital\""))
    }

    @Test func extractErrorsAreTyped() throws {
        #expect(try DocketBinary.run(["extract", "/no/such.docx"]).status == 2)
        #expect(try DocketBinary.run(["extract", "x.docx", "--format", "xml"]).status == 2)
        #expect(try DocketBinary.run(["form", "pip-midyear-report"]).status == 2)  // no --output / --out-dir
        #expect(try DocketBinary.run(["form", "nope", "--output", "/tmp/x.docx"]).status == 2)
        // A file that is not a .docx: read, refused with what it is (exit 1), not a zip error.
        let notes = TestPaths.temporaryDirectory("cli-extract").appendingPathComponent("notes.docx")
        try Data("Meeting notes, not a Word document\n".utf8).write(to: notes)
        let r = try DocketBinary.run(["extract", notes.path])
        #expect(r.status == 1 && r.stdout.isEmpty, "\(r.stderr)")
        #expect(r.stderr.contains("notes.docx is not a .docx (a Word document)") && r.stderr.contains("extract.not-docx"), "\(r.stderr)")
    }
}
