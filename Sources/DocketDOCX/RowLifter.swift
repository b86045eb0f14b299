import DocketTemplate
import DocketXML

/// Finds table rows that a section repeats: opened at the start of the first cell of a row and
/// closed at the end of the last cell of the same or a later row (key-contacts tables). The two
/// tags are taken out of the cells; the compiler places them around the rows.
enum RowLifter {
    struct Lift {
        /// Child indices (in the `w:tbl`) of the first and last repeated row.
        var firstChild: Int
        var lastChild: Int
        var open: String
        var close: String
    }

    private struct Edge {
        var tag: RunNormaliser.FoundTag
        var cellIndex: Int
        var paragraphIndex: Int
    }

    static func lifts(in tbl: inout XMLElement) -> [Lift] {
        var lifts: [Lift] = []
        var pending: [(child: Int, open: Edge)] = []
        for (i, child) in tbl.children.enumerated() {
            guard case .element(let row) = child, row.name == "w:tr" else { continue }
            let cells = row.children.indices.filter { row.children[$0].element?.name == "w:tc" }
            guard let firstCell = cells.first, let lastCell = cells.last else { continue }
            let opener = edge(row, cell: firstCell, first: true)
            let closer = edge(row, cell: lastCell, first: false)
            var sameParagraph = false
            if let opener, let closer, opener.cellIndex == closer.cellIndex, opener.paragraphIndex == closer.paragraphIndex {
                sameParagraph = true
            }
            if let opener, !sameParagraph { pending.append((i, opener)) }
            if let closer, let top = pending.last, top.open.tag.tag.name == closer.tag.tag.name, !sameParagraph {
                pending.removeLast()
                // invariant: `pending` and `i` index w:tr elements found by the scan above
                var startRow = tbl.children[top.child].element!
                remove(top.open, from: &startRow, last: false)
                tbl.children[top.child] = .element(startRow)
                var endRow = tbl.children[i].element!
                remove(closer, from: &endRow, last: true)
                tbl.children[i] = .element(endRow)
                lifts.append(Lift(firstChild: top.child, lastChild: i, open: top.open.tag.text, close: closer.tag.text))
            }
        }
        return lifts
    }

    /// The opening tag at the very start of `cell`'s first paragraph (left unclosed there), or the
    /// closing tag at the very end of its last paragraph (not opened there).
    private static func edge(_ row: XMLElement, cell: Int, first: Bool) -> Edge? {
        guard case .element(let tc) = row.children[cell] else { return nil }
        let paragraphs = tc.children.indices.filter { tc.children[$0].element?.name == "w:p" }
        guard let pIndex = first ? paragraphs.first : paragraphs.last,
              let p = tc.children[pIndex].element, let result = RunNormaliser.normalise(p) else { return nil }
        guard let tag = first ? result.tags.first : result.tags.last else { return nil }
        let name = tag.tag.name
        // Balance over the whole cell: a section opened and closed inside the cell is the cell's own.
        let cellTags = paragraphs.flatMap { tc.children[$0].element.flatMap(RunNormaliser.normalise)?.tags ?? [] }
        let opens = cellTags.filter { ($0.tag.kind == .section || $0.tag.kind == .inverted) && $0.tag.name == name }.count
        let closes = cellTags.filter { $0.tag.kind == .close && $0.tag.name == name }.count
        if first, result.leadingBlank, tag.tag.kind == .section || tag.tag.kind == .inverted, opens > closes {
            return Edge(tag: tag, cellIndex: cell, paragraphIndex: pIndex)
        }
        if !first, result.trailingBlank, tag.tag.kind == .close, closes > opens {
            return Edge(tag: tag, cellIndex: cell, paragraphIndex: pIndex)
        }
        return nil
    }

    /// Takes the tag out of its paragraph; drops the paragraph when nothing else is left in it
    /// and the cell keeps another paragraph.
    private static func remove(_ edge: Edge, from row: inout XMLElement, last: Bool) {
        // invariant: an Edge is made only for a w:tc element and a w:p in it that normalises (`edge`)
        var tc = row.children[edge.cellIndex].element!
        let original = tc.children[edge.paragraphIndex].element!
        let normalised = RunNormaliser.normalise(original)!.paragraph
        let stripped = PartCompiler.replacingRaw(edge.tag.text, with: nil, in: normalised, last: last)
        let paragraphCount = tc.children.filter { $0.element?.name == "w:p" }.count
        let isEmpty = stripped.textContent.allSatisfy(\.isWhitespace) && stripped.firstDescendant("w:drawing") == nil
        if isEmpty && paragraphCount > 1 {
            tc.children.remove(at: edge.paragraphIndex)
        } else {
            tc.children[edge.paragraphIndex] = .element(stripped)
        }
        row.children[edge.cellIndex] = .element(tc)
    }
}
