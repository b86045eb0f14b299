import DocketCore
import DocketDOCX
import DocketXML
import Foundation

/// One walk of a WordprocessingML part for the accessibility checks: headings (main document
/// only), tables, images, links and text contrast, each finding at the validator's place text
/// (`DocxPlace`).
struct AccessibilityWalker {
    let file: String
    let styles: WMLStyles
    /// Whether this part's headings count (the main document; headers and notes have none).
    let headings: Bool
    /// Whether this part holds footnotes or endnotes.
    let notes: Bool
    /// The page colour (`w:background`), else white.
    let page: String
    private var place: DocxPlace
    private(set) var findings: [Diagnostic] = []
    private(set) var contrast = ContrastFindings()
    private var level = 0
    /// The style of the paragraph being walked, and the fill of the cell around it.
    private var paragraphStyles: [String?] = []
    private var fills: [String] = []
    /// The paragraphs being walked (innermost last) and, once a link in one is met, the text
    /// around each of its links, in order.
    private var openParagraphs: [(element: XMLElement, links: [LinkContext]?)] = []

    struct LinkContext: Equatable {
        var before = "", after = ""
    }

    init(file: String, part: String, styles: WMLStyles, headings: Bool, page: String?) {
        self.file = file
        self.styles = styles
        self.headings = headings
        self.notes = part.hasSuffix("footnotes.xml") || part.hasSuffix("endnotes.xml")
        self.page = page ?? "FFFFFF"
        self.place = DocxPlace(part: part)
    }

    /// Link texts that do not say where a link goes (compared in lower case, without punctuation).
    static let vagueLinks: Set<String> = ["click here", "here", "link", "this link", "click", "click this link", "more", "read more",
                                          "learn more", "this", "this page", "go", "details"]

    private func warn(_ rule: AccessibilityRule, _ message: String) -> Diagnostic {
        DocxAccessibility.finding(rule, message, place.location(file: file))
    }

    mutating func walk(_ e: XMLElement) {
        for case .element(let c) in e.children {
            switch c.name {
            case "w:tbl":
                table(c)
            case "w:tr":
                place.enterRow()
                walk(c)
            case "w:tc":
                place.enterCell()
                let fill = c.child("w:tcPr")?.child("w:shd").flatMap(WMLStyles.fill)
                if let fill { fills.append(fill) }
                walk(c)
                if fill != nil { fills.removeLast() }
            case "w:p":
                paragraph(c)
            case "w:hyperlink":
                link(c)
                walk(c)
            case "w:drawing":
                drawing(c)
                walk(c)
            case "w:pict":
                picture(c)
                walk(c)
            case "w:r":
                run(c)
                walk(c)
            case "w:sdtPr", "w:rPr", "w:pPr", "w:del", "w:moveFrom", "w:instrText":
                break
            default:
                walk(c)
            }
        }
    }

    /// The rows of a table, through content controls and custom XML around them.
    static func rows(_ tbl: XMLElement) -> [XMLElement] {
        var out: [XMLElement] = []
        func collect(_ e: XMLElement) {
            for case .element(let c) in e.children {
                if c.name == "w:tr" { out.append(c) } else if ["w:sdt", "w:sdtContent", "w:customXml"].contains(c.name) { collect(c) }
            }
        }
        collect(tbl)
        return out
    }

    /// A table of two rows or more needs its header marked: the first row repeats as a header row
    /// (`w:tblHeader`), or, for a table of labels and answers without a header row, the first column
    /// is the header (Table Design → First Column on, Header Row off: `w:tblLook`).
    private mutating func table(_ tbl: XMLElement) {
        place.enterTable()
        defer { place.exitTable() }
        let rows = Self.rows(tbl)
        if rows.count >= 2, !Self.repeatsHeader(rows[0]), !Self.headedByFirstColumn(tbl) {
            var first = place
            first.enterRow()
            findings.append(DocxAccessibility.finding(.tableHeader,
                "this table has no header row marked, so a screen reader cannot name its columns: select the first row, "
                    + "Table Properties → Row → tick “Repeat as header row at the top of each page” (for a table of labels and "
                    + "answers, Table Design → tick First Column, untick Header Row)", first.location(file: file)))
        }
        walk(tbl)
    }

