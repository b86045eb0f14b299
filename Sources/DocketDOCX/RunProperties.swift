import DocketXML

/// The children of a `w:rPr` or `w:pPr`, kept in the order the OOXML schema requires (Word
/// refuses some documents whose property elements are out of order): setting a property puts
/// it at its schema position whatever order the calls come in.
struct PropertyList: Sendable, Hashable {
    /// Element name → serialised element.
    private(set) var items: [String: String] = [:]
    let order: [String]

    /// Schema order of `w:rPr` / `w:pPr` children (`OOXMLOrder`, from wml.xsd).
    static let runOrder = OOXMLOrder.runProperties
    static let paragraphOrder = OOXMLOrder.paragraphProperties

    init(order: [String]) { self.order = order }

    /// From an existing `w:rPr`/`w:pPr` element (nil gives an empty list).
    init(_ element: XMLElement?, order: [String]) {
        self.order = order
        for case .element(let e) in element?.children ?? [] {
            var xml = ""
            XMLWriter.write(e, into: &xml)
            items[e.name] = xml
        }
    }

    func setting(_ name: String, _ xml: String) -> PropertyList {
        var copy = self
        copy.items[name] = xml
        return copy
    }

    func removing(_ name: String) -> PropertyList {
        var copy = self
        copy.items[name] = nil
        return copy
    }

    var isEmpty: Bool { items.isEmpty }

    /// The children serialised in schema order (unknown elements last, by name).
    var childrenXML: String {
        let known = order.compactMap { items[$0] }
        let unknown = items.filter { !order.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        return (known + unknown).joined()
    }

    /// `<w:rPr>…</w:rPr>` (or `w:pPr`), or "" when empty.
    func xml(_ wrapper: String) -> String {
        isEmpty ? "" : "<\(wrapper)>\(childrenXML)</\(wrapper)>"
    }
}
