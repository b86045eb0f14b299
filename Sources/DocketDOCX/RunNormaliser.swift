import DocketTemplate
import DocketXML

/// Joins Mustache tags that Word split across runs. Word cuts text wherever formatting, spell
/// checking (`w:proofErr`), bookmarks, revision ids (`w:rsidR`) or autocorrect (smart quotes)
/// changed, so `{{name}}` may arrive as `{{`, `na`, `me}}` in three runs. The paragraph's text
/// is read in order, tags are found in the joined text, and each tag is moved whole into the
/// run where it starts (keeping that run's formatting) as a raw node; the other runs keep the
/// text outside tags.
enum RunNormaliser {
    /// A tag found in a paragraph, and the run that now holds it.
    struct FoundTag {
        var tag: LexedTag
        /// The tag text as placed in the output (smart quotes straightened).
        var text: String
        /// Path (from the paragraph) of the run holding the tag.
        var runPath: [Int]
    }

    struct Result {
        var paragraph: XMLElement
        var tags: [FoundTag]
        /// True when everything outside the tags is whitespace.
        var onlyTags: Bool
        /// True when the text before the first tag / after the last tag is whitespace.
        var leadingBlank: Bool
        var trailingBlank: Bool
    }

    /// Containers inside a paragraph whose runs are part of its text.
    static let textContainers: Set<String> = ["w:hyperlink", "w:ins", "w:smartTag", "w:sdt", "w:sdtContent",
                                              "w:fldSimple", "w:customXml", "w:moveTo", "w:dir", "w:bdo"]

    /// Paths (from the paragraph) of the `w:t` elements that make up its visible text, in order.
    static func textPaths(_ paragraph: XMLElement) -> [[Int]] {
        var paths: [[Int]] = []
        func walk(_ e: XMLElement, _ path: [Int]) {
            for (i, child) in e.children.enumerated() {
                guard case .element(let c) = child else { continue }
                if c.name == "w:r" {
                    for (j, rc) in c.children.enumerated() {
                        if case .element(let t) = rc, t.name == "w:t" { paths.append(path + [i, j]) }
                    }
                } else if textContainers.contains(c.name) {
                    walk(c, path + [i])
                }
            }
        }
        walk(paragraph, [])
        return paths
    }

    /// Straight quotes for the typographic ones Word's autocorrect puts inside tags.
    static func straightenQuotes(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": out += "\""
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out += "'"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Normalises one paragraph; nil when its text holds no `{{`.
    static func normalise(_ paragraph: XMLElement) -> Result? {
        let paths = textPaths(paragraph)
        var texts: [[UInt8]] = []
        var starts: [Int] = []
        var joined: [UInt8] = []
        for path in paths {
            let bytes = Array(paragraph[path: path[...]].textContent.utf8)
            starts.append(joined.count)
            texts.append(bytes)
            joined += bytes
        }
        guard joined.count >= 2, containsOpen(joined) else { return nil }
        let lexed = TemplateLexer.scan(String(decoding: joined, as: UTF8.self))
        guard !lexed.isEmpty else { return nil }

        var pieces: [[XMLNode]] = Array(repeating: [], count: paths.count)
        func segment(containing offset: Int) -> Int {
            for k in paths.indices where starts[k] <= offset && offset < starts[k] + texts[k].count { return k }
            return paths.count - 1
        }
        func distribute(_ a: Int, _ b: Int) {
            guard a < b else { return }
            for k in paths.indices {
                let lo = max(a, starts[k]), hi = min(b, starts[k] + texts[k].count)
                if lo < hi { pieces[k].append(.text(String(decoding: joined[lo..<hi], as: UTF8.self))) }
            }
        }
        var found: [FoundTag] = []
        var position = 0
        var onlyTags = true
        let leadingBlank = isBlank(joined[0..<lexed[0].range.lowerBound])
        let trailingBlank = isBlank(joined[lexed[lexed.count - 1].range.upperBound...])
        for tag in lexed {
            if position < tag.range.lowerBound {
                distribute(position, tag.range.lowerBound)
                if !isBlank(joined[position..<tag.range.lowerBound]) { onlyTags = false }
            }
            let k = segment(containing: tag.range.lowerBound)
            let text = straightenQuotes(String(decoding: joined[tag.range], as: UTF8.self))
            pieces[k].append(.raw(text))
            found.append(FoundTag(tag: tag, text: text, runPath: Array(paths[k].dropLast())))
            position = tag.range.upperBound
        }
        if position < joined.count {
            distribute(position, joined.count)
            if !isBlank(joined[position...]) { onlyTags = false }
        }

        var result = paragraph
        var emptied: [[Int]] = []
        for (k, path) in paths.enumerated() {
            var t = result[path: path[...]]
            t.children = pieces[k]
            if pieces[k].contains(where: { if case .raw = $0 { return true }; return false }) {
                t.setAttribute("xml:space", "preserve")
            }
            result[path: path[...]] = t
            if pieces[k].isEmpty { emptied.append(Array(path.dropLast())) }
        }
        // Drop runs left with nothing but properties (in reverse, so paths stay valid).
        for runPath in emptied.reversed() {
            let run = result[path: runPath[...]]
            let onlyEmpty = run.elements.allSatisfy { $0.name == "w:rPr" || ($0.name == "w:t" && $0.children.isEmpty) }
            guard onlyEmpty, let last = runPath.last else { continue }
            var parent = result[path: runPath.dropLast()]
            parent.children.remove(at: last)
            result[path: runPath.dropLast()] = parent
        }
        // Paths recorded in `found` may have shifted: recompute them from the raw nodes.
        return Result(paragraph: result, tags: relocate(found, in: result), onlyTags: onlyTags,
                      leadingBlank: leadingBlank, trailingBlank: trailingBlank)
    }

    private static func relocate(_ found: [FoundTag], in paragraph: XMLElement) -> [FoundTag] {
        var runPaths: [[Int]] = []
        for path in textPaths(paragraph) {
            let t = paragraph[path: path[...]]
            for case .raw in t.children { runPaths.append(Array(path.dropLast())) }
        }
        var out = found
        for i in out.indices where i < runPaths.count { out[i].runPath = runPaths[i] }
        return out
    }

    private static func containsOpen(_ b: [UInt8]) -> Bool {
        for i in 0..<(b.count - 1) where b[i] == 0x7B && b[i + 1] == 0x7B { return true }
        return false
    }

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            || String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
