import DocketCore
import Foundation

/// The deliverables found under `<root>/Templates/*/deliverable.yaml`, sorted by id.
public struct DeliverableRegistry: Sendable {
    public let deliverables: [Deliverable]
    /// The folder holding `Templates/` and `Schemas/`.
    public let rootURL: URL

    /// Loads every `Templates/<id>/deliverable.yaml` under `root` (the project folder; a path to
    /// the `Templates` folder itself also works). Reports every broken metadata file at once.
    public static func load(root: URL) throws(DiagnosticList) -> DeliverableRegistry {
        let fm = FileManager.default
        var root = root.standardizedFileURL
        if !fm.fileExists(atPath: root.appendingPathComponent("Templates").path),
           fm.fileExists(atPath: root.appendingPathComponent("library").path) {
            root.deleteLastPathComponent()
        }
        let templates = root.appendingPathComponent("Templates", isDirectory: true)
        guard let names = try? fm.contentsOfDirectory(atPath: templates.path) else {
            throw DiagnosticList([Diagnostic(.error, rule: "deliverable.missing-templates",
                "no Templates folder: pass the project folder that holds Templates/ and Schemas/",
                location: SourceLocation(file: templates.path))])
        }
        var found: [Deliverable] = []
        var problems: [Diagnostic] = []
        for name in names.sorted() {
            let folder = templates.appendingPathComponent(name, isDirectory: true)
            let meta = folder.appendingPathComponent("deliverable.yaml")
            guard fm.fileExists(atPath: meta.path) else { continue }
            do {
                let loaded = try DataLoader.load(path: meta.path)
                found.append(try make(name: name, loaded: loaded, folder: folder, root: root))
            } catch let failure as DataLoader.Failure {
                problems.append(failure.diagnostic)
            } catch let diagnostic as Diagnostic {
                problems.append(diagnostic)
            } catch {
                problems.append(Diagnostic(.error, rule: "deliverable.metadata", "\(error)", location: SourceLocation(file: meta.path)))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return DeliverableRegistry(deliverables: found, rootURL: root)
    }

    /// The deliverable with this id, or nil.
    public func deliverable(id: String) -> Deliverable? { deliverables.first { $0.id == id } }

    /// Deliverable id → the criterion ids its review rates (the tracker's `rubrics`).
    public var reviewCriteria: [String: [String]] {
        var out: [String: [String]] = [:]
        for d in deliverables where !d.rubric.criteria.isEmpty { out[d.id] = d.rubric.criteria.map(\.id) }
        return out
    }

    /// All ids, sorted.
    public var ids: [String] { deliverables.map(\.id) }

    private static func make(name: String, loaded: LoadedData, folder: URL, root: URL) throws -> Deliverable {
        let meta = loaded.value
        guard let id = meta["id"]?.stringValue else {
            throw Diagnostic(.error, rule: "deliverable.metadata", "deliverable.yaml has no `id:`",
                             location: loaded.location(of: ""))
        }
        guard id == name else {
            throw Diagnostic(.error, rule: "deliverable.metadata",
                "id `\(id)` does not match its folder `\(name)`: rename one of them",
                location: loaded.location(of: "/id"))
        }
        var config = meta
        if let library = meta["library"]?.stringValue {
            let url = root.appendingPathComponent("Templates").appendingPathComponent(library)
            let lib = try DataLoader.load(path: url.path)
            config.setValue(lib.value, at: ["libraryData"])
        }
        // `inherit: {from: <id>, keys: [...]}`: configuration kept in another deliverable's metadata (the PIP
        // reports read the topic guidance's measure lists, `appendices`, from the Mid-Year report's).
        if let from = meta["inherit"]?["from"]?.stringValue {
            let other = try DataLoader.load(path: root.appendingPathComponent("Templates/\(from)/deliverable.yaml").path)
            for key in meta["inherit"]?["keys"]?.arrayValue?.compactMap(\.stringValue) ?? [] where config[key] == nil {
                if let value = other.value[key] { config.setValue(value, at: [key]) }
            }
        }
        return Deliverable(id: id, metadata: config, folderURL: folder, rootURL: root, derivation: derivation(for: id))
    }

    /// The derivation of each known deliverable id (others derive nothing).
    static func derivation(for id: String) -> any Derivation {
        switch id {
        case "pip-midyear-report": return PIPDerivation()
        case "hqe-strategic-plan": return HQEDerivation()
        case "ia-midpoint-assessment": return IADerivation()
        default: return PIPReport(rawValue: id).map(PIPReportDerivation.init(report:)) ?? NoDerivation()
        }
    }
}
