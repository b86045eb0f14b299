import DocketCore
import DocketDOCX
import DocketXML
import DocketDeliverables
import Foundation

/// The data back out of a filled form or a filled deliverable (.docx): each answer typed by the
/// deliverable's schema — Markdown for rich text, `YYYY-MM-DD` for dates, booleans for
/// checkboxes and Yes/No, numbers, the schema's spelling of a choice — at its path, in schema
/// order. Empty answers and placeholders give nothing, so a blank form extracts to `{}`.
/// Answers the schema does not know (derived text such as `entity.typeDescription`) are left out.
public struct Extraction: Sendable {
    public struct Found: Sendable, Hashable {
        public var path: String
        public var foundBy: DocxAnswer.Source
        public var location: SourceLocation
    }

    public var deliverable: String
    public var data: JSONValue
    /// Every answer that gave a value, and how it was found (tag or bookmark).
    public var found: [Found]
    public var diagnostics: [Diagnostic]
    let schema: FormSchema

    /// The data as YAML, keys in schema order.
    public var yaml: String { OrderedWriter.yaml(data, schema: schema) }
    /// The data as JSON, keys in schema order.
    public var json: String { OrderedWriter.json(data, schema: schema) }
}

public enum FormExtractor {
    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
        /// `.usage` when the file cannot be read or the deliverable is unknown, else `.invalid`.
        public var status: ExitStatus
        /// Why the package was refused, when it was (not a .docx, a legacy .doc, damaged, unsafe).
        public var kind: PackageError.Kind?
        public init(diagnostic: Diagnostic, status: ExitStatus, kind: PackageError.Kind? = nil) {
            self.diagnostic = diagnostic
            self.status = status
            self.kind = kind
        }
    }

    /// Reads `url` and extracts its data for `deliverable` (else the deliverable the answers point to).
    public static func extract(docx url: URL, registry: DeliverableRegistry, deliverable id: String? = nil) throws(Failure) -> Extraction {
        var answers: [DocxAnswer]
        let paragraphs: [DocxParagraph]
        do {
            (answers, paragraphs) = try DocxAnswers.readAll(package: try OOXMLPackage.load(docx: url), file: url.path)
        } catch { throw refused(url, error) }
        let stem = url.deletingPathExtension().lastPathComponent
        let named = registry.deliverables.first { $0.naming.pattern.values(in: stem) != nil }
        let deliverable: Deliverable
        var aligned = false
        if answers.isEmpty, let d = id.flatMap(registry.deliverable(id:)) ?? named {
            // Tags and bookmarks both gone (Google Docs, pandoc): the answers between the form's fixed text.
            answers = alignedAnswers(d, paragraphs)
            aligned = !answers.isEmpty
        }
        if let id {
            guard let d = registry.deliverable(id: id) else {
                throw Failure(diagnostic: Diagnostic(.error, rule: "extract.deliverable", "unknown deliverable '\(id)'; known: \(registry.ids.joined(separator: ", "))"), status: .usage)
            }
            deliverable = d
        } else {
            let schemas = registry.deliverables.map { ($0, try? FormSchema.load($0.schemaURL)) }
            // Deliverables sharing a schema (the PIP reports) tie on it: the one the file's OnBase name fits wins.
            let scored = schemas.map { d, s in
                (d, 2 * answers.filter { !$0.path.hasPrefix("entity.") && s?.knows($0.path) == true }.count
                    + (d.naming.pattern.values(in: stem) != nil ? 1 : 0))
            }.sorted { $0.1 > $1.1 }
            guard let top = scored.first, top.1 > 1, scored.dropFirst().first?.1 != top.1 else {
                throw Failure(diagnostic: Diagnostic(.error, rule: "extract.deliverable",
                    "cannot tell which deliverable this document is: pass --deliverable <id> (\(registry.ids.joined(separator: ", ")))",
                    location: SourceLocation(file: url.path)), status: .usage)
            }
            deliverable = top.0
        }
        let schema: FormSchema
        do { schema = try FormSchema.load(deliverable.schemaURL) } catch {
            throw Failure(diagnostic: error.diagnostic, status: .usage)
        }
        var extraction = extract(answers: answers, schema: schema, deliverable: deliverable.id)
        if aligned {
            extraction.diagnostics.append(Diagnostic(.warning, rule: "extract.aligned",
                "answers located by their headings: the document lost its content-control tags and bookmarks (as after Google Docs or pandoc), so \(extraction.found.count) narrative answer(s) were read between the form's fixed text and one-line answers (names, table cells) could not be; check the data",
                location: SourceLocation(file: url.path)))
        }
        return extraction
    }

    /// `deliverable`'s block answers found in `paragraphs` by aligning with its DOCX template's fixed text.
    static func alignedAnswers(_ deliverable: Deliverable, _ paragraphs: [DocxParagraph]) -> [DocxAnswer] {
        let main = deliverable.docxFolderURL.appendingPathComponent("word/document.xml")
        guard let bytes = FileManager.default.contents(atPath: main.path), let doc = try? SafeXMLParser.parse([UInt8](bytes)) else { return [] }
        return AnswerAlignment.Template(document: doc.root).locate(in: paragraphs)
    }

    /// The failure for a file that cannot be read as a .docx, in words a person acts on (exit 2
    /// when it cannot be read at all, else 1: docs/diagnostics.md).
    static func refused(_ url: URL, _ error: PackageError) -> Failure {
        let name = url.lastPathComponent, at = SourceLocation(file: url.path)
        let message: String
        switch error.kind {
        case .unreadable:
            return Failure(diagnostic: Diagnostic(.error, rule: "io.read", "cannot read \(url.path): no such file or not readable", location: at),
                           status: .usage, kind: .unreadable)
        case .notAZip, .notOOXML:
            message = "\(name) is not a .docx (a Word document): docket extract reads the .docx files `docket form` and `docket fill` write, filled in Word"
        case .legacyOrProtected:
            message = "\(name) is a Word 97–2003 .doc or a password-protected document: open it in Word and save it as a .docx without a password"
        case .damaged, .unsupported, .invalidXML, .encrypted:
            message = "\(name) is a damaged or unusual .docx (\(error.description)): open it in Word and save it again as a .docx"
        case .unsafeName, .bomb, .doctype:
            message = "\(name) was refused for safety (\(error.description)): do not upload this file"
        case .write:
            message = "cannot read \(name): \(error.description)"
        }
        return Failure(diagnostic: Diagnostic(.error, rule: "extract.not-docx", message, location: at), status: .invalid, kind: error.kind)
    }

    /// Types `answers` by `schema`.
    public static func extract(answers: [DocxAnswer], schema: FormSchema, deliverable: String) -> Extraction {
        var data: JSONValue = [:]
        var found: [Extraction.Found] = []
        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        for a in answers where a.kind == .text && !a.isPlaceholder && schema.knows(a.path) && seen.insert(a.path).inserted {
            let kind = schema.kind(at: a.path)
            let raw = kind == .markdown ? a.markdown : a.text.trimmingCharacters(in: .whitespacesAndNewlines)
            // Nothing visible (only spaces, line breaks, or Markdown's hard-break backslashes, as an
            // empty rich-text control becomes after a LibreOffice round trip) is no answer.
            guard !a.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                  !raw.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\\"))).isEmpty else { continue }
            let value: JSONValue
            switch typed(raw, kind, choices: schema.choices(at: a.path)) {
            case .success(let v): value = v
            case .failure(let message):
                diagnostics.append(Diagnostic(.warning, rule: "extract.value", "answer `\(a.path)`: \(message); kept as text",
                                              location: a.location, instanceLocation: JSONPointer.fromDotted(a.path)))
                value = .string(raw)
            }
            data.setValue(value, atDotted: a.path)
            found.append(.init(path: a.path, foundBy: a.foundBy, location: a.location))
        }
        // Checkboxes: `check:` checked → true, `checkNo:` checked → false, neither → no answer.
        let boxes = answers.filter { $0.kind != .text }
        for path in boxes.map(\.path).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } where schema.knows(path) {
            let pair = boxes.filter { $0.path == path }
            let yes = pair.contains { $0.kind == .check && $0.checked == true }, no = pair.contains { $0.kind == .checkNo && $0.checked == true }
            guard yes != no else { continue }
            data.setValue(.bool(yes), atDotted: path)
            found.append(.init(path: path, foundBy: pair[0].foundBy, location: pair[0].location))
        }
        return Extraction(deliverable: deliverable, data: compacted(data), found: found, diagnostics: diagnostics, schema: schema)
    }

    /// Lists without their holes: an item deleted in Word (or one left blank) leaves no `null`
    /// between the others, which keep their order.
    static func compacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let a): return .array(a.filter { $0 != .null }.map(compacted))
        case .object(let o): return .object(o.mapValues(compacted))
        default: return value
        }
    }

    enum Typed { case success(JSONValue), failure(String) }

    static func typed(_ text: String, _ kind: FormSchema.Kind, choices: [String]) -> Typed {
        switch kind {
        case .text, .markdown: return .success(.string(text))
        case .date:
            guard let iso = Dates.iso(text) else { return .failure("“\(text)” is not a date (YYYY-MM-DD, M/d/yyyy or “October 27, 2023”)") }
            return .success(.string(iso))
        case .boolean:
            switch text.lowercased() {
            case "yes", "true", "☒", "x": return .success(.bool(true))
            case "no", "false", "☐": return .success(.bool(false))
            default: return .failure("“\(text)” is not Yes or No")
            }
        case .integer:
            guard let i = Int(text.replacingOccurrences(of: ",", with: "")) else { return .failure("“\(text)” is not a whole number") }
            return .success(.int(i))
        case .number:
            let t = text.replacingOccurrences(of: ",", with: "")
            if let i = Int(t) { return .success(.int(i)) }
            guard let d = Double(t) else { return .failure("“\(text)” is not a number") }
            return .success(.double(d))
        case .choice:
            if let exact = choices.first(where: { $0 == text }) ?? choices.first(where: { $0.lowercased() == text.lowercased() }) {
                return .success(.string(exact))
            }
            return .success(.string(text))
        }
    }
}

/// Dates as people and Word write them, to ISO `YYYY-MM-DD`.
enum Dates {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]

    static func iso(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        func out(_ y: Int, _ m: Int, _ d: Int) -> String? {
            guard (1...12).contains(m), (1...31).contains(d), (1000...9999).contains(y) else { return nil }
            return String(format: "%04d-%02d-%02d", y, m, d)
        }
        let digits = t.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        if digits.count == 3, digits.allSatisfy({ Int($0) != nil }) {
            let n = digits.map { Int($0)! }
            return digits[0].count == 4 ? out(n[0], n[1], n[2]) : out(n[2], n[0], n[1])
        }
        let words = t.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if words.count == 3, let m = months.firstIndex(where: { $0.hasPrefix(words[0].lowercased()) && words[0].count >= 3 }),
           let d = Int(words[1]), let y = Int(words[2]) {
            return out(y, m + 1, d)
        }
        return nil
    }
}
