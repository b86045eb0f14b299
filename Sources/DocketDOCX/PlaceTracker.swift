import DocketCore
import DocketTemplate
import DocketXML
import Foundation

/// Serialises a compiled part and records, for every paragraph, table row and cell, where it
/// starts in the text, so a template offset maps back to "word/document.xml, table 1, row 2,
/// cell 3: “snippet”". It also checks that each section opens and closes in the same container:
/// a section may not cross a paragraph, cell or table boundary.
struct PlaceTracker {
    struct Entry: Sendable {
        var offset: Int
        var place: String
    }

    struct SectionTag {
        var tag: LexedTag
        var container: Int
        var place: String
    }

    let part: String
    private(set) var entries: [Entry] = []
    private(set) var sections: [SectionTag] = []
    /// Paragraphs where `{{` is left in plain text: a tag that does not end in its paragraph.
    private(set) var brokenTags: [String] = []

    private struct TableContext { var row = 0, cell = 0, paragraph = 0 }
    private var stack: [(name: String, serial: Int)] = []
    private var serial = 0
    private var paragraphs = 0
    private var tables = 0
    private var tableStack: [TableContext] = []
    private var currentParagraph: Int?

    init(part: String) { self.part = part }

    /// The part's XML text with the places recorded.
    static func serialise(_ document: XMLDocument, part: String) -> (text: String, tracker: PlaceTracker) {
        var tracker = PlaceTracker(part: part)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        XMLWriter.write(document.root, into: &out) { event, offset in tracker.handle(event, offset) }
        return (out, tracker)
    }

    private mutating func handle(_ event: XMLWriter.Event, _ offset: Int) {
        switch event {
        case .enter(let e):
            serial += 1
            stack.append((e.name, serial))
            switch e.name {
            case "w:tbl":
                if tableStack.isEmpty { tables += 1 }
                tableStack.append(TableContext())
            case "w:tr": if !tableStack.isEmpty { tableStack[tableStack.count - 1].row += 1; tableStack[tableStack.count - 1].cell = 0 }
            case "w:tc": if !tableStack.isEmpty { tableStack[tableStack.count - 1].cell += 1; tableStack[tableStack.count - 1].paragraph = 0 }
            case "w:p" where currentParagraph == nil:
                currentParagraph = serial
                record(offset, paragraphPlace() + ": " + Self.snippet(e.textContent))
                if Self.hasStrayOpen(e), let last = entries.last { brokenTags.append(last.place) }
            default: break
            }
        case .exit(let e):
            if stack.last?.serial == currentParagraph { currentParagraph = nil }
            stack.removeLast()
            if e.name == "w:tbl" { tableStack.removeLast() }
        case .raw(let text):
            let tags = TemplateLexer.scan(text)
            var place: String
            let container: Int
            if let p = currentParagraph {
                place = entries.last?.place ?? part
                container = p
            } else if stack.last?.name == "w:tbl" {
                let row = (tableStack.last?.row ?? 0) + 1
                place = "\(part), table \(tables), row \(row): " + Self.snippet(text)
                container = stack.last?.serial ?? 0  // the w:tbl just checked is on the stack
                record(offset, place)
            } else {
                place = paragraphPlace() + ": " + Self.snippet(text)
                container = stack.last?.serial ?? 0
                record(offset, place)
            }
            for tag in tags where tag.kind == .section || tag.kind == .inverted || tag.kind == .close {
                sections.append(SectionTag(tag: tag, container: container, place: place))
            }
        }
    }

    private mutating func paragraphPlace() -> String {
        if tableStack.isEmpty {
            paragraphs += 1
            return "\(part), paragraph \(paragraphs)"
        }
        tableStack[tableStack.count - 1].paragraph += 1
        let t = tableStack[tableStack.count - 1]
        var place = "\(part), table \(tables), row \(t.row), cell \(t.cell)"
        if t.paragraph > 1 { place += ", paragraph \(t.paragraph)" }
        return place
    }

    private mutating func record(_ offset: Int, _ place: String) {
        entries.append(Entry(offset: offset, place: place))
    }

