/// A Markdown document as Swift values: what cmark-gfm parses, with no C memory attached.
/// The DOCX writer turns these into WordprocessingML; tests compare them directly.
public struct MarkdownDocument: Sendable, Hashable {
    public var blocks: [MarkdownBlock]
    /// GFM footnote definitions (`[^label]: text`) that are referenced, in the order of their first
    /// reference: `footnotes[n - 1]` is the content of `.footnoteReference(n)`. Definitions nobody
    /// references are dropped (as cmark-gfm does); a reference with no definition stays text.
    public var footnotes: [[MarkdownBlock]]
    public init(blocks: [MarkdownBlock], footnotes: [[MarkdownBlock]] = []) {
        self.blocks = blocks
        self.footnotes = footnotes
    }

    /// Parses GitHub Flavored Markdown (tables, strikethrough, autolinks, task lists, footnotes).
    public static func parse(_ text: String) -> MarkdownDocument {
        CMarkBridge.parse(text)
    }

    /// All text, inline markup dropped: for word counts and plain-text checks.
    public var plainText: String {
        blocks.map(\.plainText).joined(separator: "\n")
    }
}

public enum TableAlignment: String, Sendable, Hashable {
    case none, left, center, right
}

public indirect enum MarkdownBlock: Sendable, Hashable {
    case paragraph([MarkdownInline])
    case heading(level: Int, [MarkdownInline])
    /// A list; `checked` per item is nil unless it is a GFM task list item.
    case list(ordered: Bool, start: Int, tight: Bool, items: [MarkdownListItem])
    case blockQuote([MarkdownBlock])
    case codeBlock(info: String, text: String)
    case thematicBreak
    case table(alignments: [TableAlignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
    case html(String)

    public var plainText: String {
        switch self {
        case .paragraph(let i), .heading(_, let i): return i.plainText
        case .list(_, _, _, let items): return items.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .blockQuote(let b): return b.map(\.plainText).joined(separator: "\n")
        case .codeBlock(_, let t): return t
        case .thematicBreak: return ""
        case .table(_, let header, let rows):
            return ([header] + rows).map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: "\n")
        case .html(let h): return h
        }
    }
}

public struct MarkdownListItem: Sendable, Hashable {
    public var blocks: [MarkdownBlock]
    /// GFM task list state: true `[x]`, false `[ ]`, nil for an ordinary item.
    public var checked: Bool?
    public init(blocks: [MarkdownBlock], checked: Bool? = nil) {
        self.blocks = blocks
        self.checked = checked
    }
}

public indirect enum MarkdownInline: Sendable, Hashable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case code(String)
    case link(destination: String, title: String, [MarkdownInline])
    case image(source: String, title: String, alt: [MarkdownInline])
    case softBreak
    case lineBreak
    case html(String)
    /// A GFM footnote reference `[^label]`: the footnote's number (1-based, order of first
    /// reference), an index into `MarkdownDocument.footnotes`.
    case footnoteReference(Int)

    public var plainText: String {
        switch self {
        case .footnoteReference: return ""
        case .text(let s), .code(let s): return s
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c): return c.plainText
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .html: return ""
        }
    }
}

extension Array where Element == MarkdownInline {
    public var plainText: String { map(\.plainText).joined() }
}
