import CLibXML2
import DocketCore

/// Why a document was not accepted.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the document was refused: malformed, or refused for safety.
    public enum Kind: Sendable, Hashable {
        /// Not well-formed XML (or not valid UTF-8).
        case malformed
        /// A DOCTYPE, entity declaration or entity reference: refused, never expanded.
        case doctype
        /// Over a size or element-count limit.
        case limit
    }
    public var message: String
    public var kind: Kind
    /// 1-based position where libxml2 stopped, when known.
    public var position: SourcePosition?
    public init(_ message: String, kind: Kind = .malformed, position: SourcePosition? = nil) {
        self.message = message
        self.kind = kind
        self.position = position
    }
    public var description: String {
        position.map { "\($0): \(message)" } ?? message
    }
}

/// The only file that touches libxml2. Parses untrusted bytes into `XMLDocument` values and frees
/// all C memory before returning.
///
/// Hardening: `XML_PARSE_NONET` (no network), no `XML_PARSE_DTDLOAD` (no external subset),
/// no `XML_PARSE_NOENT` (entities are never substituted), no `XML_PARSE_HUGE` (libxml2's
/// built-in limits on text node size and nesting depth stay on). libxml2 2.9 has no
/// `XML_PARSE_NO_XXE`; instead any document with a DOCTYPE is rejected outright, before parsing
/// when it appears in the prolog and again after parsing, so no entity can be declared at all.
public enum SafeXMLParser {
    /// Inputs larger than this are refused before parsing.
    public static let defaultMaxBytes = 64 << 20

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Documents with more elements than this are refused before parsing (each element costs
    /// memory twice: in libxml2's tree and as a Swift value).
    public static let defaultMaxElements = 250_000

    /// Parses `bytes` (UTF-8 or a declared encoding libxml2 knows).
    public static func parse(_ bytes: [UInt8], maxBytes: Int = defaultMaxBytes,
                             maxElements: Int = defaultMaxElements) throws(XMLParseError) -> XMLDocument {
        guard bytes.count <= maxBytes else {
            throw XMLParseError("document is \(bytes.count) bytes, over the limit of \(maxBytes) bytes", kind: .limit)
        }
        let elements = estimatedElementCount(bytes)
        guard elements <= maxElements else {
            throw XMLParseError("document has about \(elements) elements, over the limit of \(maxElements)", kind: .limit)
        }
        if hasDoctype(bytes) {
            throw XMLParseError("documents with a DOCTYPE are refused (no DTDs or entity declarations in OOXML)", kind: .doctype)
        }
        _ = initialised
        guard let ctxt = xmlNewParserCtxt() else { throw XMLParseError("libxml2 could not allocate a parser") }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            // An empty buffer has no base address; libxml2 then gets an empty string (and reports no root).
            guard let base = buf.baseAddress else { return xmlCtxtReadMemory(ctxt, "", 0, "part.xml", nil, options) }
            return base.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), "part.xml", nil, options)
            }
        }
        guard let doc else { throw lastError(ctxt) ?? XMLParseError("not well-formed XML") }
        defer { xmlFreeDoc(doc) }
        if ctxt.pointee.wellFormed == 0 { throw lastError(ctxt) ?? XMLParseError("not well-formed XML") }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw XMLParseError("documents with a DOCTYPE are refused (no DTDs or entity declarations in OOXML)", kind: .doctype)
        }
        guard let rootNode = xmlDocGetRootElement(doc) else { throw XMLParseError("document has no root element") }
        let root = try convertElement(rootNode)
        let standalone: Bool? = doc.pointee.standalone == 1 ? true : doc.pointee.standalone == 0 ? false : nil
        return XMLDocument(root: root, standalone: standalone)
    }

    /// Parses a string (convenience for tests and generated parts).
    public static func parse(_ text: String) throws(XMLParseError) -> XMLDocument {
        try parse(Array(text.utf8))
    }

    /// Start tags (`<` followed by a name character): an upper bound on the element count that
    /// costs one pass over the bytes and no memory.
    static func estimatedElementCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var i = 0
        let n = bytes.count - 1
        while i < n {
            if bytes[i] == 0x3C {
                let next = bytes[i + 1]
                if next != 0x2F && next != 0x3F && next != 0x21 { count += 1 }
            }
            i += 1
        }
        return count
    }

    /// True when a `<!DOCTYPE` appears in the prolog (before the first element).
    static func hasDoctype(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                if i + marker.count <= n, Array(bytes[i..<(i + marker.count)]) == marker { return true }
                i += 2
                continue
            }
            return false // the root element starts: the prolog is over
        }
        return false
    }

    private static func lastError(_ ctxt: xmlParserCtxtPtr) -> XMLParseError? {
        guard let err = xmlCtxtGetLastError(UnsafeMutableRawPointer(ctxt)), err.pointee.code != 0 else { return nil }
        var message = err.pointee.message.map { String(cString: $0) } ?? "XML error \(err.pointee.code)"
        while message.hasSuffix("\n") { message.removeLast() }
        let line = Int(err.pointee.line)
        let position = line > 0 ? SourcePosition(line: line, column: max(Int(err.pointee.int2), 1)) : nil
        return XMLParseError(message, position: position)
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func qualified(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
        let local = string(name)
        if let prefix = ns?.pointee.prefix { return string(prefix) + ":" + local }
        return local
    }

    private static func convertElement(_ node: xmlNodePtr) throws(XMLParseError) -> XMLElement {
        var attributes: [XMLAttribute] = []
        var ns = node.pointee.nsDef
        while let n = ns {
            let name = n.pointee.prefix.map { "xmlns:" + string($0) } ?? "xmlns"
            attributes.append(XMLAttribute(name, string(n.pointee.href)))
            ns = n.pointee.next
        }
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var c = a.pointee.children
            while let t = c {
                value += string(t.pointee.content)
                c = t.pointee.next
            }
            attributes.append(XMLAttribute(qualified(a.pointee.name, a.pointee.ns), value))
            attr = a.pointee.next
        }
        var children: [XMLNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: children.append(.element(try convertElement(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = string(c.pointee.content)
                if case .text(let previous)? = children.last {
                    children[children.count - 1] = .text(previous + text)
                } else {
                    children.append(.text(text))
                }
            case XML_COMMENT_NODE: children.append(.comment(string(c.pointee.content)))
            case XML_PI_NODE:
                children.append(.processingInstruction(target: string(c.pointee.name), data: string(c.pointee.content)))
            case XML_ENTITY_REF_NODE:
                throw XMLParseError("entity reference &\(string(c.pointee.name)); is not allowed", kind: .doctype)
            default: break
            }
            child = c.pointee.next
        }
        return XMLElement(qualified(node.pointee.name, node.pointee.ns), attributes: attributes, children: children)
    }
}
