import DocketCore
import DocketXML
@testable import DocketDOCX
import DocketTestSupport
import Foundation
import Testing

/// Template errors and missing fields: all reported at once, each with its part and place.
@Suite struct DocxErrorTests {
    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    static let tail = "</w:body></w:document>"

    /// A package with only `body` as the main document.
    static func package(_ body: String) -> OOXMLPackage {
        let folder = DocxFixtures.templateFolder
        var parts: [String: Data] = [:]
        for name in ["[Content_Types].xml", "_rels/.rels"] {
            parts[name] = try! Data(contentsOf: folder.appendingPathComponent(name))
        }
        parts["word/document.xml"] = Data((head + body + tail).utf8)
        return OOXMLPackage(parts: parts)
    }

    static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    static func cell(_ text: String) -> String { "<w:tc>\(p(text))</w:tc>" }

    @Test func missingFieldsAreAllReportedWithTheirPlaces() throws {
        let template = try DocxTemplate.compile(Self.package(Self.p("Intro") + Self.p("Name: {{entity.name}}")
            + "<w:tbl><w:tr>\(Self.cell("x"))\(Self.cell("y"))</w:tr><w:tr>\(Self.cell("a"))\(Self.cell("Due {{due}}"))</w:tr></w:tbl>"
            + Self.p("{{markdown(narrative)}}") + Self.p("Said: {{markdown(quote)}}")), file: "t.docx")
        let (data, diagnostics) = template.fill(data: ["other": 1])
        #expect(data == nil)
        let missing = diagnostics.filter { $0.rule == "template.missing-field" }
        #expect(missing.count == 4)
        #expect(missing.map { $0.location?.place ?? "" } == [
            "word/document.xml, paragraph 2: “Name: {{entity.name}}”",
            "word/document.xml, table 1, row 2, cell 2: “Due {{due}}”",
            "word/document.xml, paragraph 3: “{{markdown(narrative)}}”",
            "word/document.xml, paragraph 4: “Said: {{markdown(quote)}}”",
        ])
        #expect(missing.map(\.message).allSatisfy { $0.contains("'entity.name'") || $0.contains("'due'") || $0.contains("'narrative'") || $0.contains("'quote'") })
        #expect(missing.allSatisfy { $0.location?.file == "t.docx" })
        // --allow-missing renders a visible marker instead.
        let (allowed, warnings) = template.fill(data: ["other": 1], options: .init(allowMissing: true))
        #expect(allowed != nil && warnings.allSatisfy { !$0.isError } && warnings.count == 4)
    }

    @Test func templateErrorsAreAllReportedAtCompileTime() throws {
        let body = Self.p("{{#a}}") + Self.p("text") // unclosed
            + "<w:tbl><w:tr>\(Self.cell("{{#b}}"))\(Self.cell("x"))</w:tr></w:tbl>" + Self.p("{{/b}}") // crosses a table boundary
            + Self.p("{{/c}}") // close without open
            + Self.p("{{=&lt;% %&gt;=}}")
        do {
            _ = try DocxTemplate.compile(Self.package(body), file: "t.docx")
            Issue.record("compiled a broken template")
        } catch {
            let rules = error.diagnostics.map(\.rule)
            #expect(rules.contains("template.docx-section-boundary"), "\(rules)")
            #expect(rules.contains("template.docx-delimiters"))
            #expect(error.diagnostics.count >= 4, "\(error.diagnostics)")
            let boundary = try #require(error.diagnostics.first { $0.rule == "template.docx-section-boundary" })
            #expect(boundary.location?.place?.contains("table 1, row 1, cell 1") == true)
        }
    }

    @Test func illegalXMLCharactersAreAnErrorNotACorruptFile() throws {
        let template = try DocxTemplate.compile(Self.package(Self.p("Name: {{name}}")), file: "t.docx")
        let (data, diagnostics) = template.fill(data: ["name": "bad\u{1}value"])
        #expect(data == nil)
        let error = try #require(diagnostics.first { $0.isError })
        #expect(error.message.contains("name") && error.message.contains("U+0001"))
    }

    @Test func splitShapesWordWrites() throws {
        // Each shape: the paragraph XML Word wrote for a tag typed as {{first.name}}.
        let shapes = [
            // rsid change mid-tag
            "<w:r w:rsidR=\"00A1\"><w:t>{{first.</w:t></w:r><w:r w:rsidR=\"00B2\" w:rsidRPr=\"00C3\"><w:t>name}}</w:t></w:r>",
            // spell-check marks around the name
            "<w:r><w:t>{{</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>first.name</w:t></w:r><w:proofErr w:type=\"spellEnd\"/><w:r><w:t>}}</w:t></w:r>",
            // a bookmark inside the tag, braces in separate runs
            "<w:r><w:t>{</w:t></w:r><w:r><w:t>{first</w:t></w:r><w:bookmarkStart w:id=\"3\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"3\"/><w:r><w:t>.name}</w:t></w:r><w:r><w:t>}</w:t></w:r>",
            // inside a hyperlink and a smart tag
            "<w:hyperlink r:id=\"rId9\"><w:r><w:t>{{first</w:t></w:r></w:hyperlink><w:smartTag w:uri=\"u\" w:element=\"e\"><w:r><w:t>.name}}</w:t></w:r></w:smartTag>",
        ]
        for shape in shapes {
            let template = try DocxTemplate.compile(Self.package("<w:p>\(shape)</w:p>"), file: "t.docx")
            let (package, diagnostics) = template.fillPackage(data: ["first": ["name": "Zoë"]])
            #expect(diagnostics.isEmpty, "\(shape): \(diagnostics)")
            let xml = try DocxFixtures.text(try #require(package), "word/document.xml")
            #expect(try DocxFixtures.paragraphs(xml) == ["Zoë"], "\(shape) → \(xml)")
        }
    }

    @Test func smartQuotesInsideTagsAreStraightened() throws {
        let result = try #require(RunNormaliser.normalise(try SafeXMLParser.parse(
            "<w:p xmlns:w=\"urn:w\"><w:r><w:t>a {{! “x” ‘y’ }} b</w:t></w:r></w:p>").root))
        #expect(result.tags.map(\.text) == ["{{! \"x\" 'y' }}"])
        #expect(!result.onlyTags)
    }

    @Test func aWordTemplateFillsIntoADocument() throws {
        var package = Self.package(Self.p("{{x}}"))
        let types = String(decoding: package.parts["[Content_Types].xml"]!, as: UTF8.self)
            .replacingOccurrences(of: "wordprocessingml.document.main+xml", with: "wordprocessingml.template.main+xml")
        package.parts["[Content_Types].xml"] = Data(types.utf8)
        let (filled, _) = try DocxTemplate.compile(package, file: "t.dotx").fillPackage(data: ["x": "y"])
        let out = String(decoding: try #require(filled?.parts["[Content_Types].xml"]), as: UTF8.self)
        #expect(out.contains("wordprocessingml.document.main+xml") && !out.contains("template.main"))
    }

    @Test func aTagCrossingAParagraphOrCellIsReportedWhereItStarts() throws {
        let body = Self.p("Intro") + Self.p("Name: {{entity.") + Self.p("name}} here")
            + "<w:tbl><w:tr>\(Self.cell("{{due"))\(Self.cell("}}"))</w:tr></w:tbl>"
            + "<w:p><w:r><w:t>split {</w:t></w:r><w:r><w:t>{open</w:t></w:r></w:p>"
        do {
            _ = try DocxTemplate.compile(Self.package(body), file: "t.docx")
            Issue.record("compiled a broken tag")
        } catch {
            let broken = error.diagnostics.filter { $0.rule == "template.docx-broken-tag" }
            #expect(broken.map { $0.location?.place ?? "" } == [
                "word/document.xml, paragraph 2: “Name: {{entity.”",
                "word/document.xml, table 1, row 1, cell 1: “{{due”",
                "word/document.xml, paragraph 4: “split {{open”",
            ], "\(error.diagnostics)")
        }
    }
}
