import DocketCore
import DocketTemplate
import DocketXML

/// Rewrites one templated part (document, header, footer, footnotes) so that its XML text is a
/// Mustache template whose sections sit at structural positions:
/// - a paragraph holding only section tags is replaced by the tags (no blank paragraph left);
/// - a section opened at the start of a row's first cell and closed at the end of a row's last
///   cell (same or later row) wraps those rows, which repeat;
/// - a paragraph holding only `{{markdown(x)}}` becomes block Markdown (`markdownBlock<i>`);
///   inside other text it becomes inline Markdown (`markdownInline<i>`);
/// - checkbox content controls tagged `docket:check:<path>` / `docket:checkNo:<path>` get their
///   state and glyph from the data.
struct PartCompiler {
    let part: String
    var slots: [MarkdownSlot]
    var diagnostics: [Diagnostic] = []
    let file: String
    /// Whether the part holds an `{{image(x)}}` (its root then declares the drawing namespaces).
    var usesImages = false

    static let sectionKinds: Set<LexedTag.Kind> = [.section, .inverted, .close, .comment]

    mutating func compile(_ root: XMLElement) -> XMLElement {
        transformContainer(root, inCell: false)
    }

    // MARK: Containers

    private mutating func transformContainer(_ element: XMLElement, inCell: Bool) -> XMLElement {
        var out = element
        for i in out.attributes.indices where out.attributes[i].value.contains("{{") {
            out.attributes[i].value = Self.attributeTags(out.attributes[i].value)
        }
        var children: [XMLNode] = []
        children.reserveCapacity(element.children.count)
        let cell = inCell || element.name == "w:tc"
        for child in element.children {
            guard case .element(let e) = child else { children.append(child); continue }
            switch e.name {
            case "w:p": children.append(contentsOf: paragraph(e, inCell: cell))
            case "w:tbl": children.append(.element(table(e)))
            case "w:sdt": children.append(.element(transformContainer(CheckboxRewriter.rewrite(e), inCell: cell)))
            default: children.append(.element(transformContainer(e, inCell: cell)))
            }
        }
        out.children = children
        if element.name == "w:tc" { Self.ensureEndsWithParagraph(&out) }
        return out
    }

    /// Word requires a cell to end with a paragraph. When the cell's last paragraph sits inside
    /// a section (it may render nothing), an empty paragraph is added after it.
    static func ensureEndsWithParagraph(_ cell: inout XMLElement) {
        // Whether the rendered cell surely ends with a paragraph; a section's end keeps that only
        // when both "rendered" and "not rendered" do.
        var endsWithParagraph = false
        var before: [Bool] = []
        for child in cell.children {
            switch child {
            case .element(let e) where e.name == "w:p" || e.name == "w:sdt": endsWithParagraph = true
            case .element(let e) where e.name == "w:tbl": endsWithParagraph = false
            case .raw(let text):
                for tag in TemplateLexer.scan(text) {
                    switch tag.kind {
                    case .section, .inverted: before.append(endsWithParagraph)
                    case .close: endsWithParagraph = endsWithParagraph && (before.popLast() ?? false)
                    default: if tag.filter?.hasPrefix(MarkdownSlot.blockPrefix) == true { endsWithParagraph = true }
                    }
                }
            default: break
            }
        }
        if !endsWithParagraph { cell.children.append(.element(XMLElement("w:p"))) }
    }

    /// The filter that makes a value safe inside an attribute: newlines and tabs become spaces
    /// (in text they become `<w:br/>`/`<w:tab/>`, which an attribute cannot hold).
    static let attributeFilter = "docketAttribute"

    /// Plain variables in an attribute value go through `attributeFilter`.
    static func attributeTags(_ value: String) -> String {
        var out = ""
        var last = value.utf8.startIndex
        for tag in TemplateLexer.scan(value) where (tag.kind == .variable || tag.kind == .unescaped) && tag.filter == nil {
            let start = value.utf8.index(value.utf8.startIndex, offsetBy: tag.range.lowerBound)
            let end = value.utf8.index(value.utf8.startIndex, offsetBy: tag.range.upperBound)
            out += value[last..<start] + "{{\(attributeFilter)(\(tag.name))}}"
            last = end
        }
        return out + value[last...]
    }

    // MARK: Paragraphs

