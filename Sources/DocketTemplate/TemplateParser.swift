import DocketCore

/// Builds the node tree from lexer tokens and collects every structural error in one pass:
/// unclosed tags, unclosed sections, close tags with no open, crossing sections, unknown partials.
struct TemplateParser {
    var diagnostics: [Diagnostic] = []
    let locate: (Int) -> SourceLocation
    let partialNames: Set<String>

    private struct Open {
        var tag: LexedTag
        var children: [TemplateNode] = []
    }

    mutating func parse(_ tokens: [LexToken]) -> [TemplateNode] {
        var stack: [Open] = [Open(tag: LexedTag(kind: .section, name: "", filter: nil, range: 0..<0))]
        func append(_ node: TemplateNode) { stack[stack.count - 1].children.append(node) }

        for token in tokens {
            switch token {
            case .text(let s, _):
                append(.text(s))
            case .unclosed(let offset, let delimiter):
                error("template.unclosed-tag", "tag is not closed: expected '\(delimiter)'", at: offset)
            case .tag(let tag, let indentation):
                switch tag.kind {
                case .comment, .setDelimiter:
                    if tag.kind == .setDelimiter, !tag.name.isEmpty {
                        error("template.syntax", "set-delimiter tag needs two delimiters, e.g. {{=<% %>=}}", at: tag.range.lowerBound)
                    }
                case .variable, .unescaped:
                    if tag.name.isEmpty {
                        error("template.syntax", "empty tag: put a field name between the braces", at: tag.range.lowerBound)
                    } else {
                        append(.variable(TagRef(tag), escaped: tag.kind == .variable))
                    }
                case .partial:
                    if !partialNames.contains(tag.name) {
                        let known = partialNames.sorted().joined(separator: ", ")
                        error("template.unknown-partial", "unknown partial '\(tag.name)'" + (known.isEmpty ? "" : "; known partials: \(known)"), at: tag.range.lowerBound)
                    }
                    append(.partial(name: tag.name, indentation: indentation, offset: tag.range.lowerBound))
                case .section, .inverted:
                    if tag.name.isEmpty {
                        error("template.syntax", "section tag without a name", at: tag.range.lowerBound)
                    }
                    stack.append(Open(tag: tag))
                case .close:
                    guard stack.count > 1 else {
                        error("template.unbalanced", "'{{/\(tag.name)}}' closes a section that was never opened", at: tag.range.lowerBound)
                        continue
                    }
                    let top = stack[stack.count - 1]
                    let openName = top.tag.filter.map { "\($0)(\(top.tag.name))" } ?? top.tag.name
                    if tag.name != top.tag.name && tag.name != openName {
                        // Crossing or misspelt: is it closing an outer section?
                        if let outer = stack.dropFirst().lastIndex(where: { $0.tag.name == tag.name }) {
                            error("template.crossing-sections",
                                  "'{{/\(tag.name)}}' closes '\(tag.name)' while '\(openName)' (opened at \(locate(top.tag.range.lowerBound).describe)) is still open: sections must nest",
                                  at: tag.range.lowerBound)
                            while stack.count > outer { close(&stack) }
                        } else {
                            error("template.unbalanced",
                                  "'{{/\(tag.name)}}' does not match the open section '\(openName)' (opened at \(locate(top.tag.range.lowerBound).describe))",
                                  at: tag.range.lowerBound)
                        }
                        continue
                    }
                    close(&stack)
                }
            }
        }
        while stack.count > 1 {
            let top = stack[stack.count - 1]
            error("template.unbalanced", "section '\(top.tag.name)' is never closed: add '{{/\(top.tag.name)}}'", at: top.tag.range.lowerBound)
            close(&stack)
        }
        return stack[0].children
    }

    private func close(_ stack: inout [Open]) {
        let top = stack.removeLast()
        stack[stack.count - 1].children.append(.section(TagRef(top.tag), inverted: top.tag.kind == .inverted, children: top.children))
    }

    private mutating func error(_ rule: String, _ message: String, at offset: Int) {
        diagnostics.append(Diagnostic(.error, rule: rule, message, location: locate(offset)))
    }
}

extension SourceLocation {
    /// `line 3, column 5` or the place description, for messages that point elsewhere.
    var describe: String {
        if let place { return place }
        if let position { return "line \(position.line), column \(position.column)" }
        return file
    }
}
