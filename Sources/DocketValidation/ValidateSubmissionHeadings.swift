import DocketCore
import DocketDeliverables
import DocketSchema
import Foundation

/// The headings every filled Markdown submission keeps: those of `template.md` outside any
/// section (`{{#…}}`/`{{^…}}`), a tag in them matching any text.
enum TemplateHeadings {
    struct Heading: Sendable {
        var text: String
        var pattern: String
    }

    static func required(_ deliverable: Deliverable) -> [Heading] {
        guard let text = try? String(contentsOf: deliverable.templateMarkdownURL, encoding: .utf8) else { return [] }
        return required(template: text)
    }

    static func required(template: String) -> [Heading] {
        var depth = 0
        var inComment = false
        var out: [Heading] = []
        for line in template.components(separatedBy: "\n") {
            if inComment { if line.contains("}}") { inComment = false }; continue }
            if line.contains("{{!") && !line.contains("}}") { inComment = true; continue }
            if depth == 0, let heading = MarkdownSubmission.headingText(line) {
                out.append(Heading(text: heading, pattern: pattern(heading)))
            }
            depth += LeftoverText.matches(#"\{\{[#^][^}]*\}\}"#, in: line).count
            depth -= LeftoverText.matches(#"\{\{/[^}]*\}\}"#, in: line).count
            depth = max(depth, 0)
        }
        return out
    }

    /// `Section 1. {{derived.org}} Information` → `^Section 1\. .+ Information$`.
    static func pattern(_ heading: String) -> String {
        var out = "^"
        var rest = Substring(heading)
        while let open = rest.range(of: "{{"), let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) {
            out += NSRegularExpression.escapedPattern(for: String(rest[..<open.lowerBound])) + ".+"
            rest = rest[close.upperBound...]
        }
        return out + NSRegularExpression.escapedPattern(for: String(rest)) + "$"
    }
}

/// Word limits of narrative sections in a Markdown submission (`wordLimits:` of deliverable.yaml;
/// the same counts as the schema's `x-docket-*` keywords: DocketCore `WordCount`).
enum NarrativeLimits {
    static func check(_ md: MarkdownSubmission, _ limits: [Deliverable.WordLimit]) -> [Diagnostic] {
        limits.compactMap { limit in
            guard let (text, line) = md.sectionText(heading: limit.heading, after: limit.after) else { return nil }
            let words = WordCount.count(text)
            guard words > limit.maxWords else { return nil }
            return Diagnostic(limit.severity, rule: limit.rule,
                              "the section has \(words) words; the form says \(limit.what)", location: md.location(line))
        }
    }
}
