import DocketCore
import DocketDeliverables
import DocketSchema
import DocketTemplate
import Foundation

/// What a fill fills: a shipped deliverable (by id) or a template path given by the user.
public protocol FillTarget: Sendable {
    /// Human name for messages and `list`.
    var displayName: String { get }
    /// The document title (the deliverable's title; a template's name): `<title>` of HTML output,
    /// `dc:title` of a .docx written from Markdown.
    var title: String { get }
    /// The deliverable id recorded by tracking (a template's name for ad hoc templates).
    var deliverableID: String { get }
    /// Markdown template (`template.md`), if the target has one.
    var markdownTemplate: URL? { get }
    /// DOCX template: an unpacked OOXML folder or a .docx authored in Word.
    var docxTemplate: URL? { get }
    /// The data schema, if any: data is validated before filling.
    var schemaURL: URL? { get }
    /// Adds what every template may read (`docket.*`) and what the deliverable derives (`derived.*`).
    func enrich(_ data: JSONValue, date: String) -> JSONValue
    /// The output file name without extension (OnBase naming for deliverables).
    func fileName(data: JSONValue, date: String) -> String
    /// Every problem of `data` before filling (schema, named rules).
    func check(_ data: LoadedData, catalog: SchemaCatalog) -> [Diagnostic]
    /// Filters a deliverable adds to the built-in ones.
    var filters: [String: TemplateFilter] { get }
}

extension FillTarget {
    public var filters: [String: TemplateFilter] { [:] }
    public var title: String { displayName }
}

/// A shipped deliverable as a fill target: its templates, schema, naming and derived fields.
public struct DeliverableTarget: FillTarget {
    public let deliverable: Deliverable

    public init(deliverable: Deliverable) { self.deliverable = deliverable }

    public var displayName: String { deliverable.id }
    public var deliverableID: String { deliverable.id }
    public var title: String { deliverable.title }
    public var markdownTemplate: URL? { existing(deliverable.templateMarkdownURL) }
    public var docxTemplate: URL? { existing(deliverable.docxFolderURL) }
    public var schemaURL: URL? { existing(deliverable.schemaURL) }

    public func enrich(_ data: JSONValue, date: String) -> JSONValue { deliverable.enrich(data, date: date) }
    public func fileName(data: JSONValue, date: String) -> String { deliverable.fileName(data: data, date: date) }

    /// Schema and named rules (seed-rules ids): `DataCheck`, as `docket validate` does.
    public func check(_ data: LoadedData, catalog: SchemaCatalog) -> [Diagnostic] {
        guard schemaURL != nil else { return DataCheck.rules(DataCheck.withoutRoutingKey(data), deliverable) }
        do {
            return try DataCheck.check(data, deliverable, catalog: catalog)
        } catch {
            return error.diagnostics.map { $0.locatedIfNot(in: deliverable.schemaURL.path) }
        }
    }

    private func existing(_ url: URL) -> URL? { FileManager.default.fileExists(atPath: url.path) ? url : nil }
}

/// A template file or folder given by path.
public struct TemplatePathTarget: FillTarget {
    public let url: URL

    public init(url: URL) { self.url = url }

    public var displayName: String { url.lastPathComponent }
    public var title: String { stem }
    public var deliverableID: String { stem }
    public var markdownTemplate: URL? { url.pathExtension.lowercased() == "md" ? url : nil }
    public var docxTemplate: URL? { url.pathExtension.lowercased() == "md" ? nil : url }
    public var schemaURL: URL? { nil }

    /// The template's name: its file name, or its folder's for `template.md` / `docx/`.
    public var stem: String {
        let base = url.deletingPathExtension().lastPathComponent
        if base == "template" || base == "docx" {
            return url.deletingLastPathComponent().lastPathComponent
        }
        return base
    }

    public func enrich(_ data: JSONValue, date: String) -> JSONValue {
        guard case .object = data else { return data }
        var out = data
        out.setValue(["date": .string(date), "deliverable": .string(stem), "fileName": .string(fileName(data: data, date: date))],
                     at: ["docket"], merging: true)
        return out
    }

    /// `<ABBR>_<TemplateName>_<MMDDYYYY>`, the OnBase pattern, with the template's name; the
    /// abbreviation is `entity.abbreviation`, else `abbreviation`, else `ENTITY`.
    public func fileName(data: JSONValue, date: String) -> String {
        let given = data.value(at: "/entity/abbreviation")?.stringValue ?? data["abbreviation"]?.stringValue ?? ""
        let safe = given.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        let abbreviation = safe.isEmpty ? "ENTITY" : safe
        return OnBaseName.standard(document: stem.camelCased).render { path in
            path == OnBaseName.abbreviationField ? abbreviation : path == OnBaseName.dateField ? date : nil
        }
    }

    public func check(_ data: LoadedData, catalog: SchemaCatalog) -> [Diagnostic] { [] }
}

extension Diagnostic {
    /// The diagnostic, placed in `file` when it has no place of its own.
    func locatedIfNot(in file: String) -> Diagnostic {
        var d = self
        d.location = d.location ?? SourceLocation(file: file)
        return d
    }
}

extension String {
    /// `pip-midyear-report` → `PipMidyearReport`.
    var camelCased: String {
        split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// Turns the `<deliverable-id | template-path>` argument into a fill target.
public enum FillTargets {
    public static func resolve(_ argument: String, registry: DeliverableRegistry?) throws(Diagnostic) -> any FillTarget {
        if FileManager.default.fileExists(atPath: argument) {
            return TemplatePathTarget(url: URL(fileURLWithPath: argument))
        }
        if let d = registry?.deliverable(id: argument) { return DeliverableTarget(deliverable: d) }
        let known = registry?.ids ?? []
        var message = "'\(argument)' is neither a deliverable id nor an existing template path"
        if let close = Suggestion.closest(to: argument, in: known) {
            message += "; did you mean '\(close)'?"
        } else if !known.isEmpty {
            message += "; deliverables: \(known.joined(separator: ", "))"
        }
        throw Diagnostic(.error, rule: "fill.target", message)
    }
}
