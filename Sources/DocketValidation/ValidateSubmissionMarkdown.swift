import DocketCore
import DocketDeliverables
import Foundation

/// Checks of a filled Markdown submission (`docket fill --format md` output, possibly edited):
/// leftover template text, the template's headings present and in order, and word counts of
/// the narrative sections. Locations are `file:line:1`.
struct MarkdownSubmission: Sendable {
    let path: String
    let lines: [String]

    init(path: String, text: String) {
        self.path = path
        self.lines = text.components(separatedBy: "\n")
    }

    /// Non-blank lines with their line numbers.
    var blocks: [SubmissionBlock] {
        lines.enumerated().compactMap { i, line in
            line.trimmingCharacters(in: .whitespaces).isEmpty ? nil
                : SubmissionBlock(text: line, location: location(i))
        }
    }

    func location(_ index: Int) -> SourceLocation {
        SourceLocation(file: path, position: SourcePosition(line: index + 1, column: 1))
    }

    /// Heading text (without `#` and backslash escapes) of line `i`, or nil.
    func heading(_ i: Int) -> String? { Self.headingText(lines[i]) }

    static func headingText(_ line: String) -> String? {
        guard line.hasPrefix("#") else { return nil }
        let text = line.drop(while: { $0 == "#" })
        guard text.first == " " else { return nil }
        return text.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: #"\\([\\`*_\[\]<>#|+\-.!{}()])"#, with: "$1", options: .regularExpression)
    }

    func check(_ deliverable: Deliverable, headings: [TemplateHeadings.Heading]) -> [Diagnostic] {
        let blocks = blocks
        let headingLines = Set(lines.indices.filter { heading($0) != nil })
        var out = LeftoverText.check(blocks) { i in
            guard blocks.indices.contains(i), let line = blocks[i].location.position?.line else { return true }
            return headingLines.contains(line - 1)
        }
        out += headingsInOrder(headings)
        out += NarrativeLimits.check(self, deliverable.wordLimits)
        return out
    }

    /// Each required heading (a regular expression) found after the previous one.
    func headingsInOrder(_ required: [TemplateHeadings.Heading]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var from = 0
        for h in required {
            let found = lines.indices.dropFirst(from).first { i in
                heading(i).map { $0.range(of: h.pattern, options: .regularExpression) != nil } ?? false
            }
            if let found {
                from = found + 1
            } else {
                let elsewhere = lines.indices.contains { heading($0)?.range(of: h.pattern, options: .regularExpression) != nil }
                out.append(Diagnostic(.error, rule: "submission.heading",
                    elsewhere ? "heading \"\(h.text)\" is out of order: the template puts it after the previous section"
                              : "heading \"\(h.text)\" of the template is missing",
                    location: location(min(from, max(lines.count - 1, 0)))))
            }
        }
        return out
    }

    /// The lines under the heading matching `pattern` up to the next heading of the same or a
    /// higher level, starting after a line matching `after` when given (e.g. "Response:").
    func sectionText(heading pattern: String, after marker: String? = nil) -> (String, Int)? {
        guard let start = lines.indices.first(where: { heading($0)?.range(of: pattern, options: .regularExpression) != nil }) else { return nil }
        let level = lines[start].prefix(while: { $0 == "#" }).count
        var end = start + 1
        while end < lines.count {
            if heading(end) != nil, lines[end].prefix(while: { $0 == "#" }).count <= level { break }
            end += 1
        }
        var body = Array(lines[(start + 1)..<end])
        if let marker, let m = body.firstIndex(where: { $0.contains(marker) }) { body = Array(body[(m + 1)...]) }
        return (body.joined(separator: "\n"), start)
    }
}
