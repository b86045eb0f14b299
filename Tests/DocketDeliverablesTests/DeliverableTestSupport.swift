import DocketCore
import DocketDeliverables
import DocketTemplate
import DocketTestSupport
import Foundation

/// Shared helpers: the shipped registry, example data and Markdown rendering through the engine.
enum Shipped {
    static let registry: DeliverableRegistry = try! DeliverableRegistry.load(root: TestPaths.packageRoot)
    static let date = "2023-09-29"

    static func deliverable(_ id: String) -> Deliverable { registry.deliverable(id: id)! }

    static func example(_ id: String) -> JSONValue {
        try! DataLoader.load(path: deliverable(id).exampleURL.path).value
    }

    /// The template filled with `data` as Markdown; fails the caller's expectations via diagnostics.
    static func markdown(_ id: String, data: JSONValue? = nil) -> RenderResult {
        let d = deliverable(id)
        let text = try! String(contentsOf: d.templateMarkdownURL, encoding: .utf8)
        let template = try! Template(text, name: "template.md", locator: .lineColumn(file: d.templateMarkdownURL.path))
        return template.render(d.enrich(data ?? example(id), date: date), format: MarkdownFormat())
    }

    /// Seed text line `n` (1-based) without extraction artefacts (bookmarks, footnotes).
    static func seedLine(_ lines: [String], _ n: Int) -> String {
        var s = lines[n - 1]
        for pattern in [#"\[bookmark: [^\]]*\]"#, #"\[footnoteRef:\d+\]"#, #"\s*\[\d+:\s.*\]\s*$"#] {
            s = s.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        s = s.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        s = s.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("·") { s = String(s.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return s
    }

    /// The seed's footnotes (`[n:  text]` at the end of the citing line), in order.
    static func seedFootnotes(_ lines: [String]) -> [(number: Int, line: Int, text: String)] {
        lines.enumerated().compactMap { i, line in
            guard let r = line.range(of: #"\[\d+:\s+.*\]\s*$"#, options: .regularExpression) else { return nil }
            let body = line[r]
            let number = Int(body.dropFirst().prefix { $0.isNumber })!
            var text = String(body.drop { $0 != ":" }.dropFirst())
            text = String(text[..<text.lastIndex(of: "]")!])
            return (number, i + 1, text.foldedWhitespace)
        }
    }

    static func seed(_ name: String) -> [String] {
        let url = TestPaths.shared.appendingPathComponent("seeds").appendingPathComponent(name)
        return try! String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    }
}

/// Reads back filled Markdown: headings, table rows, list items, with backslash escapes removed.
struct MarkdownReader {
    let lines: [String]
    init(_ text: String) { lines = text.components(separatedBy: "\n") }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: #"\\([\\`*_\[\]<>#|+\-.!{}()])"#, with: "$1", options: .regularExpression)
    }

    /// Headings, GFM footnote references (`[^label]`) left out.
    var headings: [String] {
        lines.filter { $0.hasPrefix("#") }.map {
            Self.withoutFootnoteReferences(Self.unescape(String($0.drop(while: { $0 == "#" })).trimmingCharacters(in: .whitespaces)))
        }
    }

    static func withoutFootnoteReferences(_ s: String) -> String {
        s.replacingOccurrences(of: #"\[\^[^\]\s]+\]"#, with: "", options: .regularExpression)
    }

    /// GFM footnote definitions (`[^label]: text`, at any indentation) by label, and the labels
    /// in the order of their first reference.
    var footnotes: (definitions: [String: String], order: [String]) {
        var definitions: [String: String] = [:]
        var order: [String] = []
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            if let m = t.range(of: #"^\[\^[^\]\s]+\]:\s*"#, options: .regularExpression) {
                definitions[String(t[m].dropFirst(2).prefix { $0 != "]" })] = Self.unescape(String(t[m.upperBound...]))
                continue
            }
            var rest = t[...]
            while let r = rest.range(of: #"\[\^[^\]\s]+\]"#, options: .regularExpression) {
                let label = String(rest[r].dropFirst(2).dropLast())
                if !order.contains(label) { order.append(label) }
                rest = rest[r.upperBound...]
            }
        }
        return (definitions, order)
    }

    /// Index of the line that is the heading `title` (any level).
    func headingIndex(_ title: String) -> Int? {
        lines.firstIndex { $0.hasPrefix("#") && Self.unescape(String($0.drop(while: { $0 == "#" })).trimmingCharacters(in: .whitespaces)) == title }
    }

    /// Lines from the heading `title` up to the next heading of any level.
    func section(_ title: String, from start: Int = 0) -> ArraySlice<String> {
        guard let i = lines[start...].firstIndex(where: {
            $0.hasPrefix("#") && Self.unescape(String($0.drop(while: { $0 == "#" })).trimmingCharacters(in: .whitespaces)) == title
        }) else { return [] }
        let end = lines[(i + 1)...].firstIndex { $0.hasPrefix("#") } ?? lines.count
        return lines[(i + 1)..<end]
    }

    /// Top-level `- ` items of a block of lines.
    static func items(_ block: ArraySlice<String>) -> [String] {
        block.filter { $0.hasPrefix("- ") }.map { unescape(String($0.dropFirst(2))) }
    }

    /// Body rows of the first table in a block, as cells.
    static func tableRows(_ block: ArraySlice<String>) -> [[String]] {
        let rows = block.filter { $0.hasPrefix("|") }
        return rows.dropFirst(2).map { row in
            row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { unescape($0.trimmingCharacters(in: .whitespaces)) }
        }
    }
}
