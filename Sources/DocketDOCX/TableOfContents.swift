import DocketXML
import Foundation

/// A table of contents that shows before Word updates fields. A template's TOC is a content
/// control `w:sdt` with `w:docPartGallery` "Table of Contents" holding a `TOC` field (as Word
/// writes it: `begin`, instruction, `separate` … `end`). After rendering, the field's result is
/// replaced by one entry per `Heading1`…`Heading3` of the filled main document (style `TOC1`…`TOC3`,
/// a hyperlink to a `_Toc` bookmark Docket puts on the heading). Page numbers are left to Word:
/// `w:updateFields` in the settings makes Word refresh the field (and add them) when it opens the file.
enum TableOfContents {
    static let bookmarkPrefix = "_Toc_dk"
    static let firstBookmarkId = 800_000

    static func fill(_ parts: inout [String: Data], part: String) {
        guard let data = parts[part], ByteSearch.contains(String(decoding: data, as: UTF8.self), "Table of Contents"),
              var document = try? SafeXMLParser.parse([UInt8](data)),
              let b = document.root.children.firstIndex(where: { $0.element?.name == "w:body" }),
              case .element(var body) = document.root.children[b],
              let t = body.children.firstIndex(where: { $0.element.map(isTOC) ?? false }),
              case .element(var toc) = body.children[t] else { return }
        var entries: [(level: Int, text: String, bookmark: String)] = []
        for i in body.children.indices where i != t {
            guard case .element(var e) = body.children[i] else { continue }
            mark(&e, &entries)
            body.children[i] = .element(e)
        }
        guard !entries.isEmpty, let c = toc.children.firstIndex(where: { $0.element?.name == "w:sdtContent" }),
              case .element(var content) = toc.children[c] else { return }
        let paragraphs = content.children.indices.filter { content.children[$0].element?.name == "w:p" }
        guard let sep = paragraphs.first(where: { has(content.children[$0].element!, fldChar: "separate") }),
              let end = paragraphs.first(where: { $0 >= sep && has(content.children[$0].element!, fldChar: "end") }) else { return }
        // The field's start: the separate paragraph's runs up to its `separate` mark.
        guard case .element(let first) = content.children[sep] else { return }
        var start: [XMLNode] = []
        for child in first.children where child.element?.name != "w:pPr" {
            start.append(child)
            if let e = child.element, has(e, fldChar: "separate") { break }
        }
        var built: [XMLNode] = []
        for (k, entry) in entries.enumerated() {
            var p = entryParagraph(entry)
            if k == 0 { p.children.insert(contentsOf: start, at: 1) }
            built.append(.element(p))
        }
        let endIsSeparate = end == sep
        if endIsSeparate {  // begin … separate … end in one paragraph: the end gets its own
            built.append(.element(XMLElement("w:p", children: [.element(fldCharRun("end"))])))
        }
        content.children.replaceSubrange(sep..<(endIsSeparate ? end + 1 : end), with: built)
        toc.children[c] = .element(content)
        body.children[t] = .element(toc)
        document.root.children[b] = .element(body)
        parts[part] = Data(XMLWriter.string(document).utf8)
        requestFieldUpdate(&parts)
    }

    static func isTOC(_ e: XMLElement) -> Bool {
        e.name == "w:sdt" && e.child("w:sdtPr")?.child("w:docPartObj")?.child("w:docPartGallery")?.attribute("w:val") == "Table of Contents"
    }

    private static func has(_ e: XMLElement, fldChar type: String) -> Bool {
        var found = false
        e.forEachDescendant { d, _ in if d.name == "w:fldChar" && d.attribute("w:fldCharType") == type { found = true } }
        return found || (e.name == "w:fldChar" && e.attribute("w:fldCharType") == type)
    }

    private static func fldCharRun(_ type: String) -> XMLElement {
        XMLElement("w:r", children: [.element(XMLElement("w:fldChar", attributes: [XMLAttribute("w:fldCharType", type)]))])
    }

    /// Headings 1–3 (also inside content controls), each given a bookmark.
    private static func mark(_ e: inout XMLElement, _ entries: inout [(level: Int, text: String, bookmark: String)]) {
        if e.name == "w:p" {
            guard let style = e.child("w:pPr")?.child("w:pStyle")?.attribute("w:val"), style.hasPrefix("Heading"),
                  let level = Int(style.dropFirst(7)), (1...3).contains(level) else { return }
            var text = ""
            e.forEachDescendant { d, _ in if d.name == "w:t" { text += d.textContent } }
            text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return }
            let n = entries.count + 1
            let name = bookmarkPrefix + String(n), id = String(firstBookmarkId + n)
            let at = e.children.firstIndex(where: { $0.element?.name == "w:pPr" }).map { $0 + 1 } ?? 0
            e.children.insert(.element(XMLElement("w:bookmarkStart", attributes: [XMLAttribute("w:id", id), XMLAttribute("w:name", name)])), at: at)
            e.children.append(.element(XMLElement("w:bookmarkEnd", attributes: [XMLAttribute("w:id", id)])))
            entries.append((level, text, name))
            return
        }
        guard e.name == "w:sdt" || e.name == "w:sdtContent" || e.name == "w:customXml" else { return }
        for i in e.children.indices {
            guard case .element(var c) = e.children[i] else { continue }
            mark(&c, &entries)
            e.children[i] = .element(c)
        }
    }

    private static func entryParagraph(_ entry: (level: Int, text: String, bookmark: String)) -> XMLElement {
        let pPr = XMLElement("w:pPr", children: [.element(XMLElement("w:pStyle", attributes: [XMLAttribute("w:val", "TOC\(entry.level)")]))])
        let run = XMLElement("w:r", children: [.element(XMLElement("w:t", attributes: [XMLAttribute("xml:space", "preserve")], children: [.text(entry.text)]))])
        let link = XMLElement("w:hyperlink", attributes: [XMLAttribute("w:anchor", entry.bookmark), XMLAttribute("w:history", "1")], children: [.element(run)])
        return XMLElement("w:p", children: [.element(pPr), .element(link)])
    }

    /// `w:updateFields` in `word/settings.xml`, at its schema place (before the footnote and
    /// endnote properties, compat …), so Word refreshes the table with page numbers on open.
    static func requestFieldUpdate(_ parts: inout [String: Data]) {
        guard let data = parts["word/settings.xml"] else { return }
        let text = String(decoding: data, as: UTF8.self)
        guard !ByteSearch.contains(text, "<w:updateFields") else { return }
        let after = ["<w:hdrShapeDefaults", "<w:footnotePr", "<w:endnotePr", "<w:compat", "<w:docVars", "<w:rsids", "<m:mathPr",
                     "<w:attachedSchema", "<w:themeFontLang", "<w:clrSchemeMapping", "<w:doNotIncludeSubdocsInStats",
                     "<w:doNotAutoCompressPictures", "<w:forceUpgrade", "<w:captions", "<w:readModeInkLockDown", "<w:smartTagType",
                     "<sl:schemaLibrary", "<w:shapeDefaults", "<w:doNotEmbedSmartTags", "<w:decimalSymbol", "<w:listSeparator", "</w:settings>"]
        let bytes = Array(text.utf8)
        let offset = after.compactMap { ByteSearch.firstOffset(of: Array($0.utf8), in: bytes) }.min() ?? bytes.count
        parts["word/settings.xml"] = Data((String(decoding: bytes[..<offset], as: UTF8.self) + "<w:updateFields w:val=\"true\"/>"
            + String(decoding: bytes[offset...], as: UTF8.self)).utf8)
    }
}
