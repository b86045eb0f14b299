import DocketCore
import DocketXML
import Foundation

/// One answer read back from a filled (possibly Word-edited) document: the text of a content
/// control tagged `docket:<path>`, or the state of a checkbox tagged `docket:check:<path>` /
/// `docket:checkNo:<path>`.
public struct DocxAnswer: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case text, check, checkNo }
    public var kind: Kind
    /// The field path, e.g. `contacts.executiveSponsor.name` or `goals.0.title`.
    public var path: String
    /// The visible text (paragraphs joined by `\n`; "" while Word shows the placeholder).
    public var text: String
    /// Checkbox state (check/checkNo kinds), nil for text answers.
    public var checked: Bool?
    /// True when Word still shows the control's placeholder text (nothing was entered).
    public var isPlaceholder: Bool
    /// File, and place: part, the heading above, table/row/cell.
    public var location: SourceLocation
    /// How the answer was found: its content control's tag, or its bookmark (the tag was lost).
    public var foundBy: Source = .tag
    /// The content as Markdown (bold, italic, lists, links, line breaks): for rich-text answers.
    public var markdown: String = ""

    /// `alignment`: both were lost (Google Docs, pandoc) and the answer was found between the
    /// form's fixed paragraphs (`AnswerAlignment`).
    public enum Source: String, Sendable, Hashable { case tag, bookmark, alignment }

    public init(kind: Kind, path: String, text: String, checked: Bool? = nil, isPlaceholder: Bool = false, location: SourceLocation,
                foundBy: Source = .tag, markdown: String? = nil) {
        self.kind = kind
        self.path = path
        self.text = text
        self.checked = checked
        self.isPlaceholder = isPlaceholder
        self.location = location
        self.foundBy = foundBy
        self.markdown = markdown ?? text
    }
}

/// Reads the answer regions of a .docx (docs/template-language.md, "Answer regions"). The
/// document is untrusted: it goes through `OOXMLPackage`'s limits and the hardened XML parser.
public enum DocxAnswers {
    public static func read(docx url: URL, limits: PackageLimits = PackageLimits()) throws(PackageError) -> [DocxAnswer] {
        try read(package: try OOXMLPackage.load(docx: url, limits: limits), file: url.path, limits: limits)
    }

    /// Answers in document order: main document first, then headers, footers and notes. With
    /// `markdown` each text answer also carries its Markdown (for `docket extract`; validation
    /// needs only the text); with `bookmarks` regions whose tag was lost are found by bookmark.
    public static func read(package: OOXMLPackage, file: String, limits: PackageLimits = PackageLimits(),
                            markdown: Bool = true, bookmarks: Bool = true) throws(PackageError) -> [DocxAnswer] {
        try readAll(package: package, file: file, limits: limits, markdown: markdown, bookmarks: bookmarks, paragraphs: false).answers
    }

    /// The answers and, with `paragraphs`, every paragraph with its place, from one parse of each
    /// part (validation needs both). `visit` gets each part parsed, for other checks of the same
    /// parse (the accessibility checks).
    public static func readAll(package: OOXMLPackage, file: String, limits: PackageLimits = PackageLimits(), markdown: Bool = true,
                               bookmarks: Bool = true, paragraphs: Bool = true,
                               visit: (String, XMLDocument) -> Void = { _, _ in }) throws(PackageError) -> (answers: [DocxAnswer], paragraphs: [DocxParagraph]) {
        var answers: [DocxAnswer] = []
        var blocks: [DocxParagraph] = []
        let map = bookmarks ? AnswerBookmarks.map(package) : [:]
        for name in try package.wordParts().all {
            guard let document = try package.parsedPart(name, limits: limits) else { continue }  // names come from the package itself
            visit(name, document)
            var walker = AnswerWalker(file: file, part: name, converter: markdown ? WMLMarkdown(package: package, part: name) : nil, map: map)
            walker.collectsParagraphs = paragraphs
            walker.walk(document.root)
            answers += walker.answers
            blocks += walker.paragraphs
            guard bookmarks else { continue }
            let found = Set(answers.map { AnswerTag(kind: $0.kind, path: $0.path).key })
            answers += walker.bookmarkAnswers(document.root).filter { !found.contains(AnswerTag(kind: $0.kind, path: $0.path).key) }
        }
        return (answers, blocks)
    }

