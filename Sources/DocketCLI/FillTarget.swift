import DocketCore
import DocketTemplate
import Foundation

/// What `docket fill` fills: a shipped deliverable (by id) or a template path given by the user.
protocol FillTarget: Sendable {
    /// Human name for messages and `list`.
    var displayName: String { get }
    /// The deliverable id recorded by `--track` (a template's name for ad hoc templates).
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
    /// Filters a deliverable adds to the built-in ones.
    var filters: [String: TemplateFilter] { get }
}

extension FillTarget {
    var filters: [String: TemplateFilter] { [:] }

    /// Checks data before filling: the schema (if any). Deliverables add their named rules.
    func check(_ data: LoadedData) -> [Diagnostic] {
        if let target = self as? DeliverableTarget { return target.checkWithRules(data) }
        guard let schema = schemaURL else { return [] }
        return SchemaCheck.check(data, schemaURL: schema)
    }
}

/// A template file or folder given by path.
struct TemplatePathTarget: FillTarget {
    let url: URL

    var displayName: String { url.lastPathComponent }
    var deliverableID: String { stem }
    var markdownTemplate: URL? { url.pathExtension.lowercased() == "md" ? url : nil }
    var docxTemplate: URL? { url.pathExtension.lowercased() == "md" ? nil : url }
    var schemaURL: URL? { nil }

    var stem: String {
        let base = url.deletingPathExtension().lastPathComponent
        if base == "template" || base == "docx" {
            return url.deletingLastPathComponent().lastPathComponent
        }
        return base
    }

    func enrich(_ data: JSONValue, date: String) -> JSONValue {
        FillContext.addDocketFields(data, date: date, deliverable: stem, fileName: fileName(data: data, date: date))
    }

    /// `<ABBR>_<TemplateName>_<MMDDYYYY>`, the OnBase pattern, with the template's name.
    func fileName(data: JSONValue, date: String) -> String {
        FillContext.onBaseName(abbreviation: FillContext.abbreviation(in: data), document: stem.camelCased, date: date)
    }
}

enum FillContext {
    /// The entity abbreviation: `entity.abbreviation`, else `abbreviation`, else "ENTITY".
    static func abbreviation(in data: JSONValue) -> String {
        data.value(at: "/entity/abbreviation")?.stringValue ?? data["abbreviation"]?.stringValue ?? "ENTITY"
    }

    static func onBaseName(abbreviation: String, document: String, date: String) -> String {
        let safe = abbreviation.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return "\(safe.isEmpty ? "ENTITY" : safe)_\(document)_\(BuiltinFilters.mmddyyyy(date) ?? date)"
    }

    static func addDocketFields(_ data: JSONValue, date: String, deliverable: String, fileName: String) -> JSONValue {
        guard case .object(var o) = data else { return data }
        var docket = o["docket"]?.objectValue ?? [:]
        docket["date"] = .string(date)
        docket["deliverable"] = .string(deliverable)
        docket["fileName"] = .string(fileName)
        o["docket"] = .object(docket)
        return .object(o)
    }
}

extension String {
    /// `pip-midyear-report` → `PipMidyearReport`.
    var camelCased: String {
        split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