    static func snippet(_ text: String) -> String {
        var trimmed = Substring(userFacing(text))
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        let short = trimmed.prefix(51)
        return "“" + (short.count > 50 ? String(short.prefix(50)) + "…" : String(short)) + "”"
    }

    /// Tags as the user wrote them: the compiler's `markdownBlock3(x)` / `markdownInline3(x)` are
    /// `markdown(x)` in the template, `docketAttribute(x)` is `x`.
    static func userFacing(_ text: String) -> String {
        guard ByteSearch.contains(text, "{{markdown") || ByteSearch.contains(text, "{{docketAttribute(") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            for prefix in [MarkdownSlot.blockPrefix, MarkdownSlot.inlinePrefix] where rest.hasPrefix(prefix) {
                let digits = rest.dropFirst(prefix.count).prefix { $0.isNumber }
                if !digits.isEmpty, rest.dropFirst(prefix.count + digits.count).hasPrefix("(") {
                    out += "markdown"
                    rest = rest.dropFirst(prefix.count + digits.count)
                }
            }
            if rest.hasPrefix(PartCompiler.attributeFilter + "("), let close = rest.range(of: ")}}") {
                out += rest[rest.index(rest.startIndex, offsetBy: PartCompiler.attributeFilter.count + 1)..<close.lowerBound]
                rest = rest[rest.index(close.lowerBound, offsetBy: 1)...]
            }
        }
        return out + rest
    }

    /// A locator for `Template`: the last recorded place at or before the offset.
    static func locator(file: String, entries: [Entry], part: String) -> TemplateLocator {
        .custom { offset in
            var lo = 0, hi = entries.count - 1, found: Int?
            while lo <= hi {
                let mid = (lo + hi) / 2
                if entries[mid].offset <= offset { found = mid; lo = mid + 1 } else { hi = mid - 1 }
            }
            return SourceLocation(file: file, place: found.map { entries[$0].place } ?? part)
        }
    }

    /// True when a `w:t` of the paragraph (not of a nested one) keeps `{{` as plain text: every
    /// complete tag was turned into a raw node by the run normaliser.
    static func hasStrayOpen(_ p: XMLElement) -> Bool {
        // The paragraph's plain text, raw tags replaced by a separator so they cannot join braces.
        var text = ""
        func walk(_ e: XMLElement) {
            for case .element(let c) in e.children where c.name != "w:p" {
                guard c.name == "w:t" else { walk(c); continue }
                for child in c.children {
                    switch child {
                    case .text(let t): text += t
                    case .raw: text += "\u{1}"
                    default: break
                    }
                }
            }
        }
        walk(p)
        return ByteSearch.contains(text, "{{")
    }

    /// Paragraphs with a tag that does not end where it starts, as diagnostics.
    func brokenTagDiagnostics(file: String) -> [Diagnostic] {
        brokenTags.map {
            Diagnostic(.error, rule: "template.docx-broken-tag",
                       "a tag starts here but does not end in this paragraph; a tag cannot cross a paragraph, cell or table boundary: close it with }} in the same paragraph",
                       location: SourceLocation(file: file, place: $0))
        }
    }

    /// Sections whose open and close tags sit in different containers, as diagnostics.
    func crossingDiagnostics(file: String) -> [Diagnostic] {
        var open: [SectionTag] = []
        var out: [Diagnostic] = []
        for s in sections {
            if s.tag.kind != .close { open.append(s); continue }
            guard let top = open.last, top.tag.name == s.tag.name else { continue } // the template parser reports these
            open.removeLast()
            if top.container != s.container {
                out.append(Diagnostic(.error, rule: "template.docx-section-boundary",
                    "section {{#\(top.tag.name)}} (at \(top.place)) is closed at \(s.place), across a paragraph, cell or table boundary; put each tag alone in its own paragraph, or open it at the start of a row's first cell and close it at the end of a row's last cell",
                    location: SourceLocation(file: file, place: top.place)))
            }
        }
        return out
    }
}
