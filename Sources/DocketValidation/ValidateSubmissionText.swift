import DocketCore
import Foundation

/// One piece of text of a submission with where it is: a Markdown line, or a DOCX paragraph
/// with its heading / table, row and cell.
struct SubmissionBlock: Sendable {
    var text: String
    var location: SourceLocation
}

/// Template text that should not survive into an upload: unfilled tags `{{…}}`,
/// `[MISSING: …]` markers of `docket fill --allow-missing`, and a "Response:" with nothing after it.
enum LeftoverText {
    static let tag = #"\{\{[^}]*\}\}"#
    static let missing = #"\[MISSING: [^\]]*\]"#  // Markdown output escapes the `]` as `\]`

    /// Every leftover in `blocks` (in order). A "Response:" block is empty when it has no text
    /// after the colon and the next block is absent, blank or a heading (`isHeading`).
    static func check(_ blocks: [SubmissionBlock], isHeading: (Int) -> Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, block) in blocks.enumerated() {
            for (pattern, what) in [(tag, "an unfilled template tag"), (missing, "a missing-field marker")] {
                for match in matches(pattern, in: block.text) {
                    out.append(Diagnostic(.error, rule: "submission.leftover",
                        "\(what) `\(match.replacingOccurrences(of: "\\", with: ""))` is still in the document: fill it in", location: block.location))
                }
            }
            if isResponseLabel(block.text) {
                let next = blocks.indices.contains(i + 1) ? blocks[i + 1].text : ""
                let after = block.text.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                if after.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "*_"))).isEmpty,
                   next.trimmingCharacters(in: .whitespaces).isEmpty || isHeading(i + 1) {
                    out.append(Diagnostic(.error, rule: "submission.empty-response",
                        "\"Response:\" is empty: write the response below it", location: block.location))
                }
            }
        }
        return out
    }

    /// `Response:` alone (Markdown emphasis allowed), or `Response: …`.
    static func isResponseLabel(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "*_"))
        return t.hasPrefix("Response:") || t.hasPrefix("Response**:") || t == "Response"
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let r = rest.range(of: pattern, options: .regularExpression) {
            out.append(String(rest[r]))
            rest = rest[r.upperBound...]
        }
        return out
    }
}
