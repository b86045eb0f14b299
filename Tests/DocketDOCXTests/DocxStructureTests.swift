import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import DocketXML
import Foundation
import Testing

/// Filled documents stay valid WordprocessingML whatever the data: tables keep a row, cells end
/// with a paragraph, sections over rows span several rows.
@Suite struct DocxStructureTests {
    typealias T = DocxErrorTests

    static func fill(_ body: String, _ data: JSONValue) throws -> XMLElement {
        let template = try DocxTemplate.compile(T.package(body), file: "t.docx")
        let (package, diagnostics) = template.fillPackage(data: data)
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
        return try SafeXMLParser.parse(try DocxFixtures.text(try #require(package), "word/document.xml")).root
    }

    static func rows(_ root: XMLElement) -> [[String]] {
        guard let tbl = root.firstDescendant("w:tbl") else { return [] }
        return tbl.elements.filter { $0.name == "w:tr" }.map { $0.elements.filter { $0.name == "w:tc" }.map(WMLReader.visibleText) }
    }

    /// Every cell's last element is a paragraph.
    static func cellsEndWithParagraphs(_ root: XMLElement) -> Bool {
        var ok = true
        root.forEachDescendant { e, _ in
            if e.name == "w:tc", e.elements.last?.name != "w:p" { ok = false }
        }
        return ok
    }

    static let loopRow = "<w:tbl><w:tr>\(T.cell("{{#items}}{{a}}"))\(T.cell("{{b}}{{/items}}"))</w:tr></w:tbl>"

    @Test func aTableWhoseOnlyRowRepeatsKeepsAnEmptyRowForAnEmptyList() throws {
        let empty = try Self.fill(Self.loopRow, ["items": []])
        #expect(Self.rows(empty) == [["", ""]])
        let two = try Self.fill(Self.loopRow, ["items": [["a": "1", "b": "2"], ["a": "3", "b": "4"]]])
        #expect(Self.rows(two) == [["1", "2"], ["3", "4"]])
    }

    @Test func aSectionCanRepeatSeveralRows() throws {
        let body = "<w:tbl><w:tr>\(T.cell("Head"))\(T.cell("er"))</w:tr><w:tr>\(T.cell("{{#items}}Name"))\(T.cell("{{a}}"))</w:tr>"
            + "<w:tr>\(T.cell("Value"))\(T.cell("{{b}}{{/items}}"))</w:tr></w:tbl>"
        let root = try Self.fill(body, ["items": [["a": "1", "b": "2"], ["a": "3", "b": "4"]]])
        #expect(Self.rows(root) == [["Head", "er"], ["Name", "1"], ["Value", "2"], ["Name", "3"], ["Value", "4"]])
    }

    @Test func cellsWhoseParagraphsAreConditionalStillEndWithAParagraph() throws {
        let body = "<w:tbl><w:tr><w:tc>\(T.p("{{#flag}}"))\(T.p("shown"))\(T.p("{{/flag}}"))</w:tc>"
            + "<w:tc>\(T.p("always"))\(T.p("{{#flag}}"))\(T.p("x"))\(T.p("{{/flag}}"))</w:tc></w:tr></w:tbl>"
        let off = try Self.fill(body, ["flag": false])
        #expect(Self.cellsEndWithParagraphs(off))
        #expect(Self.rows(off) == [["", "always"]])
        let on = try Self.fill(body, ["flag": true])
        #expect(Self.cellsEndWithParagraphs(on))
        // The second cell needed no extra paragraph: both outcomes end with one.
        #expect(Self.rows(on) == [["shown\n", "always\nx"]])
    }

    @Test func anInlineSectionInAOneColumnRowDoesNotRepeatTheRow() throws {
        let body = "<w:tbl><w:tr>\(T.cell("{{#flag}}yes{{/flag}}"))</w:tr></w:tbl>"
        #expect(Self.rows(try Self.fill(body, ["flag": false])) == [[""]])
        #expect(Self.rows(try Self.fill(body, ["flag": true])) == [["yes"]])
    }

    @Test func markdownInACellEndsWithAParagraph() throws {
        let body = "<w:tbl><w:tr><w:tc>\(T.p("{{markdown(text)}}"))</w:tc></w:tr></w:tbl>"
        let root = try Self.fill(body, ["text": "| a |\n|---|\n| b |"])
        #expect(Self.cellsEndWithParagraphs(root))
        let empty = try Self.fill(body, ["text": nil])
        #expect(Self.cellsEndWithParagraphs(empty))
    }

    @Test func valuesInsideAttributesStayWellFormed() throws {
        let body = "<w:p><w:sdt><w:sdtPr><w:alias w:val=\"{{caption}}\"/></w:sdtPr><w:sdtContent><w:r><w:t>{{caption}}</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        let root = try Self.fill(body, ["caption": "a\nb & \"c\"\tz"])
        #expect(root.firstDescendant("w:alias")?.attribute("w:val") == "a b & \"c\" z")
        #expect(WMLReader.visibleText(root) == "a\nb & \"c\"\tz")
    }
}
