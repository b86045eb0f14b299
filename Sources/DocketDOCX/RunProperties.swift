import DocketXML

/// The children of a `w:rPr` or `w:pPr`, kept in the order the OOXML schema requires (Word
/// refuses some documents whose property elements are out of order).
struct PropertyList: Sendable, Hashable {
    /// Element name → serialised element.
    private(set) var items: [String: String] = [:]
    let order: [String]

    static let runOrder = ["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
                           "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
                           "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
                           "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
                           "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"]
    static let paragraphOrder = ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
                                 "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
                                 "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
                                 "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                                 "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
                                 "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                                 "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"]

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
        let unknown = items.keys.filter { !order.contains($0) }.sorted().map { items[$0]! }
        return (known + unknown).joined()
    }

    /// `<w:rPr>…</w:rPr>` (or `w:pPr`), or "" when empty.
    func xml(_ wrapper: String) -> String {
        isEmpty ? "" : "<\(wrapper)>\(childrenXML)</\(wrapper)>"
    }
}
