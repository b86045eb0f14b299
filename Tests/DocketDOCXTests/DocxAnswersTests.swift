import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import DocketXML
import Foundation
import Testing

@Suite struct DocxAnswersTests {
    @Test func answersComeBackFromAFilledDocumentWithPlaces() throws {
        let data = try #require(try DocxFixtures.compile().fill(data: DocxFixtures.data).data)
        let url = TestPaths.temporaryDirectory("answers").appendingPathComponent("filled.docx")
        try data.write(to: url)
        let answers = try DocxAnswers.read(docx: url)
        let values = DocxAnswers.values(answers)
        #expect(values["sponsor.name"] == "Dee Evans")
        #expect(values["goals.0.title"] == " [Reduce ED visits 👩🏽‍⚕️]")
        #expect(values["goals.1.title"] == " [שלום \"quoted\"]")
        #expect(values["agree"] == "Yes")
        let sponsor = try #require(answers.first { $0.path == "sponsor.name" })
        #expect(sponsor.location.file == url.path)
        #expect(sponsor.location.place == "word/document.xml, under “Approach”") // the narrative's heading is the nearest above
        #expect(answers.first { $0.kind == .checkNo }?.checked == false)
    }

    @Test func wordEditedShapesPlaceholdersAndTableCells() throws {
        let body = """
        <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Key Contacts</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sponsor</w:t></w:r></w:p></w:tc><w:tc>
        <w:sdt><w:sdtPr><w:id w:val="1"/><w:tag w:val="docket:contacts.executiveSponsor.name"/></w:sdtPr><w:sdtContent>
        <w:p><w:r><w:t>Ann</w:t></w:r><w:r w:rsidR="0042"><w:t xml:space="preserve"> Lee</w:t></w:r></w:p><w:p><w:r><w:t>second line</w:t></w:r></w:p>
        </w:sdtContent></w:sdt></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:sdt><w:sdtPr><w:tag w:val="docket:contacts.primary.email"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Click to enter text.</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc>
        <w:tc><w:p><w:sdt><w:sdtPr><w:tag w:val="docket:check:changed"/><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:ins w:id="9" w:author="A"><w:r><w:t>x</w:t></w:r></w:ins><w:del w:id="10" w:author="A"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>
        """
        var package = DocxErrorTests.package(body)
        let xml = String(decoding: package.parts["word/document.xml"]!, as: UTF8.self)
            .replacingOccurrences(of: "<w:document ", with: "<w:document xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" ")
        package.parts["word/document.xml"] = Data(xml.utf8)
        let answers = try DocxAnswers.read(package: package, file: "edited.docx")
        #expect(answers.map(\.path) == ["contacts.executiveSponsor.name", "contacts.primary.email", "changed"])
        #expect(answers[0].text == "Ann Lee\nsecond line")
        #expect(answers[0].location.place == "word/document.xml, under “Key Contacts”, table 1, row 1, cell 2")
        #expect(answers[1].isPlaceholder && DocxAnswers.values(answers)["contacts.primary.email"] == "")
        #expect(answers[2].kind == .check && answers[2].checked == true)
        #expect(answers[2].location.place == "word/document.xml, under “Key Contacts”, table 1, row 2, cell 2")
    }

    @Test func hostileUploadsAreErrorsNotCrashes() throws {
        let url = TestPaths.temporaryDirectory("answers").appendingPathComponent("x.docx")
        try Data("not a zip".utf8).write(to: url)
        #expect(throws: PackageError.self) { try DocxAnswers.read(docx: url) }
    }
}

@Suite struct MarkdownDocxTests {
    @Test func markdownBecomesAReadableDocx() throws {
        let markdown = "# Title\n\nSome **bold** text & more.\n\n1. one\n2. two\n\n- [link](https://example.org)\n"
        let data = try MarkdownDocx.docx(markdown: markdown)
        #expect(try MarkdownDocx.docx(markdown: markdown) == data) // deterministic
        let package = try OOXMLPackage.load(docx: data)
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels"] {
            #expect(package.parts[part] != nil, "\(part) missing")
        }
        let types = String(decoding: package.parts["[Content_Types].xml"]!, as: UTF8.self)
        #expect(types.contains("/word/numbering.xml"))
        let rels = String(decoding: package.parts["word/_rels/document.xml.rels"]!, as: UTF8.self)
        #expect(rels.contains("numbering.xml") && rels.contains("https://example.org"))
        let pandoc = try Tools.require("pandoc")
        let url = TestPaths.temporaryDirectory("mddocx").appendingPathComponent("out.docx")
        try data.write(to: url)
        let result = try ProcessRunner.run(pandoc, ["-f", "docx", "-t", "markdown", url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("# Title") && result.stdout.contains("**bold**") && result.stdout.contains("1.  one"))
        #expect(result.stdout.contains("[link](https://example.org)"))
    }

    @Test func aTitleBecomesCoreProperties() throws {
        let data = try MarkdownDocx.docx(markdown: "text", title: "PIP Report & Plan")
        let package = try OOXMLPackage.load(docx: data)
        let core = String(decoding: try #require(package.parts["docProps/core.xml"]), as: UTF8.self)
        #expect(core.contains("<dc:title>PIP Report &amp; Plan</dc:title>"))
        #expect(String(decoding: package.parts["[Content_Types].xml"]!, as: UTF8.self).contains("/docProps/core.xml"))
        #expect(String(decoding: package.parts["_rels/.rels"]!, as: UTF8.self).contains("Target=\"docProps/core.xml\""))
        let python = try Tools.venvPython()
        let url = TestPaths.temporaryDirectory("mddocx").appendingPathComponent("t.docx")
        try data.write(to: url)
        let result = try ProcessRunner.run(python, ["-c", "import sys, docx; print(docx.Document(sys.argv[1]).core_properties.title)", url.path])
        #expect(result.stdout == "PIP Report & Plan\n", "\(result.stdout) \(result.stderr)")
    }

    @Test func illegalCharactersAreReported() {
        #expect(throws: DiagnosticList.self) { try MarkdownDocx.docx(markdown: "bad \u{8} char") }
    }
}
