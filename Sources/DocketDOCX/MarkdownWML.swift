import DocketCore
import DocketMarkdown
import DocketTemplate
import DocketXML
import Foundation

/// Writes a parsed Markdown document as native WordprocessingML using the template's styles:
/// paragraphs, headings (`Heading1`…), bold/italic/strikethrough, code, bullet and numbered
/// lists (numbering instances registered in `PackageAdditions`), hyperlinks (relationships),
/// GFM tables (`TableGrid`), quotes (`Quote`) and code blocks (`CodeBlock`).
struct MarkdownWML {
    /// The part being written (hyperlink relationships belong to it).
    var part: String
    /// Properties of the template paragraph the value replaces (used for body paragraphs).
    var paragraphProperties: PropertyList
    /// Properties of the template run (font, size …), the base of every run.
    var runProperties: PropertyList
    var additions: PackageAdditions
    /// The parsed document's footnote definitions (`MarkdownDocument.footnotes`): each reference
    /// becomes a Word footnote (`word/footnotes.xml`) and a `w:footnoteReference` run.
    var footnotes: [[MarkdownBlock]] = []

    init(part: String, paragraphProperties: PropertyList = PropertyList(order: PropertyList.paragraphOrder),
         runProperties: PropertyList = PropertyList(order: PropertyList.runOrder), additions: PackageAdditions) {
        self.part = part
        self.paragraphProperties = paragraphProperties.removing("w:numPr")
        self.runProperties = runProperties
        self.additions = additions
    }

    typealias Failure = WMLText.IllegalCharacter

    // MARK: Blocks

    /// Block content: a sequence of `w:p` / `w:tbl`. Never empty (an empty value gives one empty
    /// paragraph, so a table cell stays valid); ends with a paragraph when `inCell`.
    mutating func blocks(_ document: MarkdownDocument, inCell: Bool) throws(Failure) -> String {
        footnotes = document.footnotes
        var out = ""
        for block in document.blocks { out += try self.block(block, listLevel: 0) }
        if out.isEmpty || (inCell && out.hasSuffix("</w:tbl>")) { out += paragraph([], properties: paragraphProperties) }
        return out
    }

    private func paragraph(_ runs: [String], properties: PropertyList) -> String {
        "<w:p>\(properties.xml("w:pPr"))\(runs.joined())</w:p>"
    }

    private func styled(_ style: String) -> PropertyList {
        paragraphProperties.removing("w:pStyle").setting("w:pStyle", "<w:pStyle w:val=\"\(style)\"/>")
    }

    private mutating func block(_ block: MarkdownBlock, listLevel: Int) throws(Failure) -> String {
        switch block {
        case .paragraph(let inlines):
            return paragraph(try runs(inlines, runProperties), properties: paragraphProperties)
        case .heading(let level, let inlines):
            let style = "Heading\(min(max(level, 1), 6))"
            additions.use(style: style)
            return paragraph(try runs(inlines, runProperties), properties: styled(style))
        case .list(let ordered, let start, _, let items):
            return try list(ordered: ordered, start: start, items: items, level: listLevel)
        case .blockQuote(let inner):
            additions.use(style: "Quote")
            var saved = paragraphProperties
            swap(&saved, &paragraphProperties)
            paragraphProperties = styled("Quote")
            defer { paragraphProperties = saved }
            var out = ""
            for b in inner { out += try self.block(b, listLevel: listLevel) }
            return out
        case .codeBlock(_, let text):
            additions.use(style: "CodeBlock")
            var body = text
            if body.hasSuffix("\n") { body.removeLast() }
            return paragraph([try WMLText.run(body, rPr: runProperties.xml("w:rPr"))], properties: styled("CodeBlock"))
        case .thematicBreak:
            let border = "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>"
            return paragraph([], properties: paragraphProperties.setting("w:pBdr", border))
        case .table(let alignments, let header, let rows):
            return try table(alignments: alignments, header: header, rows: rows)
        case .html(let html):
            return paragraph([try WMLText.run(html, rPr: runProperties.xml("w:rPr"))], properties: paragraphProperties)
        }
    }

    private mutating func list(ordered: Bool, start: Int, items: [MarkdownListItem], level: Int) throws(Failure) -> String {
        additions.use(style: "ListParagraph")
        let numId = additions.newList(ordered: ordered, level: min(level, 8), start: start)
        let numbered = paragraphProperties.removing("w:pStyle")
            .setting("w:pStyle", "<w:pStyle w:val=\"ListParagraph\"/>")
            .setting("w:numPr", "<w:numPr><w:ilvl w:val=\"\(min(level, 8))\"/><w:numId w:val=\"\(numId)\"/></w:numPr>")
        let continuation = paragraphProperties.removing("w:pStyle")
            .setting("w:pStyle", "<w:pStyle w:val=\"ListParagraph\"/>")
            .setting("w:ind", "<w:ind w:left=\"\(720 * (min(level, 8) + 1))\"/>")
        var out = ""
        for item in items {
            var first = true
            for b in item.blocks {
                if case .list = b {
                    out += try self.block(b, listLevel: level + 1)
                    continue
                }
                var inlines: [MarkdownInline]
                switch b {
                case .paragraph(let i): inlines = i
                case .heading(_, let i): inlines = i
                default:
                    out += try self.block(b, listLevel: level)
                    first = false
                    continue
                }
                if first, let checked = item.checked { inlines.insert(.text(checked ? "☒ " : "☐ "), at: 0) }
                out += paragraph(try runs(inlines, runProperties), properties: first ? numbered : continuation)
                first = false
            }
            if first { out += paragraph([], properties: numbered) }
        }
        return out
    }

