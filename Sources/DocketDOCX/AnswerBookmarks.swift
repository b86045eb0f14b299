import DocketXML
import Foundation

/// The second way answers are marked (docs/forms.md): each answer region (content control
/// tagged `docket:<path>`) is also a bookmark, because editors that drop `w:sdtPr` (LibreOffice
/// 7.4 saving a .docx) keep bookmarks. Bookmark names are limited to 40 characters with no dots,
/// so a region's bookmark is `_dk<n>` (hidden in Word's bookmark list) and the package keeps the
/// map name → tag key in custom document properties (`docProps/custom.xml`) named `docket:_dk<n>`.
public enum AnswerBookmarks {
    /// The bookmark name prefix; `_` makes it a hidden bookmark in Word.
    public static let namePrefix = "_dk"
    /// The custom property name prefix of the map.
    public static let propertyPrefix = "docket:"
    static let firstId = 900_000
    /// What a part must contain to hold answer regions.
    static let tagMarker = Array("docket:".utf8)
    static let fmtid = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    static let ctCustom = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
    static let relCustom = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
    static let customNS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    static let vtNS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

    /// Marks every answer region of `parts` (in `order`) with a bookmark and writes the map.
    /// Parts without Docket tags are left byte for byte.
    static func mark(_ parts: inout [String: Data], order: [String]) {
        var counter = 0
        var map: [(String, String)] = []
        for name in order {
            guard let data = parts[name], data.withUnsafeBytes({ raw in
                      ByteSearch.contains(raw.bindMemory(to: UInt8.self), Self.tagMarker) }),
                  var document = try? SafeXMLParser.parse([UInt8](data)) else { continue }
            document.root = mark(document.root, counter: &counter, map: &map)
            parts[name] = Data(XMLWriter.string(document).utf8)
        }
        guard !map.isEmpty else { return }
        writeMap(&parts, map)
    }

    private static func mark(_ e: XMLElement, counter: inout Int, map: inout [(String, String)]) -> XMLElement {
        var e = e
        for i in e.children.indices {
            guard case .element(let child) = e.children[i] else { continue }
            var marked = mark(child, counter: &counter, map: &map)
            if marked.name == "w:sdt", !RepeatingSections.isSectionMark(marked.child("w:sdtPr")),
               let value = marked.child("w:sdtPr")?.child("w:tag")?.attribute("w:val"),
               let tag = AnswerTag(tag: value), let c = marked.children.firstIndex(where: { $0.element?.name == "w:sdtContent" }),
               case .element(var content) = marked.children[c] {
                counter += 1
                let name = namePrefix + String(counter), id = String(firstId + counter)
                map.append((name, tag.key))
                wrap(&content, name: name, id: id)
                marked.children[c] = .element(content)
            }
            e.children[i] = .element(marked)
        }
        return e
    }

    /// Inline content: the bookmark around the runs. Block content: from the start of the first
    /// paragraph (after its `w:pPr`) to after the last block (LibreOffice keeps a range ended
    /// there; one ended inside the last paragraph comes back collapsed).
    static func wrap(_ content: inout XMLElement, name: String, id: String) {
        let start = XMLNode.element(XMLElement("w:bookmarkStart", attributes: [XMLAttribute("w:id", id), XMLAttribute("w:name", name)]))
        let end = XMLNode.element(XMLElement("w:bookmarkEnd", attributes: [XMLAttribute("w:id", id)]))
        let blockNames: Set<String> = ["w:p", "w:tbl", "w:tr", "w:tc", "w:sdt"]
        guard content.elements.contains(where: { blockNames.contains($0.name) }) else {
            content.children.insert(start, at: 0)
            content.children.append(end)
            return
        }
        if !firstParagraph(&content, { p in
            let at = p.children.firstIndex { $0.element?.name != "w:pPr" } ?? p.children.count
            p.children.insert(start, at: at)
        }) { content.children.insert(start, at: 0) }
        content.children.append(end)
    }

    /// Applies `edit` to the first paragraph below `e`, in document order.
    private static func firstParagraph(_ e: inout XMLElement, _ edit: (inout XMLElement) -> Void) -> Bool {
        for i in e.children.indices {
            guard case .element(var child) = e.children[i], !["w:sdtPr", "w:tblPr", "w:tcPr", "w:trPr"].contains(child.name) else { continue }
            if child.name == "w:p" {
                edit(&child)
                e.children[i] = .element(child)
                return true
            }
            if firstParagraph(&child, edit) {
                e.children[i] = .element(child)
                return true
            }
        }
        return false
    }

