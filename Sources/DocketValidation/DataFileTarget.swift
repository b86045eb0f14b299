import DocketCore
import DocketDeliverables
import DocketSchema
import Foundation

/// Checks a data file (YAML or JSON) against `--schema`, or against the schema and named rules
/// of `--deliverable` or of the deliverable the data names in its top-level `deliverable:` key
/// (`DataCheck`, exactly as `docket fill` checks data).
struct DataFileCheck: FileCheck {
    var extensions: [String] { ["yaml", "yml", "json"] }

    func validate(path: String, options: ValidationOptions, facts: TemplateFacts) -> ValidationReport {
        var report = ValidationReport(file: path)
        let data: LoadedData
        do {
            data = try DataLoader.load(path: path)
        } catch {
            report.fail(error.diagnostic, error.isUnreadable ? .usage : .invalid)
            return report
        }
        report.entity = data.value.value(at: "/entity/abbreviation")?.stringValue
        let declared = DataCheck.declaredDeliverable(in: data.value)
        report.deliverable = options.deliverable ?? declared
        if let given = options.deliverable, let declared, given != declared {
            report.diagnostics.append(Diagnostic(
                .error, rule: "data.deliverable",
                "the data says deliverable '\(declared)' but --deliverable \(given) was given; fix one of them",
                location: data.location(of: "/deliverable"), instanceLocation: "/deliverable"))
        }
        do {
            if let schemaPath = options.schemaPath {
                let result = try options.catalog.validate(data, schemaAt: URL(fileURLWithPath: schemaPath))
                report.diagnostics += DataCheck.inSourceOrder(result.errors) + DataCheck.inSourceOrder(result.warnings)
            } else {
                switch resolve(report.deliverable, options: options, file: path) {
                case .failure(let problem):
                    report.fail(problem, .usage)
                    return report
                case .success(.deliverable(let deliverable)):
                    report.diagnostics = DataCheck.merge(schema: report.diagnostics,
                                                         rules: try DataCheck.check(data, deliverable, catalog: options.catalog))
                case .success(.schemaOnly(let url)):
                    let result = try options.catalog.validate(DataCheck.withoutRoutingKey(data), schemaAt: url)
                    report.diagnostics += DataCheck.inSourceOrder(result.errors) + DataCheck.inSourceOrder(result.warnings)
                }
            }
        } catch {
            report.diagnostics += DataCheck.inSourceOrder(error.diagnostics)
            report.status = .usage
            return report
        }
        report.status = report.errors.isEmpty ? .success : .invalid
        return report
    }

    enum Checked {
        case deliverable(Deliverable)
        /// A `Schemas/<id>.schema.json` without a deliverable folder.
        case schemaOnly(URL)
    }

    private func resolve(_ id: String?, options: ValidationOptions, file: String) -> Result<Checked, Diagnostic> {
        guard let id else {
            return .failure(Diagnostic(
                .error, rule: "validate.deliverable",
                "cannot tell which deliverable this data is for: add a top-level 'deliverable:' key, or pass --deliverable <id> or --schema <file>",
                location: SourceLocation(file: file)))
        }
        if let d = options.registry?.deliverable(id: id) { return .success(.deliverable(d)) }
        let root = options.registry?.rootURL ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = DeliverableSchemas.url(for: id, root: root)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = Self.knownDeliverables(root: root)
            return .failure(Diagnostic(
                .error, rule: "validate.deliverable",
                "no schema for deliverable '\(id)': \(url.path) does not exist"
                    + (known.isEmpty ? "" : "; known deliverables: \(known.joined(separator: ", "))"),
                location: SourceLocation(file: file)))
        }
        return .success(.schemaOnly(url))
    }

    /// Ids that have `Schemas/<id>.schema.json`, for suggestions.
    static func knownDeliverables(root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Schemas").path)) ?? []
        return names.filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) }.sorted()
    }
}