    private mutating func table(alignments: [TableAlignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]]) throws(Failure) -> String {
        additions.use(style: "TableGrid")
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        let width = 9360 / max(columns, 1)
        for _ in 0..<columns { out += "<w:gridCol w:w=\"\(width)\"/>" }
        out += "</w:tblGrid>"
        for (r, row) in ([header] + rows).enumerated() {
            out += r == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
            for c in 0..<columns {
                let cell = c < row.count ? row[c] : []
                var pPr = paragraphProperties.removing("w:pStyle").removing("w:ind")
                let alignment = c < alignments.count ? alignments[c] : .none
                if alignment != .none {
                    let value = alignment == .center ? "center" : alignment == .right ? "right" : "left"
                    pPr = pPr.setting("w:jc", "<w:jc w:val=\"\(value)\"/>")
                }
                let rPr = r == 0 ? runProperties.setting("w:b", "<w:b/>") : runProperties
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                out += paragraph(try runs(cell, rPr), properties: pPr) + "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    // MARK: Footnotes

    /// A new Word footnote holding `content` (its paragraphs in `FootnoteText`); its id.
    /// Every reference gets a footnote of its own: Word cannot point two references at one note.
    private mutating func footnote(_ content: [MarkdownBlock]) throws(Failure) -> Int {
        additions.use(style: FootnoteXML.textStyle)
        additions.use(style: FootnoteXML.referenceStyle)
        let pPr = PropertyList(order: PropertyList.paragraphOrder).setting("w:pStyle", "<w:pStyle w:val=\"\(FootnoteXML.textStyle)\"/>")
        var writer = MarkdownWML(part: FootnoteXML.part, paragraphProperties: pPr, additions: additions)
        let body = try writer.blocks(MarkdownDocument(blocks: content), inCell: false)  // no footnotes inside a footnote
        additions = writer.additions
        return additions.addFootnote(FootnoteXML.withMark(body))
    }

    // MARK: Inlines

    /// Runs for inline content (used alone for `{{markdown(x)}}` inside other text).
    mutating func runs(_ inlines: [MarkdownInline], _ rPr: PropertyList) throws(Failure) -> [String] {
        var out: [String] = []
        for inline in inlines {
            switch inline {
            case .text(let t): out.append(try WMLText.run(t, rPr: rPr.xml("w:rPr")))
            case .emphasis(let c): out += try runs(c, rPr.setting("w:i", "<w:i/>").setting("w:iCs", "<w:iCs/>"))
            case .strong(let c): out += try runs(c, rPr.setting("w:b", "<w:b/>").setting("w:bCs", "<w:bCs/>"))
            case .strikethrough(let c): out += try runs(c, rPr.setting("w:strike", "<w:strike/>"))
            case .code(let t):
                let mono = "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>"
                out.append(try WMLText.run(t, rPr: rPr.setting("w:rFonts", mono).xml("w:rPr")))
            case .link(let destination, _, let c):
                additions.use(style: "Hyperlink")
                let id = additions.hyperlink(destination, in: part)
                let inner = try runs(c, rPr.setting("w:rStyle", "<w:rStyle w:val=\"Hyperlink\"/>"))
                out.append("<w:hyperlink r:id=\"\(id)\" w:history=\"1\">\(inner.joined())</w:hyperlink>")
            case .image(let source, let title, let alt):
                // A `data:` image (what `{{image(x)}}` writes in Markdown for DOCX, its size in
                // the title) is embedded; anything else (a path, a URL: nothing is fetched) keeps its alt text.
                let text = alt.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
                if source.hasPrefix("data:"), var image = try? ImageLoader.inline(dataURI: source, alt: text),
                   ImageWML.illegalScalar(image) == nil {
                    if let size = MarkdownImages.size(inTitle: title) {
                        image.field.width = ImageLength(emu: size.cx)
                        image.field.height = ImageLength(emu: size.cy)
                    }
                    let id = additions.image(image.bytes, format: image.format, in: part)
                    out.append("<w:r>\(rPr.xml("w:rPr"))\(ImageWML.drawing(image, relationshipId: id))</w:r>")
                } else {
                    out += try runs(alt, rPr)
                }
            case .softBreak: out.append(try WMLText.run(" ", rPr: rPr.xml("w:rPr")))
            case .lineBreak: out.append("<w:r>\(rPr.xml("w:rPr"))<w:br/></w:r>")
            case .html(let h): out.append(try WMLText.run(h, rPr: rPr.xml("w:rPr")))
            case .footnoteReference(let n):
                guard n >= 1, n <= footnotes.count else { out.append(try WMLText.run("[^\(n)]", rPr: rPr.xml("w:rPr"))); continue }
                let id = try footnote(footnotes[n - 1])
                out.append(FootnoteXML.referenceRun(id: id, rPr: rPr))
            }
        }
        return out
    }
}
