import DocketCore
import DocketXML
import Foundation

/// The last way to find answers, when an editor dropped both the content-control tags and the
/// bookmarks (Google Docs, pandoc): align the document's paragraphs with the form's fixed text.
/// Each block answer of the template (a tagged control that is a whole paragraph or more, e.g. a
/// narrative after "Response:") is the run of document paragraphs between the fixed paragraph
/// before it in the template and the fixed paragraph after it. Inline answers (names in a table)
/// are not located this way. Answers found so are `foundBy: .alignment`; the caller warns.
public enum AnswerAlignment {
    /// One answer slot of a template: its path and its fixed neighbours.
    public struct Slot: Sendable, Hashable {
        public var path: String
        /// The fixed paragraph just before the answer (normalised).
        public var before: String
        /// The fixed paragraph just after it, nil at the end of the document (normalised).
        public var after: String?
    }

    /// What a DOCX template's main part says about where its answers are, read in one walk:
    /// the block answer slots (body-level controls tagged `docket:<path>` whose path has no
    /// template tag) with their fixed neighbours, every fixed paragraph (tables included), and the
    /// paragraphs the template computes ("Appendix {{letter}}: …") as whole-paragraph patterns
    /// (tags match any text; only those with 8 or more fixed characters).
    public struct Template: Sendable {
        public var slots: [Slot] = []
        public var fixed: Set<String> = []
        public var patterns: [NSRegularExpression] = []

        public init(document: XMLElement) {
            guard let body = document.child("w:body") else { return }
            enum Item { case fixed(String), answer(String), other }
            var items: [Item] = []
            /// Classifies one paragraph: fixed text, computed text (a pattern) or an answer's.
            func paragraph(_ p: XMLElement) -> Item {
                let text = normal(WMLReader.visibleText(p))
                if hasAnswer(p) { return .other }
                if text.contains("{{") {
                    if let regex = Self.pattern(text) { patterns.append(regex) }
                    return .other
                }
                if text.isEmpty { return .other }
                fixed.insert(text)
                return .fixed(text)
            }
            func walk(_ e: XMLElement) {
                for node in e.children {
                    guard case .element(let c) = node else { continue }
                    if c.name == "w:p" { _ = paragraph(c) } else if c.name != "w:sdt" { walk(c) }
                }
            }
            for node in body.children {
                guard case .element(let e) = node else { continue }
                switch e.name {
                case "w:p":
                    items.append(paragraph(e))
                case "w:sdt":
                    if let tag = e.child("w:sdtPr")?.child("w:tag")?.attribute("w:val").flatMap(AnswerTag.init(tag:)),
                       tag.kind == .text, !tag.path.contains("{{") {
                        items.append(.answer(tag.path))
                    } else {
                        items.append(.other)
                    }
                default:
                    walk(e)
                    items.append(.other)
                }
            }
            func fixedText(_ item: Item) -> String? { if case .fixed(let t) = item { return t } else { return nil } }
            for (i, item) in items.enumerated() {
                guard case .answer(let path) = item, let before = items[..<i].reversed().lazy.compactMap(fixedText).first else { continue }
                slots.append(Slot(path: path, before: before, after: items[(i + 1)...].lazy.compactMap(fixedText).first))
            }
        }

        /// A computed paragraph's text as a whole-paragraph pattern, if it has enough fixed text.
        static func pattern(_ text: String) -> NSRegularExpression? {
            var pattern = "^", literal = 0, rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) {
                let fixed = String(rest[..<open.lowerBound])
                literal += fixed.trimmingCharacters(in: .whitespaces).count
                pattern += NSRegularExpression.escapedPattern(for: fixed) + ".*"
                rest = rest[close.upperBound...]
            }
            literal += rest.trimmingCharacters(in: .whitespaces).count
            pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
            return literal >= 8 ? try? NSRegularExpression(pattern: pattern) : nil
        }

        /// The answers of the slots in `paragraphs` (in document order): for each slot, the
        /// paragraphs after its `before` text up to its `after` text, joined by blank lines.
        ///
        /// The `after` text must follow (the alignment holds); the answer ends there or earlier at
        /// a heading or at a paragraph the template computes. Fixed text alone does not end it
        /// (answers quote the form), but an answer whose first paragraph is fixed text of the form
        /// is no answer: a wrong answer is worse than none.
        public func locate(in paragraphs: [DocxParagraph]) -> [DocxAnswer] {
            let texts = paragraphs.map { normal($0.text) }
            var cursor = 0
            var out: [DocxAnswer] = []
            for slot in slots {
                guard let start = texts[cursor...].firstIndex(of: slot.before),
                      let a = slot.after, let after = texts[(start + 1)...].firstIndex(of: a) else { continue }
                let end = paragraphs.indices[(start + 1)..<after].first { i in
                    paragraphs[i].isHeading || patterns.contains { $0.firstMatch(in: texts[i], range: NSRange(texts[i].startIndex..., in: texts[i])) != nil }
                } ?? after
                guard end > start + 1, !fixed.contains(texts[start + 1]) else { continue }
                // Checkbox lines of the form (☒ Yes … ☐ No …) between the question and the answer are not the answer.
                let body = paragraphs[(start + 1)..<end].map(\.text).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    .drop { $0.hasPrefix("☒") || $0.hasPrefix("☐") }
                guard !body.isEmpty else { continue }
                let text = body.joined(separator: "\n\n")
                out.append(DocxAnswer(kind: .text, path: slot.path, text: text, location: paragraphs[start + 1].location,
                                      foundBy: .alignment, markdown: text))
                cursor = end
            }
            return out
        }
    }

    static func hasAnswer(_ e: XMLElement) -> Bool {
        e.children.contains { node in
            guard case .element(let c) = node else { return false }
            if c.name == "w:sdt", c.child("w:sdtPr")?.child("w:tag")?.attribute("w:val")?.hasPrefix("docket:") == true { return true }
            return hasAnswer(c)
        }
    }

    /// Whitespace collapsed, trimmed; Markdown emphasis marks, footnote markers and a trailing colon do not count.
    static func normal(_ text: String) -> String {
        // Footnote markers of a template (`[^label]`) are references in the filled document, not text.
        let unmarked = text.replacingOccurrences(of: #"\[\^[^\]]*\]"#, with: "", options: .regularExpression)
        let words = unmarked.replacingOccurrences(of: "*", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.hasSuffix(":") ? String(words.dropLast()) : words
    }
}