    /// Text answers by path (the last one wins when a path repeats); checkboxes as "Yes"/"No"
    /// when checked.
    public static func values(_ answers: [DocxAnswer]) -> [String: String] {
        var out: [String: String] = [:]
        for a in answers {
            switch a.kind {
            case .text: out[a.path] = a.isPlaceholder ? "" : a.text
            case .check: if a.checked == true { out[a.path] = "Yes" } else if out[a.path] == nil { out[a.path] = "" }
            case .checkNo: if a.checked == true { out[a.path] = "No" } else if out[a.path] == nil { out[a.path] = "" }
            }
        }
        return out
    }
}

/// Walks a part keeping track of the heading above and the table/row/cell.
struct AnswerWalker {
    let file: String
    let part: String
    /// Turns answer content into Markdown; nil when only the text is wanted (validation).
    let converter: WMLMarkdown?
    /// Bookmark name → tag key (`AnswerBookmarks.map`).
    let map: [String: String]
    var answers: [DocxAnswer] = []
    private var position: DocxPlace
    /// Index path of the element being walked, and the mapped bookmarks met: start and end paths, place.
    private var path: [Int] = []
    private var starts: [(ids: [String], name: String, path: [Int], place: String)] = []
    private var ends: [String: [Int]] = [:]
    /// Bookmarks inside a content control found by its tag (an item Word renumbered may keep its old one).
    private var covered = Set<String>()
    /// The repeating sections around the element being walked: the list's path (renumbered) and
    /// the position of the current item (-1 before the first).
    private var sections: [(path: String?, item: Int)] = []

    /// Whether to list every paragraph (`paragraphs`) as the walk passes it.
    var collectsParagraphs = false
    private(set) var paragraphs: [DocxParagraph] = []

    init(file: String, part: String, converter: WMLMarkdown?, map: [String: String]) {
        self.file = file
        self.part = part
        self.converter = converter
        self.map = map
        self.position = DocxPlace(part: part)
    }

    mutating func walk(_ e: XMLElement) {
        for (index, node) in e.children.enumerated() {
            guard case .element(let c) = node else { continue }
            path.append(index)
            defer { path.removeLast() }
            switch c.name {
            case "w:bookmarkStart":
                // LibreOffice may write a range over paragraphs as an unclosed start plus a second
                // start/end pair of the same name at the end: the range runs to the last end.
                if let name = c.attribute("w:name"), map[name] != nil, let id = c.attribute("w:id") {
                    if let i = starts.firstIndex(where: { $0.name == name }) { starts[i].ids.append(id) } else { starts.append(([id], name, path, place)) }
                }
            case "w:bookmarkEnd":
                if let id = c.attribute("w:id"), ends[id] == nil { ends[id] = path }
            case "w:tbl":
                position.enterTable()
                walk(c)
                position.exitTable()
            case "w:tr":
                position.enterRow()
                walk(c)
            case "w:tc":
                position.enterCell()
                walk(c)
            case "w:p":
                let isHeading = Self.isHeading(c)
                if collectsParagraphs {  // placed before a heading names itself, as the heading above
                    paragraphs.append(DocxParagraph(text: WMLReader.visibleText(c), isHeading: isHeading,
                                                    location: SourceLocation(file: file, place: place)))
                }
                if isHeading { position.heading = WMLReader.visibleText(c) }
                walk(c)
            case "w:sdt" where c.child("w:sdtPr")?.child("w15:repeatingSection") != nil:
                let list = c.child("w:sdtPr")?.child("w:tag")?.attribute("w:val").flatMap(AnswerTag.init(tag:)).map { renumbered($0.path) }
                sections.append((list, -1))
                walk(c)
                sections.removeLast()
            case "w:sdt" where c.child("w:sdtPr")?.child("w15:repeatingSectionItem") != nil:
                if !sections.isEmpty { sections[sections.count - 1].item += 1 }
                walk(c)
            case "w:sdt":
                record(c)
                walk(c)
            default:
                walk(c)
            }
        }
    }

    static func isHeading(_ p: XMLElement) -> Bool {
        guard let pPr = p.child("w:pPr") else { return false }
        if let style = pPr.child("w:pStyle")?.attribute("w:val"), style.hasPrefix("Heading") || style == "Title" { return true }
        return pPr.child("w:outlineLvl") != nil
    }

