import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import Foundation
import Testing

/// A .docx authored by a word processor (python-docx's default Word template: theme, settings,
/// fonts, full styles and numbering parts), with runs split the way editing leaves them.
@Suite struct DocxWordAuthoredTests {
    static let script = """
    import sys
    from docx import Document
    d = Document()
    d.add_heading("Key Contacts", 1)
    p = d.add_paragraph("Entity: ")
    r = p.add_run("{{entity."); r.bold = True
    p.add_run("name}}")
    p.add_run(" (")
    p.add_run("{{entity.abbreviation}}").italic = True
    p.add_run(")")
    d.add_paragraph("{{#goals}}")
    d.add_paragraph("{{@number}}. {{.}}", style="List Bullet")
    d.add_paragraph("{{/goals}}")
    t = d.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Role", "Name"
    t.rows[1].cells[0].text, t.rows[1].cells[1].text = "{{#contacts}}{{role}}", "{{name}}{{/contacts}}"
    d.add_paragraph("{{markdown(narrative)}}")
    d.sections[0].header.paragraphs[0].text = "{{entity.abbreviation}} header"
    d.save(sys.argv[1])
    """

    @Test func fillsAWordProcessorDocument() throws {
        let python = try Tools.venvPython()
        let dir = TestPaths.temporaryDirectory("word-authored")
        let templateURL = dir.appendingPathComponent("template.docx")
        let made = try ProcessRunner.run(python, ["-c", Self.script, templateURL.path])
        try #require(made.status == 0, "\(made.stderr)")
        let template = try DocxTemplate.load(templateURL)
        let data: JSONValue = [
            "entity": ["name": "Acme Health", "abbreviation": "ACME"],
            "goals": ["Fewer readmissions", "Better follow-up"],
            "contacts": [["role": "Sponsor", "name": "Ann"], ["role": "Lead", "name": "Bo"]],
            "narrative": "We met **four** times.\n\n1. Reviewed data\n2. Planned outreach\n",
        ]
        let (bytes, diagnostics) = template.fill(data: data)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let out = dir.appendingPathComponent("filled.docx")
        try #require(bytes).write(to: out)
        // The template's own parts (theme, settings, fonts) are kept.
        let package = try OOXMLPackage.load(docx: out)
        let original = try OOXMLPackage.load(docx: templateURL)
        #expect(Set(original.parts.keys).isSubset(of: Set(package.parts.keys)))
        #expect(package.parts["word/theme/theme1.xml"] == original.parts["word/theme/theme1.xml"])
        let pandoc = try Tools.require("pandoc")
        let result = try ProcessRunner.run(pandoc, ["-f", "docx", "-t", "plain", "--wrap=none", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        for expected in ["Entity: Acme Health (ACME)", "1. Fewer readmissions", "2. Better follow-up", "Sponsor", "Bo",
                         "We met four times.", "Reviewed data", "Planned outreach"] {
            #expect(result.stdout.contains(expected), "missing \(expected) in \(result.stdout)")
        }
        #expect(!result.stdout.contains("{{"))
        let headerXML = String(decoding: try #require(package.parts["word/header1.xml"]), as: UTF8.self)
        #expect(headerXML.contains("ACME header"))
    }
}
