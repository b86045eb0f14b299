import DocketXML
import Foundation

/// Adds to a filled package what generated content refers to: numbering definitions for
/// Markdown lists, hyperlink relationships, missing styles, and the content types and
/// relationships of any part it creates. Edits are textual insertions before closing tags, so
/// the template's own XML is kept byte for byte.
enum PackageFinisher {
    static func finish(_ parts: inout [String: Data], additions: PackageAdditions, info: PackageInfo) {
        addNumbering(&parts, additions, info)
        addFootnotes(&parts, additions, info)
        addHyperlinks(&parts, additions)
        addStyles(&parts, additions, info)
        addImages(&parts, additions)
    }

    // MARK: Images

    /// Each image as `word/media/docketImage<n>.<ext>` (a name the template does not use), an
    /// image relationship from every part that shows it, and a `Default` content type for its
    /// extension (before the `Override`s, OOXMLOrder).
    private static func addImages(_ parts: inout [String: Data], _ additions: PackageAdditions) {
        guard !additions.media.isEmpty else { return }
        var names: [String] = []
        for (i, image) in additions.media.enumerated() {
            var name = "word/media/docketImage\(i + 1).\(image.format.fileExtension)"
            var n = 1
            while parts[name] != nil {
                n += 1
                name = "word/media/docketImage\(i + 1)_\(n).\(image.format.fileExtension)"
            }
            parts[name] = image.bytes
            names.append(name)
        }
        for (part, indices) in additions.imageUses.sorted(by: { $0.key < $1.key }) {
            let folder = part.split(separator: "/").dropLast().joined(separator: "/")
            let relationships = indices.map { i in
                let target = !folder.isEmpty && names[i].hasPrefix(folder + "/") ? String(names[i].dropFirst(folder.count + 1)) : "/" + names[i]
                return "<Relationship Id=\"\(PackageAdditions.imageRelationshipId(i))\" Type=\"\(ImageWML.relImage)\" Target=\"\(target)\"/>"
            }.joined()
            addRelationships(&parts, relationships, for: part)
        }
        guard let types = parts["[Content_Types].xml"] else { return }
        var text = String(decoding: types, as: UTF8.self)
        for format in Set(additions.media.map(\.format)).sorted(by: { $0.rawValue < $1.rawValue })
        where !ByteSearch.contains(text.lowercased(), "extension=\"\(format.fileExtension)\"") {
            text = insert("<Default Extension=\"\(format.fileExtension)\" ContentType=\"\(format.mimeType)\"/>",
                          beforeFirstOf: ["<Override ", "</Types>"], in: text)
        }
        parts["[Content_Types].xml"] = Data(text.utf8)
    }

    // MARK: Numbering

    static func abstractNumbering(id: Int, ordered: Bool) -> String {
        var out = "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        let bullets = ["•", "o", "▪"]
        let formats = ["decimal", "lowerLetter", "lowerRoman"]
        for level in 0..<9 {
            let indent = 720 * (level + 1)
            let (format, text) = ordered ? (formats[level % 3], "%\(level + 1).") : ("bullet", bullets[level % 3])
            out += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/>"
                + "<w:lvlText w:val=\"\(text)\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(indent)\" w:hanging=\"360\"/></w:pPr>"
            if !ordered && level % 3 == 1 {
                out += "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\" w:hint=\"default\"/></w:rPr>"
            }
            out += "</w:lvl>"
        }
        return out + "</w:abstractNum>"
    }

