/// An XML document as Swift values: no C memory attached, cheap to copy and compare.
/// Produced by `XMLParser.parse` (libxml2, hardened) and written back by `XMLWriter`.
public struct XMLDocument: Sendable, Hashable {
    /// `standalone="yes"` in the XML declaration (OOXML parts carry it).
    public var standalone: Bool?
    public var root: XMLElement
    public init(root: XMLElement, standalone: Bool? = nil) {
        self.root = root
        self.standalone = standalone
    }
}

/// One attribute, its qualified name as written (`w:val`, `xmlns:w`, `xml:space`).
public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An element: qualified name as written (`w:p`), attributes in document order (namespace
/// declarations first), children.
public struct XMLElement: Sendable, Hashable {
    public var name: String
    public var attributes: [XMLAttribute]
    public var children: [XMLNode]

    public init(_ name: String, attributes: [XMLAttribute] = [], children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of attribute `name`, or nil.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Sets (or adds at the end) attribute `name`.
    public mutating func setAttribute(_ name: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            attributes[i].value = value
        } else {
            attributes.append(XMLAttribute(name, value))
        }
    }

    /// Removes attribute `name` if present.
    public mutating func removeAttribute(_ name: String) {
        attributes.removeAll { $0.name == name }
    }

    /// Child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e }; return nil }
    }

    /// The first child element called `name`.
    public func child(_ name: String) -> XMLElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// The first descendant element called `name` (depth first, document order).
    public func firstDescendant(_ name: String) -> XMLElement? {
        for case .element(let e) in children {
            if e.name == name { return e }
            if let found = e.firstDescendant(name) { return found }
        }
        return nil
    }

    /// All text content below this element, concatenated (raw nodes included verbatim).
    public var textContent: String {
        var out = ""
        for child in children {
            switch child {
            case .text(let t), .raw(let t): out += t
            case .element(let e): out += e.textContent
            default: break
            }
        }
        return out
    }

    /// The local part of the name (`p` for `w:p`).
    public var localName: Substring {
        if let colon = name.firstIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }
}

/// A node of the tree.
public enum XMLNode: Sendable, Hashable {
    case element(XMLElement)
    case text(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
    /// Text written verbatim, unescaped: used by the DOCX template compiler to place Mustache
    /// tags into the XML text it hands to the template engine. Never produced by the parser.
    case raw(String)

    /// The element, if this node is one.
    public var element: XMLElement? {
        if case .element(let e) = self { return e }
        return nil
    }
}
