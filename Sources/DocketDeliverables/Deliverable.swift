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
    /// The OnBase file name: pattern, and whether the form states it or it is Docket's choice.
    public let naming: Naming
    /// The calendar event a submission answers (lateness is judged against its due date).
    public let due: DueEvent?
    /// Word limits of narrative sections, checked in Markdown submissions.
    public let wordLimits: [WordLimit]
    /// Rules that need fields no answer region of the .docx holds (skipped for .docx data).
    public let hiddenFieldRules: Set<String>
    /// Data fields a submission states only in a heading (read back for the lateness check).
    public let headingFields: [HeadingField]
    /// The fixed key-contact rows, in the form's order (PIP).
    public let keyContactRoles: [KeyContactRole]
    /// The review rubric (PIP): criteria and the ratings that require resubmission.
    public let rubric: Rubric
    let derivation: any Derivation

    init(id: String, metadata: JSONValue, folderURL: URL, rootURL: URL, derivation: any Derivation) {
        self.id = id
        self.title = metadata["title"]?.stringValue ?? id
        self.metadata = metadata
        self.folderURL = folderURL
        self.rootURL = rootURL
        self.derivation = derivation
        self.naming = Naming(metadata: metadata, id: id)
        self.due = DueEvent(json: metadata["due"])
        self.wordLimits = (metadata["wordLimits"]?.arrayValue ?? []).compactMap(WordLimit.init(json:))
        self.hiddenFieldRules = Set((metadata["hiddenFieldRules"]?.arrayValue ?? []).compactMap(\.stringValue))
        self.headingFields = (metadata["headingFields"]?.arrayValue ?? []).compactMap(HeadingField.init(json:))
        self.keyContactRoles = (metadata["keyContactRoles"]?.arrayValue ?? []).compactMap(KeyContactRole.init(json:))
        self.rubric = Rubric(metadata: metadata)
    }

    /// `Templates/<id>/template.md`.
    public var templateMarkdownURL: URL { folderURL.appendingPathComponent("template.md") }
    /// `Templates/<id>/docx/` (unpacked OOXML package).
    public var docxFolderURL: URL { folderURL.appendingPathComponent("docx", isDirectory: true) }
    /// `Templates/<id>/example.yaml`.
    public var exampleURL: URL { folderURL.appendingPathComponent("example.yaml") }
    /// Every shipped example: `example.yaml`, then the others (`example-<variant>.yaml`, e.g. the
    /// Strategic Plan's `example-2024.yaml`) by name.
    public var exampleURLs: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? []
        let others = names.filter { $0.hasPrefix("example-") && $0.hasSuffix(".yaml") }.sorted()
        return [exampleURL] + others.map { folderURL.appendingPathComponent($0) }
    }
    /// The data schema (`schema:` in deliverable.yaml, relative to the root).
    public var schemaURL: URL {
        rootURL.appendingPathComponent(metadata["schema"]?.stringValue ?? "Schemas/\(id).schema.json")
    }
    /// The source document this deliverable reproduces (a file name under the shared seeds).
    public var sourceDocument: String? { metadata["sourceDocument"]?.stringValue }
    /// The due-date description (with deadline ids).
    public var dueDescription: String? { metadata["dueText"]?.stringValue }
    /// The seed-rules ids this deliverable enforces.
    public var ruleIDs: [String] { metadata["rules"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    /// The OnBase document name without extension for `data` submitted on `date` (`YYYY-MM-DD`),
    /// e.g. `MBRH_PIPMidYearReport_09292023` (R000-05). The data may override the pattern with
    /// `options.fileNamePattern`.
    public func fileName(data: JSONValue, date: String) -> String {
        let pattern = data["options"]?["fileNamePattern"]?.stringValue.map(OnBaseName.init(pattern:)) ?? naming.pattern
        var context = data
        context.setValue(["date": .string(date), "deliverable": .string(id)], at: ["docket"], merging: true)
        // A field the calendar event defaults (`pip` of the PIP reports, default 1) names the file the same way.
        for field in due?.fields ?? [] where context.value(atDotted: field.from) == nil {
            if let value = field.defaultValue { context.setValue(.string(value), atDotted: field.from) }
        }
        return pattern.render(data: context, date: date)
    }

    /// The data templates see: `data` plus `docket.date`, `docket.fileName`, `docket.deliverable`,
    /// `docket.due` (the calendar event's due date, when the caller put it in `data.docket.due`)
    /// and this deliverable's `derived.*` fields (see docs/deliverables.md). Never changes the
    /// fields the data already has, except that `docket` and `derived` are replaced.
    public func enrich(_ data: JSONValue, date: String) -> JSONValue {
        var out: [String: JSONValue] = data.objectValue ?? [:]
        out["docket"] = [
            "date": .string(date),
            "fileName": .string(fileName(data: data, date: date)),
            "deliverable": .string(id),
            "title": .string(title),
            // Set by the fill pipeline from the calendar (`DueDates.dueValue`), never by the user.
            "due": data["docket"]?["due"] ?? .null,
        ]
        // Derivations see `docket.*` too (e.g. the PIP review checked against the submission date).
        out["derived"] = derivation.derive(.object(out), config: metadata)
        return .object(out)
    }
}
