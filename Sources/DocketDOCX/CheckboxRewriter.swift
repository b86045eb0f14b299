import DocketXML

/// Checkbox content controls (`w14:checkbox`) tagged `docket:check:<path>` (checked when the
/// value is true/"Yes") or `docket:checkNo:<path>` (checked when false/"No"): the state
/// attribute and the ☒/☐ glyph come from the data at fill time.
enum CheckboxRewriter {
    /// Filters the fill registers for the `w14:checked` state ("1"/"0").
    static let stateFilter = "docketCheckState"
    static let noStateFilter = "docketCheckNoState"

    static func tag(of sdt: XMLElement) -> String? {
        sdt.child("w:sdtPr")?.child("w:tag")?.attribute("w:val")
    }

    static func rewrite(_ sdt: XMLElement) -> XMLElement {
        guard let tag = tag(of: sdt), var pr = sdt.child("w:sdtPr"), let box = pr.child("w14:checkbox") else { return sdt }
        guard let answer = AnswerTag(tag: tag), answer.kind != .text else { return sdt }
        let path = answer.path
        let (state, glyph) = answer.kind == .check ? (stateFilter, "check") : (noStateFilter, "checkNo")
        guard !path.isEmpty, !path.contains("{"), !path.contains("}") else { return sdt }
        var checkbox = box
        if let i = checkbox.children.firstIndex(where: { $0.element?.name == "w14:checked" }), var checked = checkbox.children[i].element {
            checked.setAttribute("w14:val", "{{\(state)(\(path))}}")
            checkbox.children[i] = .element(checked)
        } else {
            // First in CT_SdtCheckbox (checked, checkedState, uncheckedState).
            checkbox = OOXMLOrder.inserting(XMLElement("w14:checked", attributes: [XMLAttribute("w14:val", "{{\(state)(\(path))}}")]), into: checkbox)
        }
        replaceChild("w14:checkbox", with: checkbox, in: &pr)
        var out = sdt
        replaceChild("w:sdtPr", with: pr, in: &out)
        guard var content = out.child("w:sdtContent") else { return out }
        var placed = false
        func walk(_ e: inout XMLElement) {
            for i in e.children.indices {
                guard case .element(var c) = e.children[i] else { continue }
                if c.name == "w:t" {
                    c.children = placed ? [] : [.raw("{{\(glyph)(\(path))}}")]
                    placed = true
                } else {
                    walk(&c)
                }
                e.children[i] = .element(c)
            }
        }
        walk(&content)
        replaceChild("w:sdtContent", with: content, in: &out)
        return out
    }

    private static func replaceChild(_ name: String, with element: XMLElement, in parent: inout XMLElement) {
        if let i = parent.children.firstIndex(where: { $0.element?.name == name }) { parent.children[i] = .element(element) }
    }
}
