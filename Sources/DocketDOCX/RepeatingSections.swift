import DocketXML
import Foundation

/// Word 2013 repeating sections (`w15:repeatingSection`, docs/forms.md) around the items of the
/// lists a form shows, so that a person adds or deletes an item in Word itself. The section is a
/// content control tagged `docket:<list path>` marked `w15:repeatingSection`; each item is a
/// content control marked `w15:repeatingSectionItem` holding the item's blocks (or table rows).
/// Word copies an item's inner tags as they are (`plan.goals.0.title` in the copy too), so the
/// reader numbers the items of a section by their position (`AnswerWalker`).
public enum RepeatingSections {
    public static let namespace = "http://schemas.microsoft.com/office/word/2012/wordml"
    static let firstId = 800_000

    /// A list the form repeats: its title (the section's alias) and the note added to the first
    /// placeholder of each item ("3 to 5 items").
    public struct List: Sendable {
        public var title: String
        public var note: String
        public init(title: String, note: String) {
            self.title = title
            self.note = note
        }
    }

    /// Whether the content control is a repeating section or one of its items (not an answer).
    static func isSectionMark(_ sdtPr: XMLElement?) -> Bool {
        sdtPr?.child("w15:repeatingSection") != nil || sdtPr?.child("w15:repeatingSectionItem") != nil
    }

    /// `root` with each list `list(path)` names (a dotted path with concrete indices,
    /// `plan.goals.0.swot.strengths`) wrapped in a repeating section, outer lists first. A list
    /// whose items are not contiguous (answers of one item between those of another, or in
    /// different cells of one row) is left as it is. The root gets the `w15` namespace, ignorable.
    public static func wrap(_ root: XMLElement, list: (String) -> List?) -> XMLElement {
        var root = root
        var done = Set<String>(), id = firstId
        while let path = nextList(root, done: done, list: list) {
            done.insert(path)
            if let l = list(path), let wrapped = wrap(root, path: path, list: l, id: &id) { root = wrapped }
        }
        if id > firstId { declareNamespace(&root) }
        return root
    }

    /// The answers of a part: tag path → index paths of their content controls, in document order.
    private static func answers(_ root: XMLElement) -> [(path: String, at: [Int])] {
        var out: [(String, [Int])] = []
        root.forEachDescendant { e, at in
            guard e.name == "w:sdt", let pr = e.child("w:sdtPr"), !isSectionMark(pr),
                  let tag = pr.child("w:tag")?.attribute("w:val").flatMap(AnswerTag.init(tag:)) else { return }
            out.append((tag.path, at))
        }
        return out
    }

    /// The outermost list not yet wrapped (shortest path first).
    private static func nextList(_ root: XMLElement, done: Set<String>, list: (String) -> List?) -> String? {
        var candidates = Set<String>()
        for a in answers(root) {
            let segments = a.path.split(separator: ".").map(String.init)
            for i in segments.indices where Int(segments[i]) != nil && i > 0 {
                let prefix = segments[..<i].joined(separator: ".")
                if !done.contains(prefix), list(prefix) != nil { candidates.insert(prefix) }
            }
        }
        return candidates.min { ($0.split(separator: ".").count, $0) < ($1.split(separator: ".").count, $1) }
    }

    private static let blockContainers: Set<String> = ["w:body", "w:tc", "w:sdtContent", "w:tbl", "w:p", "w:hdr", "w:ftr"]

