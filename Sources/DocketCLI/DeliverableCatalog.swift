import DocketCore
import DocketDeliverables
import Foundation

/// The shipped deliverables (`Templates/<id>/deliverable.yaml`), loaded once per run.
enum DeliverableCatalog {
    static let registry: Result<DeliverableRegistry, DiagnosticList>? = {
        guard let root = ResourceLocator.root() else { return nil }
        do throws(DiagnosticList) { return .success(try DeliverableRegistry.load(root: root)) } catch { return .failure(error) }
    }()

    /// Problems in the shipped metadata, if any (reported by `list`).
    static var problems: [Diagnostic] {
        if case .failure(let list) = registry { return list.diagnostics }
        return []
    }

    static func ids() -> [String] {
        if case .success(let r) = registry { return r.ids }
        return []
    }

    static func target(id: String) -> (any FillTarget)? {
        guard case .success(let r) = registry, let d = r.deliverable(id: id) else { return nil }
        return DeliverableTarget(deliverable: d)
    }
}

/// A shipped deliverable as a fill target: its templates, schema, naming and derived fields.
struct DeliverableTarget: FillTarget {
    let deliverable: Deliverable

    var displayName: String { deliverable.id }
    var deliverableID: String { deliverable.id }
    var title: String { deliverable.title }
    var markdownTemplate: URL? { existing(deliverable.templateMarkdownURL) }
    var docxTemplate: URL? { existing(deliverable.docxFolderURL) }
    var schemaURL: URL? { existing(deliverable.schemaURL) }

    func enrich(_ data: JSONValue, date: String) -> JSONValue { deliverable.enrich(data, date: date) }
    func fileName(data: JSONValue, date: String) -> String { deliverable.fileName(data: data, date: date) }

    /// Schema and named rules (seed-rules ids), with the same messages as `docket validate`.
    func checkWithRules(_ data: LoadedData) -> [Diagnostic] {
        let schema = schemaURL.map { SchemaCheck.check(data, schemaURL: $0) } ?? []
        return NamedRuleCheck.merge(schema: schema, rules: NamedRuleCheck.check(data, deliverable))
    }

    private func existing(_ url: URL) -> URL? { FileManager.default.fileExists(atPath: url.path) ? url : nil }
}