    static func repeatsHeader(_ row: XMLElement) -> Bool {
        guard let header = row.child("w:trPr")?.child("w:tblHeader") else { return false }
        return !["0", "false", "off"].contains(header.attribute("w:val") ?? "true")
    }

    static func headedByFirstColumn(_ tbl: XMLElement) -> Bool {
        guard let look = tbl.child("w:tblPr")?.child("w:tblLook") else { return false }
        let bits = look.attribute("w:val").flatMap { Int($0, radix: 16) } ?? 0
        func flag(_ name: String, _ bit: Int) -> Bool {
            guard let v = look.attribute(name) else { return bits & bit != 0 }
            return !["0", "false", "off"].contains(v)
        }
        return flag("w:firstColumn", 0x0080) && !flag("w:firstRow", 0x0020)
    }

    private mutating func paragraph(_ p: XMLElement) {
        if headings, let level = styles.headingLevel(p) {
            let text = WMLReader.visibleText(p).trimmingCharacters(in: .whitespacesAndNewlines)
            let snippet = Self.snippet(text)
            if text.isEmpty {
                findings.append(warn(.emptyHeading, "an empty heading (level \(level)): a screen reader announces a heading with nothing in it; "
                                     + "delete the empty paragraph or give it the Normal style"))
            } else if level > self.level + 1 {
                let expected = self.level + 1
                findings.append(warn(.headingOrder, self.level == 0
                    ? "the first heading “\(snippet)” is level \(level): a document starts at level 1 (Title or Heading 1); give it the Heading 1 style"
                    : "heading “\(snippet)” is level \(level) right after level \(self.level), skipping level \(expected): give it the Heading \(expected) style"))
            }
            if !text.isEmpty {
                self.level = level
                place.heading = text
            }
        }
        paragraphStyles.append(styles.paragraphStyle(p))
        openParagraphs.append((p, nil))
        let background = styles.paragraphBackground(p)
        if let background { fills.append(background) }
        walk(p)
        if background != nil { fills.removeLast() }
        openParagraphs.removeLast()
        paragraphStyles.removeLast()
    }

    /// For each link of paragraph `p` (document order, not those of a paragraph inside it, e.g.
    /// in a text box): the paragraph's visible text before and after it.
    static func linkContexts(_ p: XMLElement) -> [LinkContext] {
        var text = ""
        var spans: [(start: String.Index, end: String.Index)] = []
        func collect(_ e: XMLElement) {
            for case .element(let c) in e.children {
                switch c.name {
                case "w:t": text += c.textContent
                case "w:tab", "w:br", "w:cr": text += " "
                case "w:p", "w:pPr", "w:rPr", "w:del", "w:instrText", "w:sdtPr", "w:moveFrom": break
                case "w:hyperlink":
                    let start = text.endIndex
                    collect(c)
                    spans.append((start, text.endIndex))
                default: collect(c)
                }
            }
        }
        collect(p)
        // Indexes into `text` stay valid: it only grew at its end after each was taken.
        return spans.map { LinkContext(before: String(text[..<$0.start]), after: String(text[$0.end...])) }
    }

