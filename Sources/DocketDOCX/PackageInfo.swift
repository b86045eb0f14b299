import DocketXML
import Foundation

/// What the fill needs to know about a template's package, read once at compile time.
struct PackageInfo: Sendable, Hashable {
    var mainPart = "word/document.xml"
    var styleIds: Set<String> = []
    var hasStyles = false
    var hasNumbering = false
    var maxAbstractNumId = -1
    var maxNumId = 0
    /// The largest `w:footnote` id of `word/footnotes.xml` (0 without one: Word's separators are -1 and 0).
    var maxFootnoteId = 0

    /// What an empty package (Markdown → DOCX, which writes every part itself) has: nothing.
    init() {}

    init(_ package: OOXMLPackage) throws(PackageError) {
        if let rels = package.parts["_rels/.rels"] {
            let doc = try Self.parse(rels, "_rels/.rels")
            for r in doc.root.elements where r.attribute("Type") == Namespaces.relOfficeDocument {
                if let target = r.attribute("Target") { mainPart = target.hasPrefix("/") ? String(target.dropFirst()) : target }
            }
        }
        if let styles = package.parts["word/styles.xml"] {
            hasStyles = true
            let doc = try Self.parse(styles, "word/styles.xml")
            for s in doc.root.elements where s.name == "w:style" {
                if let id = s.attribute("w:styleId") { styleIds.insert(id) }
            }
        }
        if let numbering = package.parts["word/numbering.xml"] {
            hasNumbering = true
            let doc = try Self.parse(numbering, "word/numbering.xml")
            for e in doc.root.elements {
                if e.name == "w:abstractNum", let id = e.attribute("w:abstractNumId").flatMap(Int.init) { maxAbstractNumId = max(maxAbstractNumId, id) }
                if e.name == "w:num", let id = e.attribute("w:numId").flatMap(Int.init) { maxNumId = max(maxNumId, id) }
            }
        }
        if let footnotes = package.parts[FootnoteXML.part] {
            let doc = try Self.parse(footnotes, FootnoteXML.part)
            for e in doc.root.elements where e.name == "w:footnote" {
                if let id = e.attribute("w:id").flatMap(Int.init) { maxFootnoteId = max(maxFootnoteId, id) }
            }
        }
    }

    static func parse(_ data: Data, _ name: String) throws(PackageError) -> XMLDocument {
        do { return try SafeXMLParser.parse([UInt8](data)) } catch { throw PackageError(error.kind == .doctype ? .doctype : error.kind == .limit ? .bomb : .invalidXML, "invalid XML: \(error)", entry: name) }
    }

    /// `word/_rels/document.xml.rels` for `word/document.xml`.
    static func relsName(of part: String) -> String {
        let slash = part.lastIndex(of: "/")
        let dir = slash.map { String(part[...$0]) } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        return dir + "_rels/" + file + ".rels"
    }
}