    private static func addNumbering(_ parts: inout [String: Data], _ additions: PackageAdditions, _ info: PackageInfo) {
        guard !additions.lists.isEmpty else { return }
        var abstracts = ""
        if additions.lists.contains(where: { !$0.ordered }) { abstracts += abstractNumbering(id: additions.bulletAbstractId, ordered: false) }
        if additions.lists.contains(where: { $0.ordered }) { abstracts += abstractNumbering(id: additions.orderedAbstractId, ordered: true) }
        var nums = ""
        for list in additions.lists {
            let abstract = list.ordered ? additions.orderedAbstractId : additions.bulletAbstractId
            nums += "<w:num w:numId=\"\(list.numId)\"><w:abstractNumId w:val=\"\(abstract)\"/>"
            if list.ordered {
                nums += "<w:lvlOverride w:ilvl=\"\(list.level)\"><w:startOverride w:val=\"\(list.start)\"/></w:lvlOverride>"
            }
            nums += "</w:num>"
        }
        let name = "word/numbering.xml"
        if let existing = parts[name] {
            var text = String(decoding: existing, as: UTF8.self)
            text = insert(abstracts, beforeFirstOf: ["<w:num ", "<w:num>", "<w:numIdMacAtCleanup", "</w:numbering>"], in: text)
            text = insert(nums, beforeFirstOf: ["<w:numIdMacAtCleanup", "</w:numbering>"], in: text)
            parts[name] = Data(text.utf8)
        } else {
            parts[name] = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"\(Namespaces.w)\">"
                + abstracts + nums + "</w:numbering>").utf8)
            addPart(&parts, name: name, contentType: Namespaces.ctNumbering, relationship: Namespaces.relNumbering,
                    id: "rIdDocketNumbering", from: info.mainPart)
        }
    }

    // MARK: Footnotes

    private static func addFootnotes(_ parts: inout [String: Data], _ additions: PackageAdditions, _ info: PackageInfo) {
        guard !additions.footnotes.isEmpty else { return }
        let notes = additions.footnotes.map { "<w:footnote w:id=\"\($0.id)\">\($0.xml)</w:footnote>" }.joined()
        let name = FootnoteXML.part
        if let existing = parts[name] {
            parts[name] = Data(insert(notes, beforeFirstOf: ["</w:footnotes>"], in: String(decoding: existing, as: UTF8.self)).utf8)
        } else {
            parts[name] = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"\(Namespaces.w)\" xmlns:r=\"\(Namespaces.r)\">"
                + FootnoteXML.separators + notes + "</w:footnotes>").utf8)
            addPart(&parts, name: name, contentType: Namespaces.ctFootnotes, relationship: Namespaces.relFootnotes,
                    id: "rIdDocketFootnotes", from: info.mainPart)
        }
    }

    // MARK: Hyperlinks

    private static func addHyperlinks(_ parts: inout [String: Data], _ additions: PackageAdditions) {
        for (part, targets) in additions.hyperlinks.sorted(by: { $0.key < $1.key }) {
            let relationships = targets.enumerated().map { i, target in
                "<Relationship Id=\"\(PackageAdditions.relationshipId(i))\" Type=\"\(Namespaces.relHyperlink)\" Target=\"\(XMLWriter.escape(target, attribute: true))\" TargetMode=\"External\"/>"
            }.joined()
            addRelationships(&parts, relationships, for: part)
        }
    }

    // MARK: Styles

    private static func addStyles(_ parts: inout [String: Data], _ additions: PackageAdditions, _ info: PackageInfo) {
        let missing = additions.usedStyles.subtracting(info.styleIds).sorted()
        guard !missing.isEmpty else { return }
        let name = "word/styles.xml"
        if let existing = parts[name] {
            let text = insert(missing.compactMap(DefaultStyles.definition).joined(), beforeFirstOf: ["</w:styles>"],
                              in: String(decoding: existing, as: UTF8.self))
            parts[name] = Data(text.utf8)
        } else {
            parts[name] = Data(DefaultStyles.part(missing).utf8)
            addPart(&parts, name: name, contentType: Namespaces.ctStyles, relationship: Namespaces.relStyles,
                    id: "rIdDocketStyles", from: info.mainPart)
        }
    }

    // MARK: Helpers

    static func insert(_ text: String, beforeFirstOf markers: [String], in document: String) -> String {
        let bytes = Array(document.utf8)
        for marker in markers {
            if let offset = ByteSearch.firstOffset(of: Array(marker.utf8), in: bytes) {
                return String(decoding: bytes[..<offset], as: UTF8.self) + text + String(decoding: bytes[offset...], as: UTF8.self)
            }
        }
        return document + text
    }

    /// Registers a new part: an Override content type and a relationship from `source`.
    static func addPart(_ parts: inout [String: Data], name: String, contentType: String, relationship: String, id: String, from source: String) {
        if let types = parts["[Content_Types].xml"] {
            let text = String(decoding: types, as: UTF8.self)
            if !ByteSearch.contains(text, "PartName=\"/\(name)\"") {
                parts["[Content_Types].xml"] = Data(insert("<Override PartName=\"/\(name)\" ContentType=\"\(contentType)\"/>",
                                                           beforeFirstOf: ["</Types>"], in: text).utf8)
            }
        }
        let target = source.isEmpty ? name : name.hasPrefix("word/") && source.hasPrefix("word/") ? String(name.dropFirst(5)) : "/" + name
        addRelationships(&parts, "<Relationship Id=\"\(id)\" Type=\"\(relationship)\" Target=\"\(target)\"/>", for: source)
    }

    static func addRelationships(_ parts: inout [String: Data], _ relationships: String, for part: String) {
        let rels = PackageInfo.relsName(of: part)
        if let existing = parts[rels] {
            parts[rels] = Data(insert(relationships, beforeFirstOf: ["</Relationships>"], in: String(decoding: existing, as: UTF8.self)).utf8)
        } else {
            parts[rels] = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(Namespaces.relationships)\">"
                + relationships + "</Relationships>").utf8)
        }
    }
}
