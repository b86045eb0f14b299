import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import DocketXML
import Foundation
import Testing

@Suite struct DocxMarkdownTests {
    @Test func blockMarkdownBecomesNativeParagraphsListsAndTables() throws {
        let package = try DocxFixtures.fill()
        let xml = try DocxFixtures.text(package, "word/document.xml")
        let doc = try SafeXMLParser.parse(xml)
        var headings: [String] = [], listItems: [(String, String, String)] = [], tables = 0
        doc.root.forEachDescendant { e, _ in
            if e.name == "w:tbl" { tables += 1 }
            guard e.name == "w:p", let pPr = e.child("w:pPr") else { return }
            let style = pPr.child("w:pStyle")?.attribute("w:val")
            if style == "Heading2" { headings.append(DocxFixtures.visibleText(e)) }
            if let numPr = pPr.child("w:numPr") {
                listItems.append((DocxFixtures.visibleText(e), numPr.child("w:ilvl")!.attribute("w:val")!, numPr.child("w:numId")!.attribute("w:val")!))
            }
        }
        #expect(headings == ["Approach"])
        #expect(listItems.map(\.0) == ["first bullet", "second bullet", "nested one", "nested two", "third", "fourth"])
        #expect(listItems.map(\.1) == ["0", "0", "1", "1", "0", "0"])
        #expect(tables == 3) // contacts, the conditional table, the Markdown table
        // Bold/italic/strike runs keep the template run's colour.
        #expect(xml.contains("<w:rPr><w:b/><w:bCs/><w:color w:val=\"333333\"/></w:rPr><w:t xml:space=\"preserve\">will</w:t>"))
        #expect(xml.contains("<w:strike/>"))
        // Markdown paragraphs use the template paragraph's style.
        #expect(xml.contains("<w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r><w:rPr><w:color w:val=\"333333\"/></w:rPr><w:t xml:space=\"preserve\">We </w:t>"))

        // Every numId used is defined in numbering.xml, pointing at an existing abstractNum;
        // the template's own definitions are kept.
        let numbering = try SafeXMLParser.parse(try DocxFixtures.text(package, "word/numbering.xml")).root
        let abstracts = Set(numbering.elements.filter { $0.name == "w:abstractNum" }.compactMap { $0.attribute("w:abstractNumId") })
        var nums: [String: String] = [:]
        for n in numbering.elements where n.name == "w:num" { nums[n.attribute("w:numId")!] = n.child("w:abstractNumId")!.attribute("w:val")! }
        #expect(abstracts.contains("0") && nums["1"] == "0")
        for (_, _, numId) in listItems {
            let abstract = try #require(nums[numId], "numId \(numId) undefined")
            #expect(abstracts.contains(abstract))
        }
        // Schema order: every abstractNum before the first num.
        let names = numbering.elements.map(\.name)
        #expect(names.lastIndex(of: "w:abstractNum")! < names.firstIndex(of: "w:num")!)
        // Ordered lists restart: the "third" list starts at 3.
        #expect(try DocxFixtures.text(package, "word/numbering.xml").contains("<w:startOverride w:val=\"3\"/>"))
    }

    @Test func linksBecomeHyperlinkRelationships() throws {
        let package = try DocxFixtures.fill()
        let xml = try DocxFixtures.text(package, "word/document.xml")
        let doc = try SafeXMLParser.parse(xml)
        let link = try #require(doc.root.firstDescendant("w:hyperlink"))
        let id = try #require(link.attribute("r:id"))
        #expect(DocxFixtures.visibleText(link) == "MassHealth")
        let rels = try SafeXMLParser.parse(try DocxFixtures.text(package, "word/_rels/document.xml.rels")).root
        let rel = try #require(rels.elements.first { $0.attribute("Id") == id })
        #expect(rel.attribute("Target") == "https://www.mass.gov/masshealth")
        #expect(rel.attribute("TargetMode") == "External")
        #expect(rel.attribute("Type")?.hasSuffix("/hyperlink") == true)
        // Relationship ids stay unique.
        let ids = rels.elements.compactMap { $0.attribute("Id") }
        #expect(Set(ids).count == ids.count)
    }

    @Test func missingStylesAreAddedAndExistingOnesKept() throws {
        let package = try DocxFixtures.fill()
        let styles = try SafeXMLParser.parse(try DocxFixtures.text(package, "word/styles.xml")).root
        let ids = styles.elements.compactMap { $0.attribute("w:styleId") }
        for needed in ["Heading1", "Heading2", "ListParagraph", "Hyperlink", "TableGrid", "BodyText"] {
            #expect(ids.contains(needed), "style \(needed) missing")
        }
        #expect(ids.filter { $0 == "Heading1" }.count == 1) // the template's own, not a second one
    }

    @Test func inlineMarkdownStaysInItsParagraph() throws {
        let paragraphs = try DocxFixtures.paragraphs(try DocxFixtures.text(try DocxFixtures.fill(), "word/document.xml"))
        #expect(paragraphs.contains("Summary: on track (end)"))
    }

    @Test func writerHandlesQuotesCodeTaskListsAndEmptyValues() throws {
        var writer = MarkdownWML(part: "word/document.xml", additions: PackageAdditions(firstAbstractId: 0, firstNumId: 1))
        let out = try writer.blocks(.parse("> quoted\n\n```\ncode <x>\n```\n\n- [x] done\n- [ ] todo\n"), inCell: false)
        #expect(out.contains("<w:pStyle w:val=\"Quote\"/>"))
        #expect(out.contains("<w:pStyle w:val=\"CodeBlock\"/>") && out.contains("code &lt;x&gt;"))
        #expect(out.contains("☒ ") && out.contains("☐ "))
        #expect(writer.additions.usedStyles.isSuperset(of: ["Quote", "CodeBlock", "ListParagraph"]))
        #expect(try SafeXMLParser.parse("<w:body xmlns:w=\"urn:w\">\(out)</w:body>").root.elements.count == 4)
        var cell = MarkdownWML(part: "word/document.xml", additions: PackageAdditions(firstAbstractId: 0, firstNumId: 1))
        #expect(try cell.blocks(.parse(""), inCell: true) == "<w:p></w:p>")
        #expect(try cell.blocks(.parse("|a|\n|-|\n|b|"), inCell: true).hasSuffix("</w:tbl><w:p></w:p>"))
    }
}
