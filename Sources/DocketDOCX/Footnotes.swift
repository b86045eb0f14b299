import DocketXML
import Foundation

/// Word footnotes as Docket writes them (ECMA-376 §17.11): the notes in `word/footnotes.xml`
/// (after the separator and continuation separator, ids -1 and 0 as Word writes them), each
/// referenced by a `w:footnoteReference` run in character style `FootnoteReference`, its
/// paragraphs in `FootnoteText`, the first starting with the `w:footnoteRef` mark.
enum FootnoteXML {
    static let part = "word/footnotes.xml"
    static let textStyle = "FootnoteText"
    static let referenceStyle = "FootnoteReference"

    /// The two notes Word expects before any footnote (the line above the notes of a page, and
    /// the one above a note continued from the previous page).
    static let separators =
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
        + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"

    /// The mark at the start of a note (Word shows the note's number there) and a space after it.
    static let mark = "<w:r><w:rPr><w:rStyle w:val=\"\(referenceStyle)\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"

    /// The reference run in the text; it keeps the surrounding run's properties (font, bold).
    static func referenceRun(id: Int, rPr: PropertyList) -> String {
        "<w:r>\(rPr.removing("w:rStyle").setting("w:rStyle", "<w:rStyle w:val=\"\(referenceStyle)\"/>").xml("w:rPr"))<w:footnoteReference w:id=\"\(id)\"/></w:r>"
    }

    /// A note's content (`w:p`/`w:tbl`) with the mark at the start of its first paragraph.
    static func withMark(_ body: String) -> String {
        guard body.hasPrefix("<w:p>") || body.hasPrefix("<w:p ") else {
            return "<w:p><w:pPr><w:pStyle w:val=\"\(textStyle)\"/></w:pPr>\(mark)</w:p>" + body
        }
        let open = body.range(of: ">")!.upperBound
        var at = open
        if body[open...].hasPrefix("<w:pPr>"), let close = body.range(of: "</w:pPr>") { at = close.upperBound }
        return String(body[..<at]) + mark + String(body[at...])
    }
}

