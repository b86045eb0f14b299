import DocketCore
import Foundation

/// One deliverable users must produce (`Templates/<id>/`): its metadata from `deliverable.yaml`,
/// where its template, DOCX folder, schema and example live, its OnBase file name and the
/// derived fields (`docket.*`, `derived.*`) its templates read.
public struct Deliverable: Sendable {
    /// The id, e.g. `pip-midyear-report` (the folder name).
    public let id: String
    /// Human title, e.g. "PIP Key Contact Form & Mid-Year Planning Report".
    public let title: String
    /// The whole `deliverable.yaml` (configuration the derivations read).
    public let metadata: JSONValue
    /// `Templates/<id>/`.
    public let folderURL: URL
    /// The folder holding `Templates/` and `Schemas/`.
    public let rootURL: URL
    let derivation: any Derivation

    init(id: String, metadata: JSONValue, folderURL: URL, rootURL: URL, derivation: any Derivation) {
        self.id = id
        self.title = metadata["title"]?.stringValue ?? id
        self.metadata = metadata
        self.folderURL = folderURL
        self.rootURL = rootURL
        self.derivation = derivation
    }

    /// `Templates/<id>/template.md`.
    public var templateMarkdownURL: URL { folderURL.appendingPathComponent("template.md") }
    /// `Templates/<id>/docx/` (unpacked OOXML package).
    public var docxFolderURL: URL { folderURL.appendingPathComponent("docx", isDirectory: true) }
    /// `Templates/<id>/example.yaml`.
    public var exampleURL: URL { folderURL.appendingPathComponent("example.yaml") }
    /// The data schema (`schema:` in deliverable.yaml, relative to the root).
    public var schemaURL: URL {
        rootURL.appendingPathComponent(metadata["schema"]?.stringValue ?? "Schemas/\(id).schema.json")
    }
    /// The source document this deliverable reproduces (a file name under the shared seeds).
    public var sourceDocument: String? { metadata["sourceDocument"]?.stringValue }
    /// The due-date description (with deadline ids).
    public var dueDescription: String? { metadata["due"]?.stringValue }
    /// The seed-rules ids this deliverable enforces.
    public var ruleIDs: [String] { metadata["rules"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    /// The file-name pattern (`fileName:` in deliverable.yaml).
    public var fileNamePattern: String { metadata["fileName"]?.stringValue ?? "{{entity.abbreviation}}_\(id)_{{mmddyyyy(docket.date)}}" }

    /// The OnBase document name without extension for `data` submitted on `date` (`YYYY-MM-DD`),
    /// e.g. `MBRH_PIPMidYearReport_09292023` (R000-05). The data may override the pattern with
    /// `options.fileNamePattern`.
    public func fileName(data: JSONValue, date: String) -> String {
        let pattern = data["options"]?["fileNamePattern"]?.stringValue ?? fileNamePattern
        var context = data
        context.setValue(["date": .string(date), "deliverable": .string(id)], at: ["docket"], merging: true)
        return FileNamePattern.render(pattern, data: context)
    }

    /// The data templates see: `data` plus `docket.date`, `docket.fileName`, `docket.deliverable`
    /// and this deliverable's `derived.*` fields (see docs/deliverables.md). Never changes the
    /// fields the data already has, except that `docket` and `derived` are replaced.
    public func enrich(_ data: JSONValue, date: String) -> JSONValue {
        var out: [String: JSONValue] = data.objectValue ?? [:]
        out["docket"] = [
            "date": .string(date),
            "fileName": .string(fileName(data: data, date: date)),
            "deliverable": .string(id),
            "title": .string(title),
        ]
        out["derived"] = derivation.derive(data, config: metadata)
        return .object(out)
    }
}
