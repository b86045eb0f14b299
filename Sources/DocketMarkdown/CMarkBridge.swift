import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The only file that touches libcmark-gfm. Each function builds its C tree, converts it to
/// Swift values (or a Swift string) and frees the C memory before returning.
enum CMarkBridge {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Registers the GFM extensions exactly once per process: `cmark_gfm_core_extensions_ensure_registered`
    /// is not safe to call from several threads at once, and a Swift static is initialised once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the inline parser's special-character table in process-global state that
    /// attaching extensions to a parser, and freeing it, modify; two parsers at once can lose
    /// `~~strike~~` (seen in a 64-thread test). All cmark work is therefore serialised.
    private static let lock = NSLock()

    /// Runs `body` with a parser that has the GFM extensions attached; frees everything after.
    private static func withParsedDocument<T>(_ text: String, options: Int32, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        precondition(registered)
        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cmark_parser_feed(parser, $0, buf.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser))
    }

    /// GFM footnotes (`[^label]` and `[^label]: text`) are on for parsing and for HTML.
    static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES

    /// Parses to Swift values. cmark-gfm moves the referenced footnote definitions to the end of
    /// the document in the order of their numbers; they become `MarkdownDocument.footnotes`.
    static func parse(_ text: String) -> MarkdownDocument {
        withParsedDocument(text, options: options) { root, _ in
            var blocks: [MarkdownBlock] = []
            var footnotes: [[MarkdownBlock]] = []
            for node in children(of: root) {
                if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                    footnotes.append(children(of: node).compactMap(block))
                } else if let b = block(node) {
                    blocks.append(b)
                }
            }
            return MarkdownDocument(blocks: blocks, footnotes: footnotes)
        }
    }

    /// Renders GFM to HTML. Raw HTML in the input is escaped (`CMARK_OPT_SAFE` semantics are
    /// the default in cmark-gfm 0.29: unsafe HTML is replaced), so data cannot inject markup.
    static func html(_ text: String) -> String {
        withParsedDocument(text, options: options) { root, extensions in
            guard let cString = cmark_render_html(root, options, extensions) else { return "" }
            defer { free(cString) }
            return String(cString: cString)
        }
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_literal(node) else { return "" }
        return String(cString: p)
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_type_string(node) else { return "" }
        return String(cString: p)
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock? {
        switch typeName(node) {
        case "paragraph": return .paragraph(inlines(of: node))
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case "list":
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(of: node).map { item -> MarkdownListItem in
                let isTask = typeName(item) == "tasklist"
                return MarkdownListItem(blocks: children(of: item).compactMap(block),
                                        checked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil)
            }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0, items: items)
        case "block_quote": return .blockQuote(children(of: node).compactMap(block))
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info, text: literal(node))
        case "thematic_break": return .thematicBreak
        case "html_block": return .html(literal(node))
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [TableAlignment] = []
            if let a = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<columns {
                    switch UInt8(a[i]) {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            let rows = children(of: node).map { row in children(of: row).map { inlines(of: $0) } }
            return .table(alignments: alignments, header: rows.first ?? [], rows: Array(rows.dropFirst()))
        default:
            let inner = children(of: node).compactMap(block)
            return inner.isEmpty ? nil : .blockQuote(inner)
        }
    }

    private static func inlines(of node: OpaquePointer) -> [MarkdownInline] {
        children(of: node).compactMap(inline)
    }

    private static func inline(_ node: OpaquePointer) -> MarkdownInline? {
        if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE, let n = Int(literal(node)) {
            return .footnoteReference(n)  // cmark-gfm replaces the label by the footnote's number
        }
        switch typeName(node) {
        case "text": return .text(literal(node))
        case "emph": return .emphasis(inlines(of: node))
        case "strong": return .strong(inlines(of: node))
        case "strikethrough": return .strikethrough(inlines(of: node))
        case "code": return .code(literal(node))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "html_inline": return .html(literal(node))
        case "link":
            return .link(destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                         title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                         inlines(of: node))
        case "image":
            return .image(source: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                          title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                          alt: inlines(of: node))
        default:
            let inner = inlines(of: node)
            return inner.isEmpty ? nil : .emphasis(inner)
        }
    }
}
