import DocketCore
import DocketSchema
import Foundation

/// Checks a data file (YAML or JSON) against `--schema`, or the schema of `--deliverable`,
/// or that of the deliverable the data names in its top-level `deliverable:` key.
struct DataFileTarget: ValidationTarget {
    var extensions: [String] { ["yaml", "yml", "json"] }

    func validate(path: String, settings: ValidationSettings) -> FileReport {
        var report = FileReport(file: path)
        let data: LoadedData
        do {
            data = try DataLoader.load(path: path)
        } catch {
            report.diagnostics = [error.diagnostic]
            report.status = error.diagnostic.rule == "io.read" ? .usage : .invalid
            return report
        }
        let declared = DeliverableSchemas.declaredDeliverable(in: data.value)
        report.deliverable = settings.deliverable ?? declared
        if let given = settings.deliverable, let declared, given != declared {
            report.diagnostics.append(Diagnostic(
                .error, rule: "data.deliverable",
                "the data says deliverable '\(declared)' but --deliverable \(given) was given; fix one of them",
                location: data.location(of: "/deliverable"), instanceLocation: "/deliverable"))
        }
        let schemaURL: URL
        switch resolveSchema(for: report.deliverable, settings: settings, file: path) {
        case .success(let url): schemaURL = url
        case .failure(let problem):
            report.diagnostics.append(problem)
            report.status = .usage
            return report
        }
        do {
            let result = try settings.catalog.validate(Self.withoutRoutingKey(data, settings: settings), schemaAt: schemaURL)
            report.diagnostics += Self.inSourceOrder(result.errors) + Self.inSourceOrder(result.warnings)
            if settings.schemaPath == nil { NamedRuleCheck.apply(data, to: &report, root: settings.projectRoot) }
        } catch {
            report.diagnostics += Self.inSourceOrder(error.diagnostics)
            report.status = .usage
            return report
        }
        report.status = report.errors.isEmpty ? .success : .invalid
        return report
    }

    private func resolveSchema(for deliverable: String?, settings: ValidationSettings, file: String) -> Result<URL, Diagnostic> {
        if let path = settings.schemaPath { return .success(URL(fileURLWithPath: path)) }
        guard let deliverable else {
            return .failure(Diagnostic(
                .error, rule: "validate.deliverable",
                "cannot tell which deliverable this data is for: add a top-level 'deliverable:' key, or pass --deliverable <id> or --schema <file>",
                location: SourceLocation(file: file)))
        }
        let root = settings.projectRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = DeliverableSchemas.url(for: deliverable, root: root)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = Self.knownDeliverables(root: root)
            return .failure(Diagnostic(
                .error, rule: "validate.deliverable",
                "no schema for deliverable '\(deliverable)': \(url.path) does not exist"
                    + (known.isEmpty ? "" : "; known deliverables: \(known.joined(separator: ", "))"),
                location: SourceLocation(file: file)))
        }
        return .success(url)
    }

    /// With a deliverable's schema, the top-level `deliverable:` key only routes the file to its
    /// schema and is not part of the deliverable's data (the schemas do not declare it), so it
    /// is removed before validation. With `--schema` the data is validated exactly as written.
    static func withoutRoutingKey(_ data: LoadedData, settings: ValidationSettings) -> LoadedData {
        guard settings.schemaPath == nil, case .object(var o) = data.value, o["deliverable"] != nil else { return data }
        o["deliverable"] = nil
        var copy = data
        copy.value = .object(o)
        return copy
    }

    /// Diagnostics ordered by where they point in the data file (stable for equal places).
    static func inSourceOrder(_ list: [Diagnostic]) -> [Diagnostic] {
        let far = SourcePosition(line: Int.max, column: Int.max)
        return list.enumerated().sorted { a, b in
            let pa = a.element.location?.position ?? far, pb = b.element.location?.position ?? far
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
    }

    /// Ids that have `Schemas/<id>.schema.json`, for suggestions.
    static func knownDeliverables(root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Schemas").path)) ?? []
        return names.filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) }.sorted()
    }
}
