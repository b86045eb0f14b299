import DocketCore
@testable import DocketDOCX
import DocketDeliverables
import DocketMarkdown
import DocketTemplate
import DocketTestSupport
import DocketXML
import Foundation
import Testing

/// Word rejects or "repairs" parts whose children are out of the schema's sequence, where
/// LibreOffice and pandoc accept them (issue 14). Every part Docket writes or generates is
/// checked against `OOXMLOrder`: the shipped deliverables filled from their examples through
/// the DOCX templates and through Markdown → DOCX, the template folders themselves, and
/// generated content (Markdown in a DOCX template, with and without the template's styles and
/// numbering parts).
@Suite struct WordOrderTests {
    static let registry: DeliverableRegistry = try! DeliverableRegistry.load(root: TestPaths.packageRoot)
    static let ids = registry.ids
    static let date = "2023-09-29"

    /// Every shipped example (`example.yaml`, `example-*.yaml`) as `id/file`.
    static let examples = ids.flatMap { id in registry.deliverable(id: id)!.exampleURLs.map { "\(id)/\($0.lastPathComponent)" } }

    /// The deliverable and data of `example` (`id/file`).
    static func example(_ example: String) throws -> (Deliverable, JSONValue) {
        let parts = example.split(separator: "/").map(String.init)
        let d = try #require(registry.deliverable(id: parts[0]))
        return (d, try DataLoader.load(path: d.folderURL.appendingPathComponent(parts[1]).path).value)
    }

    /// Unzips `docx` and lists its out-of-order children, one line each.
    static func violations(docx: Data) throws -> [String] {
        try OOXMLOrder.violations(in: OOXMLPackage.load(docx: docx)).map(\.description)
    }

    @Test(arguments: examples)
    func filledDocxTemplateIsInSchemaOrder(example: String) throws {
        let (d, data) = try Self.example(example)
        let template = try DocxTemplate.load(d.docxFolderURL)
        let (bytes, diagnostics) = template.fill(data: d.enrich(data, date: Self.date))
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics.map(\.message))")
        let found = try Self.violations(docx: try #require(bytes))
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
    }

