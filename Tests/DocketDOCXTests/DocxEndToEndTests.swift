import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import Foundation
import Testing

/// Other programs read a filled .docx without error and show every filled value.
@Suite(.serialized) struct DocxEndToEndTests {
    static let expected = ["Acme & Sons <Health>", "September 30, 2023", "Boston, MA", "Reduce ED visits", "שלום",
                           "Executive Sponsor", "Ann Lee", "bo@example.org", "Quality Lead", "Site: South of Alpha",
                           "Site: East of Beta", "Conditional table body", "Approach", "nested two", "ED visits",
                           "MassHealth", "Summary: on", "Dee Evans"]

    static func filledFile() throws -> URL {
        let data = try #require(try DocxFixtures.compile().fill(data: DocxFixtures.data).data)
        let dir = TestPaths.temporaryDirectory("docx-e2e")
        let url = dir.appendingPathComponent("filled.docx")
        try data.write(to: url)
        return url
    }

    func check(_ text: String, by tool: String) {
        for value in Self.expected { #expect(text.contains(value), "\(tool) does not show \(value)") }
        #expect(!text.contains("{{"), "\(tool) shows a template tag")
        #expect(!text.contains("This note must not appear"))
    }

    @Test func pandocReadsIt() throws {
        let file = try Self.filledFile()
        let result = try ProcessRunner.run(try Tools.require("pandoc"), ["-f", "docx", "-t", "plain", "--wrap=none", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        check(result.stdout, by: "pandoc")
    }

    @Test func libreOfficeReadsIt() throws {
        let file = try Self.filledFile()
        let outDir = file.deletingLastPathComponent()
        let profile = TestPaths.temporaryDirectory("lo-profile")
        let result = try ProcessRunner.run(try Tools.require("soffice"), [
            "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
            "--outdir", outDir.path, file.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: outDir.appendingPathComponent("filled.txt"), encoding: .utf8)
        check(text, by: "LibreOffice")
        try? FileManager.default.removeItem(at: profile)
    }

    @Test func pythonDocxReadsIt() throws {
        let python = try Tools.venvPython()
        let file = try Self.filledFile()
        let script = """
        import sys, docx
        d = docx.Document(sys.argv[1])
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                parts.append(" | ".join(c.text for c in r.cells))
        parts += [p.text for s in d.sections for p in s.header.paragraphs]
        print("\\n".join(parts))
        """
        let result = try ProcessRunner.run(python, ["-c", script, file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Executive Sponsor | Ann Lee | ann@example.org"))
        #expect(result.stdout.contains("Header: Acme & Sons <Health>"))
    }
}