    /// `path` with the index after each enclosing repeating section's list path replaced by the
    /// item's position: Word copies an item's tags as they are when a person adds an item, and
    /// deleting one leaves the later items' numbers.
    private func renumbered(_ path: String) -> String {
        var segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for section in sections where section.item >= 0 {
            guard let list = section.path?.split(separator: ".", omittingEmptySubsequences: false).map(String.init),
                  segments.count > list.count, Array(segments[..<list.count]) == list, Int(segments[list.count]) != nil else { continue }
            segments[list.count] = String(section.item)
        }
        return segments.joined(separator: ".")
    }

    private var place: String { position.description }

    private mutating func record(_ sdt: XMLElement) {
        guard let pr = sdt.child("w:sdtPr"), let value = pr.child("w:tag")?.attribute("w:val"), let tag = AnswerTag(tag: value) else { return }
        let rest = renumbered(tag.path), kind = tag.kind
        let content = sdt.child("w:sdtContent") ?? XMLElement("w:sdtContent")
        content.forEachDescendant { e, _ in
            if e.name == "w:bookmarkStart", let name = e.attribute("w:name") { covered.insert(name) }
        }
        var checked: Bool?
        if let box = pr.child("w14:checkbox") {
            let value = box.child("w14:checked")?.attribute("w14:val")
            checked = value == "1" || value == "true"
        } else if kind != .text {
            checked = WMLReader.visibleText(content).contains("☒")
        }
        answers.append(DocxAnswer(kind: kind, path: rest, text: WMLReader.visibleText(content), checked: kind == .text ? nil : checked,
                                  isPlaceholder: pr.child("w:showingPlcHdr") != nil,
                                  location: SourceLocation(file: file, place: place),
                                  markdown: kind == .text ? converter?.markdown(content.elements) ?? "" : ""))
    }

    /// Answers found by their bookmarks (for regions whose content control lost its tag).
    func bookmarkAnswers(_ root: XMLElement) -> [DocxAnswer] {
        starts.compactMap { start -> DocxAnswer? in
            guard !covered.contains(start.name), let key = map[start.name], let end = start.ids.compactMap({ ends[$0] }).max(by: { $0.lexicographicallyPrecedes($1) }) else { return nil }
            let tag = AnswerTag(key: key)
            let nodes = BookmarkRange.content(root, from: start.path, to: end)
            let content = XMLElement("w:sdtContent", children: nodes.map { .element($0) })
            let text = WMLReader.visibleText(content)
            return DocxAnswer(kind: tag.kind, path: tag.path, text: text, checked: tag.kind == .text ? nil : text.contains("☒"),
                              isPlaceholder: WMLReader.onlyPlaceholder(content), location: SourceLocation(file: file, place: start.place),
                              foundBy: .bookmark, markdown: tag.kind == .text ? converter?.markdown(nodes) ?? "" : "")
        }
    }
}

/// Visible text of WordprocessingML: `w:t`, tabs, breaks; paragraphs joined by `\n`; deleted
/// text (`w:del`) left out.
public enum WMLReader {
    /// True when every run with text has the `PlaceholderText` character style (a placeholder
    /// whose content control lost `w:showingPlcHdr`).
    static func onlyPlaceholder(_ e: XMLElement) -> Bool {
        var runs = 0, placeholders = 0
        func walk(_ x: XMLElement) {
            for case .element(let c) in x.children {
                if c.name == "w:r", c.child("w:t") != nil {
                    runs += 1
                    if c.child("w:rPr")?.child("w:rStyle")?.attribute("w:val") == "PlaceholderText" { placeholders += 1 }
                } else if c.name != "w:del" { walk(c) }
            }
        }
        walk(e)
        return runs > 0 && runs == placeholders
    }

    public static func visibleText(_ e: XMLElement) -> String {
        var lines: [String] = []
        var current = ""
        func walk(_ x: XMLElement) {
            for case .element(let c) in x.children {
                switch c.name {
                case "w:t": current += c.textContent
                case "w:tab": current += "\t"
                case "w:br", "w:cr": current += "\n"
                case "w:del", "w:delText", "w:sdtPr", "w:rPr", "w:pPr", "w:moveFrom": break
                case "w:p":
                    walk(c)
                    lines.append(current)
                    current = ""
                default: walk(c)
                }
            }
        }
        walk(e)
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