    /// Translated answers (`w:lang` added to runs that have properties and to runs that have none).
    @Test func languageMarkedAnswersAreInSchemaOrder() throws {
        let (d, data) = try Self.example("hqe-strategic-plan/example-2024.yaml")
        let paths: Set<String> = ["plan.executiveSummary", "entity.name", "plan.goals.0.title"]
        let (bytes, diagnostics) = try DocxTemplate.load(d.docxFolderURL).fill(data: d.enrich(data, date: Self.date),
                                                                                language: AnswerLanguage(tag: "es-US", paths: paths))
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics.map(\.message))")
        let package = try OOXMLPackage.load(docx: try #require(bytes))
        let xml = String(decoding: try #require(package.parts["word/document.xml"]), as: UTF8.self)
        #expect(xml.components(separatedBy: "<w:lang w:val=\"es-US\"/>").count - 1 >= 5)
        let found = try OOXMLOrder.violations(in: package).map(\.description)
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
    }

    @Test(arguments: examples)
    func markdownDocxIsInSchemaOrder(example: String) throws {
        let (d, data) = try Self.example(example)
        let text = try String(contentsOf: d.templateMarkdownURL, encoding: .utf8)
        let template = try Template(text, name: "template.md", locator: .lineColumn(file: d.templateMarkdownURL.path))
        let rendered = template.render(d.enrich(data, date: Self.date), format: MarkdownFormat())
        #expect(!rendered.hasErrors, "\(rendered.diagnostics.map(\.message))")
        let docx = try MarkdownDocx.docx(markdown: rendered.output, title: d.fileName(data: data, date: Self.date))
        let found = try Self.violations(docx: docx)
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
    }

    /// The shipped template parts as they are on disk (styles, numbering, settings, content types…).
    @Test(arguments: ids)
    func shippedTemplatePartsAreInSchemaOrder(id: String) throws {
        let d = try #require(Self.registry.deliverable(id: id))
        let found = try OOXMLOrder.violations(in: OOXMLPackage.load(folder: d.docxFolderURL)).map(\.description)
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
    }

    /// Every Markdown construct MarkdownWML writes, in one document.
    static let everyConstruct = """
        # Title *em* **strong** ~~gone~~ `code`

        Text with [a link](https://example.org) and a hard\\
        break.

        - bullet **bold**
          - nested *italic* [link](https://example.org/2)
            1. deep ordered
        - [x] done
        - [ ] open

        3. three
        4. four

           continuation paragraph

        > quoted **text**
        >
        > - quoted list

        ```
        code block
        ```

        ---

        | Left | Centre | Right | None |
        |:--|:-:|--:|---|
        | a | **b** | *c* | `d` |

        <span>html</span>

        ###### Level six
        """

    /// The DOCX fixture's data with its Markdown narrative replaced.
    static func fixtureData(narrative: String) -> JSONValue {
        guard case .object(var object) = DocxFixtures.data else { return DocxFixtures.data }
        object["narrative"] = .string(narrative)
        return .object(object)
    }

    @Test func everyMarkdownConstructIsInSchemaOrder() throws {
        let found = try Self.violations(docx: MarkdownDocx.docx(markdown: Self.everyConstruct, title: "Order"))
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
    }

    /// Markdown (block and inline) filled into a DOCX template, with the template's run and
    /// paragraph formatting as the base.
    @Test func markdownInADocxTemplateIsInSchemaOrder() throws {
        let data = Self.fixtureData(narrative: Self.everyConstruct)
        let template = try DocxFixtures.compile()
        let (bytes, diagnostics) = template.fill(data: data)
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics.map(\.message))")
        let found = try Self.violations(docx: try #require(bytes))
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
    }

    /// A template without styles and numbering parts: Docket creates both (and registers them).
    @Test func generatedStylesAndNumberingPartsAreInSchemaOrder() throws {
        var package = try OOXMLPackage.load(folder: DocxFixtures.templateFolder)
        package.parts["word/styles.xml"] = nil
        package.parts["word/numbering.xml"] = nil
        for name in ["[Content_Types].xml", "word/_rels/document.xml.rels"] {
            let text = String(decoding: try #require(package.parts[name]), as: UTF8.self)
                .replacingOccurrences(of: #"<(Override|Relationship) [^>]*(styles|numbering)[^>]*/>"#, with: "", options: .regularExpression)
            package.parts[name] = Data(text.utf8)
        }
        let data = Self.fixtureData(narrative: Self.everyConstruct)
        let template = try DocxTemplate.compile(package, file: "no-styles")
        let (filled, diagnostics) = template.fillPackage(data: data)
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics.map(\.message))")
        let result = try #require(filled)
        #expect(result.parts["word/styles.xml"] != nil && result.parts["word/numbering.xml"] != nil)
        let found = try OOXMLOrder.violations(in: result).map(\.description)
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
    }

    /// Docket's additions go into a Word-written numbering part (picture bullets first, the
    /// cleanup marker last) and styles part at their schema positions.
    @Test func additionsToExistingPartsKeepSchemaOrder() throws {
        let w = "xmlns:w=\"\(Namespaces.w)\""
        var parts: [String: Data] = [
            "word/numbering.xml": Data(("<w:numbering \(w)><w:numPicBullet w:numPicBulletId=\"0\"/>"
                + "<w:abstractNum w:abstractNumId=\"4\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"/></w:abstractNum>"
                + "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"4\"/></w:num><w:numIdMacAtCleanup w:val=\"3\"/></w:numbering>").utf8),
            "word/styles.xml": Data("<w:styles \(w)><w:docDefaults/><w:latentStyles/><w:style w:styleId=\"Normal\"/></w:styles>".utf8),
        ]
        let info = try PackageInfo(OOXMLPackage(parts: parts))
        var writer = MarkdownWML(part: "word/document.xml",
                                 additions: PackageAdditions(firstAbstractId: info.maxAbstractNumId + 1, firstNumId: info.maxNumId + 1))
        _ = try writer.blocks(MarkdownDocument.parse("- a\n\n1. b\n\n> [c](https://example.org)\n"), inCell: false)
        PackageFinisher.finish(&parts, additions: writer.additions, info: info)
        let found = try OOXMLOrder.violations(in: OOXMLPackage(parts: parts)).map(\.description)
        #expect(found.isEmpty, "\(found.count) out of order:\n\(found.joined(separator: "\n"))")
        let numbering = try SafeXMLParser.parse([UInt8](try #require(parts["word/numbering.xml"]))).root
        #expect(numbering.elements.map(\.name) == ["w:numPicBullet", "w:abstractNum", "w:abstractNum", "w:abstractNum",
                                                   "w:num", "w:num", "w:num", "w:numIdMacAtCleanup"])
        let styles = try SafeXMLParser.parse([UInt8](try #require(parts["word/styles.xml"]))).root
        #expect(styles.elements.map(\.name).prefix(3) == ["w:docDefaults", "w:latentStyles", "w:style"])
        #expect(styles.elements.count > 3)
    }

    // MARK: The checker itself

    @Test func checkerFindsChildrenOutOfSequence() throws {
        let xml = """
            <w:styles xmlns:w="w"><w:style w:styleId="Quote"><w:pPr><w:ind w:left="720"/><w:pBdr/></w:pPr>\
            <w:rPr><w:color w:val="0"/><w:i/></w:rPr><w:name w:val="Quote"/></w:style><w:docDefaults/></w:styles>
            """
        let found = try OOXMLOrder.violations(inPart: "word/styles.xml", bytes: Data(xml.utf8))
        #expect(found.map(\.description) == [
            "word/styles.xml: w:styles: <w:docDefaults> after <w:style>",
            "word/styles.xml: w:styles/w:style[Quote]: <w:name> after <w:rPr>",
            "word/styles.xml: w:styles/w:style[Quote]/w:pPr: <w:pBdr> after <w:ind>",
            "word/styles.xml: w:styles/w:style[Quote]/w:rPr: <w:i> after <w:color>",
        ])
    }

    @Test func checkerAcceptsSchemaOrderAndUnrankedChildren() throws {
        let xml = """
            <w:document xmlns:w="w" xmlns:w14="w14"><w:body><w:bookmarkStart w:id="0"/><w:p><w:pPr><w:pStyle w:val="A"/>\
            <w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:pBdr><w:top/><w:bottom/></w:pBdr>\
            <w:spacing/><w:ind/><w:jc w:val="left"/><w:rPr><w:b/><w:sz w:val="2"/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>\
            <w:tbl><w:bookmarkStart w:id="1"/><w:tblPr><w:tblStyle w:val="T"/><w:tblW w:w="0"/><w:tblLook/></w:tblPr><w:tblGrid/>\
            <w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW/><w:shd/></w:tcPr><w:p/></w:tc></w:tr>\
            <w:bookmarkEnd w:id="1"/></w:tbl><w:sectPr><w:headerReference/><w:footerReference/><w:headerReference/><w:pgSz/>\
            <w:pgMar/><w:cols/><w:docGrid/></w:sectPr></w:body></w:document>
            """
        #expect(try OOXMLOrder.violations(inPart: "word/document.xml", bytes: Data(xml.utf8)).isEmpty)
        let late = "<w:document xmlns:w=\"w\"><w:body><w:sectPr/><w:p/></w:body></w:document>"
        #expect(try OOXMLOrder.violations(inPart: "word/document.xml", bytes: Data(late.utf8)).map(\.child) == ["w:p"])
        let types = "<Types><Override PartName=\"/a.xml\"/><Default Extension=\"xml\"/></Types>"
        #expect(try OOXMLOrder.violations(inPart: "[Content_Types].xml", bytes: Data(types.utf8)).map(\.child) == ["Default"])
    }

    @Test func insertionPutsAChildAtItsSchemaPosition() throws {
        let pPr = try SafeXMLParser.parse("<w:pPr><w:pStyle/><w:spacing/><w:jc/><w:rPr/></w:pPr>").root
        let withNumPr = OOXMLOrder.inserting(XMLElement("w:numPr"), into: pPr)
        #expect(withNumPr.elements.map(\.name) == ["w:pStyle", "w:numPr", "w:spacing", "w:jc", "w:rPr"])
        let withInd = OOXMLOrder.inserting(XMLElement("w:ind"), into: withNumPr)
        #expect(withInd.elements.map(\.name) == ["w:pStyle", "w:numPr", "w:spacing", "w:ind", "w:jc", "w:rPr"])
        let r = try SafeXMLParser.parse("<w:r><w:t>x</w:t></w:r>").root
        #expect(OOXMLOrder.inserting(XMLElement("w:rPr"), into: r).elements.map(\.name) == ["w:rPr", "w:t"])
        let box = try SafeXMLParser.parse("<w14:checkbox><w14:checkedState/><w14:uncheckedState/></w14:checkbox>").root
        #expect(OOXMLOrder.inserting(XMLElement("w14:checked"), into: box).elements.first?.name == "w14:checked")
    }

    @Test func propertyListsFollowTheChecker() {
        let run = PropertyList(order: PropertyList.runOrder).setting("w:u", "<w:u/>").setting("w:b", "<w:b/>")
            .setting("w:rStyle", "<w:rStyle/>").setting("w:lang", "<w:lang/>").setting("w:color", "<w:color/>")
        #expect(run.xml("w:rPr") == "<w:rPr><w:rStyle/><w:b/><w:color/><w:u/><w:lang/></w:rPr>")
        let paragraph = PropertyList(order: PropertyList.paragraphOrder).setting("w:ind", "<w:ind/>")
            .setting("w:pBdr", "<w:pBdr/>").setting("w:numPr", "<w:numPr/>").setting("w:pStyle", "<w:pStyle/>")
        #expect(paragraph.xml("w:pPr") == "<w:pPr><w:pStyle/><w:numPr/><w:pBdr/><w:ind/></w:pPr>")
    }
}
