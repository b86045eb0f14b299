import DocketXML
import Foundation

/// The language of some answers of a filled document (translations, docs/docx.md): every run in
/// an answer region (content control tagged `docket:<path>`) whose path is one of `paths`, or
/// inside one, gets `w:lang` = `tag` (e.g. `es-US`), so Word spell-checks and reads it aloud in
/// that language. The rest of the document keeps the template's language (its `docDefaults`):
/// the form's fixed text is English as published.
public struct AnswerLanguage: Sendable, Hashable {
    /// Word's language tag, e.g. `es-US`.
    public var tag: String
    /// Dotted answer paths, e.g. `plan.executiveSummary.aims`.
    public var paths: Set<String>

    public init(tag: String, paths: Set<String>) {
        self.tag = tag
        self.paths = paths
    }

    func covers(_ path: String) -> Bool {
        paths.contains(path) || paths.contains { path.hasPrefix($0 + ".") }
    }

    /// Marks the answer regions of `parts` (those holding Docket tags; others are left byte for byte).
    func mark(_ parts: inout [String: Data], order: [String]) {
        guard !paths.isEmpty else { return }
        for name in order {
            guard let data = parts[name], data.withUnsafeBytes({ raw in
                      ByteSearch.contains(raw.bindMemory(to: UInt8.self), AnswerBookmarks.tagMarker) }),
                  var document = try? SafeXMLParser.parse([UInt8](data)) else { continue }
            document.root = mark(document.root, inside: false)
            parts[name] = Data(XMLWriter.string(document).utf8)
        }
    }

    private func mark(_ e: XMLElement, inside: Bool) -> XMLElement {
        var e = e
        var inside = inside
        if e.name == "w:sdt", let value = e.child("w:sdtPr")?.child("w:tag")?.attribute("w:val"),
           let tag = AnswerTag(tag: value), tag.kind == .text, covers(tag.path) {
            inside = true
        }
        if inside && e.name == "w:r" { return languaged(e) }
        for i in e.children.indices {
            guard case .element(let child) = e.children[i], child.name != "w:sdtPr" else { continue }
            e.children[i] = .element(mark(child, inside: inside))
        }
        return e
    }

    /// The run with `w:lang w:val=tag` in its properties (at its schema place, `OOXMLOrder`).
    private func languaged(_ run: XMLElement) -> XMLElement {
        var run = run
        let lang = XMLElement("w:lang", attributes: [XMLAttribute("w:val", tag)])
        guard let p = run.children.firstIndex(where: { $0.element?.name == "w:rPr" }), case .element(var rPr) = run.children[p] else {
            run.children.insert(.element(XMLElement("w:rPr", children: [.element(lang)])), at: 0)
            return run
        }
        if let l = rPr.children.firstIndex(where: { $0.element?.name == "w:lang" }), case .element(var existing) = rPr.children[l] {
            existing.setAttribute("w:val", tag)
            rPr.children[l] = .element(existing)
        } else {
            rPr = OOXMLOrder.inserting(lang, into: rPr)
        }
        run.children[p] = .element(rPr)
        return run
    }
}