/// GFM footnote syntax written in a DOCX template's text (or in plain values): a paragraph of the
/// main document that begins `[^label]: ` is that footnote's text; `[^label]` elsewhere in a run
/// is its reference. After the template is rendered, each definition paragraph moves to
/// `word/footnotes.xml` (style `FootnoteText`) and each reference becomes a `w:footnoteReference`.
/// As in GFM, a definition no one references is dropped and a reference with no definition stays
/// text. Labels inside a loop must differ per item (`[^{{id}}]`). Markdown-valued fields
/// (`{{markdown(x)}}`) carry their own footnotes through `MarkdownWML`.
enum FootnoteMarkers {
    /// A footnote reference and its id; compiled once (a constant expression).
    static let reference = try? NSRegularExpression(pattern: #"<w:footnoteReference w:id="(\d+)""#)

    /// Puts the footnotes Docket created in the order the main part references them (ids and
    /// file order), rewriting the references' ids.
    static func order(_ parts: inout [String: Data], part: String, additions: inout PackageAdditions) {
        guard !additions.footnotes.isEmpty, let data = parts[part] else { return }
        let text = String(decoding: data, as: UTF8.self)
        guard let pattern = Self.reference else { return }
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        let ids = matches.compactMap { Range($0.range(at: 1), in: text).flatMap { Int(text[$0]) } }
        let map = additions.renumberFootnotes(referenced: ids)
        guard map.contains(where: { $0.key != $0.value }) else { return }
        var out = ""
        var last = text.startIndex
        for m in matches {
            guard let r = Range(m.range(at: 1), in: text), let old = Int(text[r]), let new = map[old] else { continue }
            out += text[last..<r.lowerBound] + String(new)
            last = r.upperBound
        }
        out += text[last...]
        parts[part] = Data(out.utf8)
    }

    static func resolve(_ parts: inout [String: Data], part: String, additions: inout PackageAdditions) {
        guard let data = parts[part] else { return }
        let text = String(decoding: data, as: UTF8.self)
        guard ByteSearch.contains(text, "[^"), var document = try? SafeXMLParser.parse([UInt8](data)) else { return }
        var definitions: [String: XMLElement] = [:]
        document.root = collect(document.root, into: &definitions)
        guard !definitions.isEmpty else { return }
        var changed = false
        document.root = replace(document.root, definitions: definitions, additions: &additions, changed: &changed)
        additions.use(style: FootnoteXML.textStyle)
        additions.use(style: FootnoteXML.referenceStyle)
        parts[part] = Data(XMLWriter.string(document).utf8)
    }

    static let definitionPattern = #"^\[\^([^\]\s]+)\]:[ \t]*"#
    static let referencePattern = #"\[\^([^\]\s]+)\]"#

    /// The paragraph's text from its runs (direct, or in hyperlinks and inline content controls).
    private static func runText(_ p: XMLElement) -> String {
        var out = ""
        func walk(_ e: XMLElement) {
            for c in e.elements {
                switch c.name {
                case "w:t": out += c.textContent
                case "w:pPr", "w:rPr", "w:sdtPr", "w:del": break
                default: walk(c)
                }
            }
        }
        walk(p)
        return out
    }

    /// Removes definition paragraphs, recording them by label (in footnote form).
    private static func collect(_ e: XMLElement, into definitions: inout [String: XMLElement]) -> XMLElement {
        var e = e
        var children: [XMLNode] = []
        for child in e.children {
            guard case .element(let c) = child else { children.append(child); continue }
            if c.name == "w:p" {
                let text = runText(c)
                if let m = text.range(of: definitionPattern, options: .regularExpression) {
                    let label = String(text[m].dropFirst(2).prefix { $0 != "]" })
                    definitions[label] = footnoteParagraph(c, dropping: text.distance(from: text.startIndex, to: m.upperBound))
                    continue
                }
                children.append(child)
            } else {
                children.append(.element(collect(c, into: &definitions)))
            }
        }
        e.children = children
        return e
    }

    /// The definition paragraph as a note's paragraph: `FootnoteText`, the label prefix removed,
    /// the note's mark first.
    private static func footnoteParagraph(_ p: XMLElement, dropping count: Int) -> XMLElement {
        var remaining = count
        func strip(_ e: XMLElement) -> XMLElement {
            var e = e
            var kept: [XMLNode] = []
            for child in e.children {
                guard remaining > 0, case .element(var c) = child else { kept.append(child); continue }
                switch c.name {
                case "w:t":
                    let t = c.textContent
                    if t.count <= remaining {
                        remaining -= t.count
                        continue
                    }
                    c.children = [.text(String(t.dropFirst(remaining)))]
                    if c.attribute("xml:space") == nil { c.setAttribute("xml:space", "preserve") }
                    remaining = 0
                    kept.append(.element(c))
                case "w:pPr", "w:rPr", "w:sdtPr": kept.append(child)
                default:
                    let s = strip(c)
                    // A run left with no text (only its properties) is dropped.
                    if s.name == "w:r" && !s.elements.contains(where: { $0.name != "w:rPr" }) { continue }
                    kept.append(.element(s))
                }
            }
            e.children = kept
            return e
        }
        var out = strip(p)
        let pPr = XMLElement("w:pPr", children: [.element(XMLElement("w:pStyle", attributes: [XMLAttribute("w:val", FootnoteXML.textStyle)]))])
        let content = out.children.filter { $0.element?.name != "w:pPr" }
        let mark = try? SafeXMLParser.parse(Array(("<x xmlns:w=\"\(Namespaces.w)\">" + FootnoteXML.mark + "</x>").utf8)).root.children
        out.children = [.element(pPr)] + (mark ?? []) + content
        return out
    }

    /// Splits runs at `[^label]` references with a definition, inserting reference runs.
    private static func replace(_ e: XMLElement, definitions: [String: XMLElement], additions: inout PackageAdditions, changed: inout Bool) -> XMLElement {
        var e = e
        var children: [XMLNode] = []
        for child in e.children {
            guard case .element(let c) = child else { children.append(child); continue }
            if c.name == "w:r" {
                children += split(c, definitions: definitions, additions: &additions, changed: &changed)
            } else {
                children.append(.element(replace(c, definitions: definitions, additions: &additions, changed: &changed)))
            }
        }
        e.children = children
        return e
    }

    private static func split(_ run: XMLElement, definitions: [String: XMLElement], additions: inout PackageAdditions, changed: inout Bool) -> [XMLNode] {
        for (i, child) in run.children.enumerated() {
            guard case .element(let t) = child, t.name == "w:t" else { continue }
            let text = t.textContent
            var search = text.startIndex..<text.endIndex
            while let m = text.range(of: referencePattern, options: .regularExpression, range: search) {
                let label = String(text[m].dropFirst(2).dropLast())
                guard let definition = definitions[label] else { search = m.upperBound..<text.endIndex; continue }
                var note = ""
                XMLWriter.write(definition, into: &note)
                let id = additions.addFootnote(note)
                changed = true
                let rPr = run.child("w:rPr")
                func textElement(_ s: Substring) -> XMLNode {
                    .element(XMLElement("w:t", attributes: [XMLAttribute("xml:space", "preserve")], children: [.text(String(s))]))
                }
                var before = run, after = run
                before.children = Array(run.children[..<i]) + (m.lowerBound > text.startIndex ? [textElement(text[..<m.lowerBound])] : [])
                after.children = (rPr.map { [XMLNode.element($0)] } ?? []) + (m.upperBound < text.endIndex ? [textElement(text[m.upperBound...])] : [])
                    + Array(run.children[(i + 1)...])
                let props = PropertyList(rPr, order: PropertyList.runOrder)
                let reference = try? SafeXMLParser.parse(Array(("<x xmlns:w=\"\(Namespaces.w)\">" + FootnoteXML.referenceRun(id: id, rPr: props) + "</x>").utf8)).root.children
                var out: [XMLNode] = []
                if before.elements.contains(where: { $0.name != "w:rPr" }) { out.append(.element(before)) }
                out += reference ?? []
                if after.elements.contains(where: { $0.name != "w:rPr" }) { out += split(after, definitions: definitions, additions: &additions, changed: &changed) }
                return out
            }
        }
        return [.element(run)]
    }
}