    private static func wrap(_ root: XMLElement, path: String, list: List, id: inout Int) -> XMLElement? {
        // The answers of each item, by the item's index, in document order.
        var items: [(index: Int, at: [[Int]])] = []
        for a in answers(root) where a.path.hasPrefix(path + ".") {
            guard let k = a.path.dropFirst(path.count + 1).split(separator: ".").first.flatMap({ Int($0) }) else { continue }
            if let i = items.firstIndex(where: { $0.index == k }) { items[i].at.append(a.at) } else { items.append((k, [a.at])) }
        }
        guard !items.isEmpty else { return nil }
        // The container: the deepest element holding every answer of the list that can hold blocks or rows.
        var lca = items.flatMap(\.at).reduce(items[0].at[0]) { common, p in Array(zip(common, p).prefix { $0 == $1 }.map(\.0)) }
        while !blockContainers.contains(root[path: lca[...]].name) || root[path: lca[...]].name == "w:sdtContent" && isAnswerContent(root, lca) {
            guard !lca.isEmpty else { return nil }
            lca.removeLast()
        }
        let container = root[path: lca[...]]
        // Each item's first and last child of the container.
        let spans = items.map { item -> (Int, Int) in
            let tops = item.at.map { $0[lca.count] }
            return (tops.min()!, tops.max()!)
        }
        for i in spans.indices.dropFirst() where spans[i].0 <= spans[i - 1].1 { return nil }  // interleaved
        var out = root
        if container.name == "w:p" {
            // Items inline in one paragraph: one paragraph per item, the section in the paragraph's place.
            guard lca.count >= 1, ["w:body", "w:tc", "w:sdtContent", "w:hdr", "w:ftr"].contains(root[path: lca.dropLast()].name) else { return nil }
            let pPr = container.child("w:pPr")
            var pieces: [XMLElement] = []
            for (i, span) in spans.enumerated() {
                let from = i == 0 ? 0 : span.0, to = i + 1 < spans.count ? spans[i + 1].0 : container.children.count
                var p = XMLElement("w:p", attributes: container.attributes)
                if let pPr { p.children.append(.element(pPr)) }
                var runs = container.children[from..<to].filter { $0.element?.name != "w:pPr" }
                while let last = runs.last?.element, last.name == "w:r", WMLReader.visibleText(last).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    runs.removeLast()  // the separator (a line break) before the next item
                }
                p.children += runs
                pieces.append(item([.element(p)], list: list, id: &id))
            }
            var parent = root[path: lca.dropLast()]
            parent.children[lca.last!] = .element(section(pieces, path: path, list: list, id: &id))
            out[path: lca.dropLast()] = parent
        } else {
            // Blocks or rows: item k runs from after item k-1 to its last answer's block.
            var c = container
            var wrapped: [XMLElement] = []
            for (i, span) in spans.enumerated() {
                let from = i == 0 ? span.0 : spans[i - 1].1 + 1
                wrapped.append(item(Array(container.children[from...span.1]), list: list, id: &id))
            }
            let first = spans[0].0, last = spans[spans.count - 1].1
            c.children.replaceSubrange(first...last, with: [.element(section(wrapped, path: path, list: list, id: &id))])
            out[path: lca[...]] = c
        }
        return out
    }

    /// True when `at` is the content of an answer's content control (not a block container for items).
    private static func isAnswerContent(_ root: XMLElement, _ at: [Int]) -> Bool {
        guard !at.isEmpty else { return false }
        let sdt = root[path: at.dropLast()]
        return !isSectionMark(sdt.child("w:sdtPr"))
    }

    private static func item(_ nodes: [XMLNode], list: List, id: inout Int) -> XMLElement {
        id += 1
        var content = XMLElement("w:sdtContent", children: nodes)
        var noted = false
        noteFirstPlaceholder(&content, list.note, &noted)
        return XMLElement("w:sdt", children: [
            .element(XMLElement("w:sdtPr", children: [
                .element(XMLElement("w:id", attributes: [XMLAttribute("w:val", String(id))])),
                .element(XMLElement("w15:repeatingSectionItem")),
            ])),
            .element(content),
        ])
    }

    private static func section(_ items: [XMLElement], path: String, list: List, id: inout Int) -> XMLElement {
        id += 1
        return XMLElement("w:sdt", children: [
            .element(XMLElement("w:sdtPr", children: [
                .element(XMLElement("w:alias", attributes: [XMLAttribute("w:val", list.title)])),
                .element(XMLElement("w:tag", attributes: [XMLAttribute("w:val", AnswerTag.prefix + path)])),
                .element(XMLElement("w:id", attributes: [XMLAttribute("w:val", String(id))])),
                .element(XMLElement("w15:repeatingSection")),
            ])),
            .element(XMLElement("w:sdtContent", children: items.map { .element($0) })),
        ])
    }

    /// Appends `note` to the first placeholder run (`PlaceholderText` style) below `e`.
    private static func noteFirstPlaceholder(_ e: inout XMLElement, _ note: String, _ done: inout Bool) {
        for i in e.children.indices where !done {
            guard case .element(var c) = e.children[i] else { continue }
            if c.name == "w:r", c.child("w:rPr")?.child("w:rStyle")?.attribute("w:val") == "PlaceholderText",
               let t = c.children.firstIndex(where: { $0.element?.name == "w:t" }), case .element(var text) = c.children[t] {
                text.children = [.text(text.textContent + " " + note)]
                c.children[t] = .element(text)
                done = true
            } else {
                noteFirstPlaceholder(&c, note, &done)
            }
            e.children[i] = .element(c)
        }
    }

    /// `xmlns:w15` on the root, and `w15` in `mc:Ignorable` (readers before Word 2013 skip it).
    static func declareNamespace(_ root: inout XMLElement) {
        if root.attribute("xmlns:w15") == nil { root.setAttribute("xmlns:w15", namespace) }
        if root.attribute("xmlns:mc") == nil { root.setAttribute("xmlns:mc", "http://schemas.openxmlformats.org/markup-compatibility/2006") }
        let ignorable = (root.attribute("mc:Ignorable") ?? "").split(separator: " ").map(String.init)
        if !ignorable.contains("w15") { root.setAttribute("mc:Ignorable", (ignorable + ["w15"]).joined(separator: " ")) }
    }
}