    /// A web address in parentheses right after words that name it — “The Management Center
    /// (https://…)”, as the source forms write it — has its purpose in its sentence (WCAG 2.1
    /// 2.4.4, Link Purpose (In Context)): not reported as a bare address.
    /// A note that is only a web address is a citation: the text its reference mark stands in
    /// names what it cites (the IA report's footnote 9, as published).
    static func isWholeParagraph(_ context: LinkContext) -> Bool {
        (context.before + context.after).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    static func namedInContext(_ context: LinkContext) -> Bool {
        let before = context.before.trimmingCharacters(in: .whitespaces)
        guard before.hasSuffix("("), context.after.trimmingCharacters(in: .whitespaces).hasPrefix(")") else { return false }
        return before.dropLast().trimmingCharacters(in: .whitespaces).last?.isLetter == true
    }

    private mutating func link(_ h: XMLElement) {
        let text = WMLReader.visibleText(h).trimmingCharacters(in: .whitespacesAndNewlines)
        let plain = text.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        let url = ["http://", "https://", "www.", "ftp://"].contains { plain.hasPrefix($0) } && !plain.contains(" ")
        var context = LinkContext()
        if let last = openParagraphs.indices.last {
            if openParagraphs[last].links == nil { openParagraphs[last].links = Self.linkContexts(openParagraphs[last].element) }
            if openParagraphs[last].links?.isEmpty == false { context = openParagraphs[last].links?.removeFirst() ?? context }
        }
        if text.isEmpty {
            findings.append(warn(.linkText, "a link has no text: a screen reader reads out only “link”; type words that name where it goes"))
        } else if Self.vagueLinks.contains(plain) {
            findings.append(warn(.linkText, "the link text “\(Self.snippet(text))” does not say where the link goes: use words that name "
                                 + "the destination (e.g. the page's or document's title)"))
        } else if url, !Self.namedInContext(context), !(notes && Self.isWholeParagraph(context)) {
            findings.append(warn(.linkText, "the link text is a bare web address (“\(Self.snippet(text))”): a screen reader spells it out; "
                                 + "Edit Hyperlink → Text to display: words that name the destination"))
        }
    }

    /// A DrawingML object (picture, chart, shape): alternative text (`wp:docPr` `descr`) or marked decorative.
    private mutating func drawing(_ d: XMLElement) {
        guard let frame = d.elements.first(where: { $0.name == "wp:inline" || $0.name == "wp:anchor" }),
              let properties = frame.child("wp:docPr") else { return }
        if (properties.attribute("descr") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !Self.isDecorative(properties) {
            findings.append(warn(.imageAlt, "the image “\(properties.attribute("name") ?? "")” has no alternative text: right-click it → "
                                 + "View Alt Text, describe what it shows (or tick Mark as decorative)"))
        }
    }

    /// Word 2019's “Mark as decorative”: `adec:decorative val="1"` in the properties' extensions.
    static func isDecorative(_ properties: XMLElement) -> Bool {
        var found = false
        properties.forEachDescendant { e, _ in
            if e.localName == "decorative", ["1", "true"].contains(e.attribute("val") ?? "") { found = true }
        }
        return found
    }

    /// A VML picture (older Word): `alt` on the shape or `o:title` on the image data.
    private mutating func picture(_ pict: XMLElement) {
        var image = false, alt = false
        pict.forEachDescendant { e, _ in
            if e.name == "v:imagedata" {
                image = true
                if !(e.attribute("o:title") ?? "").trimmingCharacters(in: .whitespaces).isEmpty { alt = true }
            }
            if e.name == "v:shape", !(e.attribute("alt") ?? "").trimmingCharacters(in: .whitespaces).isEmpty { alt = true }
        }
        if image && !alt {
            findings.append(warn(.imageAlt, "a picture has no alternative text: right-click it → View Alt Text, describe what it shows"))
        }
    }

    /// Text of a run against what is behind it: the run's own shading or highlight, the
    /// paragraph's, the cell's, else the page.
    private mutating func run(_ r: XMLElement) {
        let format = styles.textFormat(run: r, paragraphStyle: paragraphStyles.last ?? styles.defaultParagraphStyle)
        guard let color = format.color else { return }  // automatic colour: Word picks black or white
        guard r.children.contains(where: { $0.element.map { $0.name == "w:t" && $0.textContent.contains { !$0.isWhitespace } } ?? false }) else { return }
        let background = format.background ?? fills.last ?? page
        guard let ratio = Contrast.ratio(color, background) else { return }
        let large = Contrast.isLarge(halfPoints: format.halfPoints, bold: format.bold)
        let required = Contrast.required(large: large)
        guard ratio < required else { return }
        let location = place.location(file: file)
        let source = format.colorStyle.map { " (from the style “\(styles.styles[$0]?.name ?? $0)”)" } ?? ""
        let what = large ? "large text" : "normal text"
        let key = "\(color)/\(background)/\(format.colorStyle ?? "")/\(large)"
        contrast.add(key: key) {
            DocxAccessibility.finding(.contrast,
                "text in #\(color)\(source) on #\(background) has a contrast of \(Contrast.text(ratio)), below the \(Contrast.text(required)) "
                    + "WCAG 2.1 AA requires for \(what): use a \(Contrast.darkens(on: background) ? "darker" : "lighter") colour, "
                    + "e.g. #\(Contrast.suggestion(color, on: background, required: required))",
                location)
        }
    }

    static func snippet(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 60 ? String(flat.prefix(60)) + "…" : flat
    }
}
