import DocketXML
import Foundation
import Testing

@Suite struct XMLRoundTripTests {
    @Test func keepsNamespacesAttributeOrderAndText() throws {
        let source = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="urn:r"><w:body><w:p w:rsidR="00A1" w:rsidRDefault="00B2"><w:r><w:t xml:space="preserve"> a &amp; b &lt; c "q" </w:t></w:r></w:p></w:body></w:document>
        """
        let doc = try SafeXMLParser.parse(source)
        #expect(doc.standalone == true)
        #expect(doc.root.name == "w:document")
        #expect(doc.root.attributes.map(\.name) == ["xmlns:w", "xmlns:r"])
        let p = try #require(doc.root.firstDescendant("w:p"))
        #expect(p.attributes.map(\.name) == ["w:rsidR", "w:rsidRDefault"])
        #expect(p.textContent == " a & b < c \"q\" ")
        let written = XMLWriter.string(doc)
        #expect(written.contains("<w:t xml:space=\"preserve\"> a &amp; b &lt; c &quot;q&quot; </w:t>"))
        // Writing is a fixed point: parse(write(x)) == x.
        #expect(try SafeXMLParser.parse(written) == doc)
    }

    @Test func emojiAndRightToLeftSurvive() throws {
        let text = "שלום 👩🏽‍⚕️ مرحبا"
        let doc = try SafeXMLParser.parse("<a>\(text)</a>")
        #expect(doc.root.textContent == text)
        #expect(XMLWriter.string(doc).contains(text))
    }

    @Test func attributeEscapingKeepsNewlines() throws {
        var e = XMLElement("a")
        e.setAttribute("v", "x\n\"y\"&<")
        var out = ""
        XMLWriter.write(e, into: &out)
        #expect(out == "<a v=\"x&#10;&quot;y&quot;&amp;&lt;\"/>")
        #expect(try SafeXMLParser.parse(out).root.attribute("v") == "x\n\"y\"&<")
    }

    @Test func rawNodesAreWrittenVerbatim() {
        let e = XMLElement("w:t", children: [.text("a<"), .raw("{{> x}}"), .text("b")])
        var out = ""
        XMLWriter.write(e, into: &out)
        #expect(out == "<w:t>a&lt;{{> x}}b</w:t>")
    }

    @Test func illegalCharactersAreDetected() {
        #expect(XMLWriter.firstIllegalScalar(in: "ok\ttab") == nil)
        #expect(XMLWriter.firstIllegalScalar(in: "bad\u{1}") == Unicode.Scalar(1))
        #expect(XMLWriter.firstIllegalScalar(in: "bad\u{FFFE}") == Unicode.Scalar(0xFFFE))
    }
}
