import DocketCore
import Foundation

/// The shipped deliverables, found under `Templates/<id>/` of the resource root.
enum DeliverableCatalog {
    static func ids() -> [String] {
        guard let root = ResourceLocator.root() else { return [] }
        let dir = root.appendingPathComponent("Templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).appendingPathComponent("template.md").path)
        }.sorted()
    }

    static func target(id: String) -> (any FillTarget)? {
        guard let root = ResourceLocator.root() else { return nil }
        let dir = root.appendingPathComponent("Templates").appendingPathComponent(id)
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("template.md").path) else { return nil }
        return FolderDeliverable(id: id, folder: dir, root: root)
    }
}

/// A deliverable folder read by convention (template.md, docx/, Schemas/<id>.schema.json).
struct FolderDeliverable: FillTarget {
    let id: String
    let folder: URL
    let root: URL

    var displayName: String { id }
    var deliverableID: String { id }
    var markdownTemplate: URL? { folder.appendingPathComponent("template.md") }
    var docxTemplate: URL? {
        let d = folder.appendingPathComponent("docx")
        return FileManager.default.fileExists(atPath: d.path) ? d : nil
    }
    var schemaURL: URL? {
        let s = root.appendingPathComponent("Schemas").appendingPathComponent("\(id).schema.json")
        return FileManager.default.fileExists(atPath: s.path) ? s : nil
    }

    func enrich(_ data: JSONValue, date: String) -> JSONValue {
        FillContext.addDocketFields(data, date: date, deliverable: id, fileName: fileName(data: data, date: date))
    }

    func fileName(data: JSONValue, date: String) -> String {
        FillContext.onBaseName(abbreviation: FillContext.abbreviation(in: data), document: id.camelCased, date: date)
    }
}