    /// Adds the map as custom document properties (to an existing `docProps/custom.xml` or a new one).
    static func writeMap(_ parts: inout [String: Data], _ map: [(String, String)]) {
        let name = "docProps/custom.xml"
        var pid = 1
        if let existing = parts[name], let doc = try? SafeXMLParser.parse([UInt8](existing)) {
            pid = doc.root.elements.compactMap { $0.attribute("pid").flatMap(Int.init) }.max() ?? 1
        }
        let properties = map.map { bookmark, key -> String in
            pid += 1
            return "<property fmtid=\"\(fmtid)\" pid=\"\(pid)\" name=\"\(XMLWriter.escape(propertyPrefix + bookmark, attribute: true))\">"
                + "<vt:lpwstr>\(XMLWriter.escape(key))</vt:lpwstr></property>"
        }.joined()
        if let existing = parts[name] {
            var text = String(decoding: existing, as: UTF8.self)
            if !text.contains("xmlns:vt=") { text = text.replacingOccurrences(of: "<Properties ", with: "<Properties xmlns:vt=\"\(vtNS)\" ") }
            parts[name] = Data(PackageFinisher.insert(properties, beforeFirstOf: ["</Properties>"], in: text).utf8)
        } else {
            parts[name] = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"\(customNS)\" xmlns:vt=\"\(vtNS)\">"
                + properties + "</Properties>").utf8)
            PackageFinisher.addPart(&parts, name: name, contentType: ctCustom, relationship: relCustom, id: "rIdDocketCustom", from: "")
        }
    }

    /// The map of a package: bookmark name → tag key (`check:<path>` or `<path>`).
    public static func map(_ package: OOXMLPackage) -> [String: String] {
        guard let data = package.parts["docProps/custom.xml"], let doc = try? SafeXMLParser.parse([UInt8](data)) else { return [:] }
        var out: [String: String] = [:]
        for p in doc.root.elements where p.name.hasSuffix("property") {
            guard let name = p.attribute("name"), name.hasPrefix(propertyPrefix) else { continue }
            out[String(name.dropFirst(propertyPrefix.count))] = p.elements.first?.textContent ?? ""
        }
        return out
    }
}

/// The content between a bookmark's start and end (index paths from the part's root), like a
/// DOM range's contents: elements wholly inside are kept, those the range cuts are copied with
/// only the inside children (a cut paragraph keeps its `w:pPr`). Wrappers holding one element
/// (body, table, row, cell, content control) are opened; a single cut paragraph gives its runs.
enum BookmarkRange {
    static func content(_ root: XMLElement, from start: [Int], to end: [Int]) -> [XMLElement] {
        var nodes = slice(root, start[...], end[...])
        while nodes.count == 1, let only = nodes.first?.element {
            switch only.name {
            case "w:tbl" where only.elements.filter({ $0.name == "w:tr" }).count > 1:
                return [uncut(only)]  // a table the answer starts in: the table itself
            case "w:body", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:hdr", "w:ftr", "w:footnote", "w:endnote":
                nodes = only.children.filter { !["w:tblPr", "w:tblGrid", "w:trPr", "w:tcPr", "w:sdtPr"].contains($0.element?.name ?? "") }
            case "w:p" where only.attribute("docket:cut") != nil:
                // A list item or heading keeps its paragraph (so its Markdown is `- …`, `# …`); else the runs.
                let pPr = only.child("w:pPr"), style = pPr?.child("w:pStyle")?.attribute("w:val") ?? ""
                if pPr?.child("w:numPr") != nil || style.hasPrefix("Heading") || style == "Quote" || style == "CodeBlock" { return [uncut(only)] }
                return only.elements.filter { $0.name != "w:pPr" }
            default:
                return nodes.compactMap(\.element).map(uncut)
            }
        }
        return nodes.compactMap(\.element).map(uncut)
    }

    private static func uncut(_ e: XMLElement) -> XMLElement {
        var e = e
        e.removeAttribute("docket:cut")
        return e
    }

    /// The children of `e` inside the range. `s`/`t`: the rest of the start/end path when the
    /// marker is below `e`, nil when the range starts before / ends after `e`.
    private static func slice(_ e: XMLElement, _ s: ArraySlice<Int>?, _ t: ArraySlice<Int>?) -> [XMLNode] {
        let from = s?.first ?? 0, to = t?.first ?? e.children.count - 1
        guard from <= to, e.children.indices.contains(from), e.children.indices.contains(to) else { return [] }
        var out: [XMLNode] = []
        for i in from...to {
            let sHere: ArraySlice<Int>? = s.flatMap { $0.first == i ? $0.dropFirst() : nil }
            let tHere: ArraySlice<Int>? = t.flatMap { $0.first == i ? $0.dropFirst() : nil }
            if sHere?.isEmpty == true || tHere?.isEmpty == true { continue }  // the markers themselves
            guard sHere != nil || tHere != nil else { out.append(e.children[i]); continue }
            guard case .element(let child) = e.children[i] else { continue }
            var cut = child
            cut.children = slice(child, sHere, tHere)
            if child.name == "w:p", let pPr = child.child("w:pPr"), cut.child("w:pPr") == nil { cut.children.insert(.element(pPr), at: 0) }
            cut.setAttribute("docket:cut", "1")
            out.append(.element(cut))
        }
        return out
    }
}
