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
    /// Rules that need fields no answer region holds (the IA focus-area ids are template text).
    static let rulesNeedingHiddenFields = ["R002-03"]

    func dataProblems(_ deliverable: Deliverable, _ settings: ValidationSettings, boxes: (values: [String: Bool], problems: [Diagnostic])) -> [Diagnostic] {
        var data: JSONValue = [:]
        for a in answers where a.kind == .text { data = Self.setting(data, a.path, .string(a.isPlaceholder ? "" : a.text)) }
        for (path, value) in boxes.values { data = Self.setting(data, path, .bool(value)) }
        let loaded = LoadedData(value: data, path: path)
        let schemaURL = settings.schemaPath.map { URL(fileURLWithPath: $0) } ?? deliverable.schemaURL
        var schema: [Diagnostic] = []
        do { schema = try settings.catalog.validate(loaded, schemaAt: schemaURL).diagnostics } catch {
            return error.diagnostics
        }
        var off = RuleSettings()
        off.disabled = Set(Self.rulesNeedingHiddenFields)
        let rules = DeliverableRules.check(deliverable, data: data, overrides: off)
        let boxPointers = Set(boxes.problems.compactMap(\.instanceLocation))
        let tags = TemplateAnswerTags.of(deliverable)
        return NamedRuleCheck.merge(schema: schema, rules: rules).compactMap { d in
            let pointer = Self.subject(d)
            // A tag the data model lacks (e.g. the fixed role labels of the PIP contacts table)
            // is the template's business, not the submitter's.
            let extra = ["/additionalProperties", "/unevaluatedProperties"].contains { d.keywordLocation?.hasSuffix($0) == true }
            guard !extra, !boxPointers.contains(pointer), relevant(pointer, required: d.keywordLocation?.hasSuffix("/required") == true, tags) else { return nil }
            return placed(d, pointer)
        }
    }

    /// The pointer a diagnostic is about: for a missing required property, the property's.
    static func subject(_ d: Diagnostic) -> String {
        let at = d.instanceLocation ?? ""
        guard d.keywordLocation?.hasSuffix("/required") == true,
              let r = d.message.range(of: #"'[^']+'"#, options: .regularExpression) else { return at }
        return at + "/" + JSONPointer.escape(String(d.message[r].dropFirst().dropLast()))
    }

    private func relevant(_ pointer: String, required: Bool, _ tags: [TemplateAnswerTags.Tag]) -> Bool {
        if required { return tags.contains { $0.pointerMatches(pointer) } }
        return answers.contains { NamedRuleCheck.related(Self.pointer($0.path), pointer) }
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
            let dotted = JSONPointer.tokens(pointer).joined(separator: ".")
            d.message = "answer `\(dotted)`: " + d.message
        } else {
            d.location = SourceLocation(file: path)
        }
        return d
    }

    /// `data` with `value` at the dotted `path` (numeric segments index lists).
    static func setting(_ data: JSONValue, _ path: String, _ value: JSONValue) -> JSONValue {
        set(data, path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...], value)
    }

    private static func set(_ node: JSONValue, _ keys: ArraySlice<String>, _ value: JSONValue) -> JSONValue {
        guard let key = keys.first else { return value }
        if let i = Int(key), i >= 0, i < 10_000 {
            var a = node.arrayValue ?? []
            while a.count <= i { a.append(.null) }
            a[i] = set(a[i], keys.dropFirst(), value)
            return .array(a)
        }
        var o = node.objectValue ?? [:]
        o[key] = set(o[key] ?? .null, keys.dropFirst(), value)
        return .object(o)
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
        var path: String {
            for prefix in ["check:", "checkNo:"] where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
            return text
        }

        func matches(_ key: String) -> Bool { key.range(of: regex, options: .regularExpression) != nil }

        /// Whether `pointer` is this tag's field or a container of it.
        func pointerMatches(_ pointer: String) -> Bool {
            let dotted = JSONPointer.tokens(pointer).joined(separator: ".")
            let fieldRegex = String(regex.dropFirst().dropLast())
                .replacingOccurrences(of: #"^check(No)?:"#, with: "", options: .regularExpression)
            return dotted.range(of: "^" + fieldRegex + "$", options: .regularExpression) != nil
                || (!dotted.isEmpty && fieldRegex.hasPrefix(NSRegularExpression.escapedPattern(for: dotted) + "\\."))
        }
    }

    nonisolated(unsafe) private static var cache: [String: [Tag]] = [:]
    private static let lock = NSLock()

    static func of(_ deliverable: Deliverable) -> [Tag] {
        if let hit = lock.withLock({ cache[deliverable.id] }) { return hit }
        let url = deliverable.docxFolderURL.appendingPathComponent("word/document.xml")
        let xml = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let tags = parse(xml)
        lock.withLock { cache[deliverable.id] = tags }
        return tags
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
