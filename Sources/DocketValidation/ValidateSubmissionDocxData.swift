import DocketCore
import DocketDOCX
import DocketDeliverables
import Foundation

/// The data rebuilt from a .docx's answers, checked with the deliverable's schema and named
/// rules. Only problems about what the document can hold are kept (a .docx carries answers, not
/// e.g. `entity.type`): a diagnostic whose pointer is an answer, inside one or above one, or a
/// missing required property that is an answer region of the template. Properties the schema
/// does not know are not reported (the template, not the document, decides the tags).
extension DocxSubmission {
    func dataProblems(_ deliverable: Deliverable, _ options: ValidationOptions, tags: [TemplateAnswerTags.Tag]) -> [Diagnostic] {
        let loaded = LoadedData(value: data, path: path)
        var schema: [Diagnostic] = []
        do { schema = try options.catalog.validate(loaded, schemaAt: options.schemaURL(for: deliverable)).diagnostics } catch {
            return error.diagnostics
        }
        // `--schema` replaces the deliverable's checks, for a .docx as for a data file.
        var rules: [Diagnostic] = []
        if options.schemaPath == nil {
            var off = RuleSettings()
            off.disabled = deliverable.hiddenFieldRules
            rules = DeliverableRules.check(deliverable, data: data, overrides: off)
        }
        let boxPointers = Set(boxes.problems.compactMap(\.instanceLocation))
        return DataCheck.merge(schema: schema, rules: rules).compactMap { d in
            let pointer = Self.subject(d)
            // A tag the data model lacks (e.g. the fixed role labels of the PIP contacts table)
            // is the template's business, not the submitter's.
            let extra = ["/additionalProperties", "/unevaluatedProperties"].contains { d.keywordLocation?.hasSuffix($0) == true }
            guard !extra, !boxPointers.contains(pointer), relevant(pointer, required: d.property != nil, tags) else { return nil }
            return placed(d, pointer)
        }
    }

    /// The pointer a diagnostic is about: for a missing required property, the property's.
    static func subject(_ d: Diagnostic) -> String {
        let at = d.instanceLocation ?? ""
        guard let property = d.property else { return at }
        return JSONPointer.appending(at, property)
    }

    private func relevant(_ pointer: String, required: Bool, _ tags: [TemplateAnswerTags.Tag]) -> Bool {
        if required { return tags.contains { $0.pointerMatches(pointer) } }
        return answers.contains { DataCheck.related(Self.pointer($0.path), pointer) }
    }

    /// `d` at the place of the answer it is about (the answer itself, else the first inside it,
    /// else the nearest around it), its message naming the answer.
    private func placed(_ d: Diagnostic, _ pointer: String) -> Diagnostic {
        let candidates = answers.filter { Self.pointer($0.path) == pointer }
            + answers.filter { Self.pointer($0.path).hasPrefix(pointer + "/") }
            + answers.filter { pointer.hasPrefix(Self.pointer($0.path) + "/") }
        var d = d
        d.instanceLocation = pointer
        if let answer = candidates.first {
            d.location = answer.location
            let dotted = JSONPointer.dotted(pointer)
            // An empty answer (a blank form's placeholder) is missing, not "0 characters long".
            let empty = Self.pointer(answer.path) == pointer && answer.kind == .text
                && (answer.isPlaceholder || answer.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            let length = ["/minLength", "/pattern", "/minItems"].contains { d.keywordLocation?.hasSuffix($0) == true }
            d.message = empty && length ? "answer `\(dotted)` is missing" : "answer `\(dotted)`: " + d.message
        } else {
            d.location = SourceLocation(file: path)
        }
        return d
    }

}

/// The `docket:` answer tags of a deliverable's DOCX template (`Templates/<id>/docx/word/document.xml`):
/// a tag outside every `{{#…}}`/`{{^…}}` section must be in a filled document; tags may hold
/// template tags (`docket:{{path}}.name`), which match any text.
enum TemplateAnswerTags {
    struct Tag: Sendable {
        /// The tag without `docket:`, e.g. `check:commitment.publicStatement.exists`.
        var text: String
        var required: Bool
        var regex: String

        /// The field path (without `check:` / `checkNo:`).
        var path: String { AnswerTag(key: text).path }

        func matches(_ key: String) -> Bool { key.range(of: regex, options: .regularExpression) != nil }

        /// Whether `pointer` is this tag's field or a container of it.
        func pointerMatches(_ pointer: String) -> Bool {
            let dotted = JSONPointer.tokens(pointer).joined(separator: ".")
            let fieldRegex = String(TemplateAnswerTags.regex(path).dropFirst().dropLast())
            return dotted.range(of: "^" + fieldRegex + "$", options: .regularExpression) != nil
                || (!dotted.isEmpty && fieldRegex.hasPrefix(NSRegularExpression.escapedPattern(for: dotted) + "\\."))
        }
    }

    /// The tags of `deliverable`'s template (cached per run by `TemplateFacts`).
    static func read(_ deliverable: Deliverable) -> [Tag] {
        let url = deliverable.docxFolderURL.appendingPathComponent("word/document.xml")
        return parse((try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }

    static func parse(_ xml: String) -> [Tag] {
        var depth = 0
        var out: [Tag] = []
        for token in LeftoverText.matches(#"\{\{[#^/][^}]*\}\}|w:val="docket:[^"]*""#, in: xml) {
            if token.hasPrefix("{{/") { depth = max(depth - 1, 0); continue }
            if token.hasPrefix("{{") { depth += 1; continue }
            let text = String(token.dropFirst(#"w:val="docket:"#.count).dropLast())
            out.append(Tag(text: text, required: depth == 0 && !text.contains("{{"), regex: regex(text)))
        }
        return out
    }

    /// `{{path}}.name` → `^.+\.name$`.
    static func regex(_ text: String) -> String {
        let parts = text.components(separatedBy: "{{")
        var out = "^" + NSRegularExpression.escapedPattern(for: parts[0])
        for part in parts.dropFirst() {
            let rest = part.components(separatedBy: "}}").dropFirst().joined(separator: "}}")
            out += ".+" + NSRegularExpression.escapedPattern(for: rest)
        }
        return out + "$"
    }
}