    private mutating func paragraph(_ p: XMLElement, inCell: Bool) -> [XMLNode] {
        guard let result = RunNormaliser.normalise(p) else {
            return [.element(transformContainer(p, inCell: inCell))]
        }
        if result.tags.contains(where: { $0.tag.filter == ImageLoader.filterName }) { usesImages = true }
        for found in result.tags where found.tag.kind == .setDelimiter {
            diagnostics.append(Diagnostic(.error, rule: "template.docx-delimiters",
                "\(found.text): changing delimiters is not supported in DOCX templates; use {{ }}",
                location: SourceLocation(file: file, place: "\(part): \(snippet(result.paragraph))")))
        }
        let blocking = p.firstDescendant("w:sectPr") != nil || p.firstDescendant("w:drawing") != nil
            || p.firstDescendant("w:pict") != nil || p.firstDescendant("w:object") != nil
        if result.onlyTags, !blocking, result.tags.allSatisfy({ Self.sectionKinds.contains($0.tag.kind) }) {
            return [.raw(result.tags.map(\.text).joined())]
        }
        if result.onlyTags, !blocking, result.tags.count == 1, let only = result.tags.first,
           only.tag.kind == .variable || only.tag.kind == .unescaped, only.tag.filter == "markdown" {
            let slot = MarkdownSlot(part: part, paragraphProperties: PropertyList(p.child("w:pPr"), order: PropertyList.paragraphOrder),
                                    runProperties: runProperties(result.paragraph, only.runPath), inCell: inCell, block: true)
            slots.append(slot)
            return [.raw("{{\(MarkdownSlot.blockPrefix)\(slots.count - 1)(\(only.tag.name))}}")]
        }
        var paragraph = result.paragraph
        for found in result.tags where found.tag.filter == "markdown" && (found.tag.kind == .variable || found.tag.kind == .unescaped) {
            slots.append(MarkdownSlot(part: part, paragraphProperties: PropertyList(order: PropertyList.paragraphOrder),
                                      runProperties: runProperties(paragraph, found.runPath), inCell: inCell, block: false))
            let replacement = "{{\(MarkdownSlot.inlinePrefix)\(slots.count - 1)(\(found.tag.name))}}"
            paragraph = Self.replacingRaw(found.text, with: replacement, in: paragraph)
        }
        return [.element(transformContainer(paragraph, inCell: inCell))]
    }

    private func runProperties(_ p: XMLElement, _ runPath: [Int]) -> PropertyList {
        PropertyList(p[path: runPath[...]].child("w:rPr"), order: PropertyList.runOrder)
    }

    /// The first raw node equal to `text` (depth first) replaced by `replacement`.
    static func replacingRaw(_ text: String, with replacement: String?, in element: XMLElement, last: Bool = false) -> XMLElement {
        var e = element
        var done = false
        func walk(_ x: inout XMLElement) {
            let indices = last ? Array(x.children.indices.reversed()) : Array(x.children.indices)
            for i in indices where !done {
                switch x.children[i] {
                case .raw(let r) where r == text:
                    if let replacement { x.children[i] = .raw(replacement) } else { x.children.remove(at: i) }
                    done = true
                case .element(var c):
                    walk(&c)
                    x.children[i] = .element(c)
                default: break
                }
            }
        }
        walk(&e)
        return e
    }

    func snippet(_ p: XMLElement) -> String {
        let text = p.textContent
        return "“" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "”"
    }

    // MARK: Tables

    private mutating func table(_ tbl: XMLElement) -> XMLElement {
        var tbl = tbl
        let lifts = RowLifter.lifts(in: &tbl)
        var out = transformContainer(tbl, inCell: false)
        guard !lifts.isEmpty else { return out }
        var children: [XMLNode] = []
        for (i, child) in out.children.enumerated() {
            for lift in lifts where lift.firstChild == i { children.append(.raw(lift.open)) }
            children.append(child)
            for lift in lifts.reversed() where lift.lastChild == i { children.append(.raw(lift.close)) }
        }
        // A table must keep a row: when every row repeats, an empty row stands in for an empty list.
        let rows = out.children.indices.filter { out.children[$0].element?.name == "w:tr" }
        if let lift = lifts.first(where: { l in rows.allSatisfy { l.firstChild <= $0 && $0 <= l.lastChild } }),
           let fallback = Self.fallbackOpen(lift.open), case .element(let row) = out.children[lift.firstChild] {
            children += [.raw(fallback), .element(Self.emptied(row)), .raw(lift.close)]
        }
        out.children = children
        return out
    }

    /// `{{#x}}` → `{{^x}}` and back: the condition under which a repeated row renders nothing.
    static func fallbackOpen(_ open: String) -> String? {
        if open.hasPrefix("{{#") { return "{{^" + open.dropFirst(3) }
        if open.hasPrefix("{{^") { return "{{#" + open.dropFirst(3) }
        return nil
    }

    /// The row with every cell reduced to its properties and one empty paragraph.
    static func emptied(_ row: XMLElement) -> XMLElement {
        var out = row
        out.children = row.children.compactMap { child in
            guard case .element(let tc) = child, tc.name == "w:tc" else { return child.element?.name == "w:trPr" ? child : nil }
            return .element(XMLElement("w:tc", attributes: tc.attributes,
                                       children: (tc.child("w:tcPr").map { [XMLNode.element($0)] } ?? []) + [.element(XMLElement("w:p"))]))
        }
        return out
    }
}
