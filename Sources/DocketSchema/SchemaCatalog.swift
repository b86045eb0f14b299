import DocketCore
import Foundation

/// Schema files compiled once and reused: what `docket validate` and `docket fill` call to
/// check data for a deliverable. Schema files may be JSON or YAML; `$ref`s to sibling files
/// (`file:` URIs) are loaded from disk. Thread-safe.
///
///     let catalog = SchemaCatalog()
///     let url = DeliverableSchemas.url(for: "pip-midyear-report", root: projectRoot)
///     let report = try catalog.validate(loadedData, schemaAt: url)
///     report.diagnostics  // errors then warnings, at file:line:col of the data
public final class SchemaCatalog: @unchecked Sendable {
    public let options: SchemaOptions
    private var compiled: [String: Result<JSONSchema, SchemaError>] = [:]
    private let lock = NSLock()

    /// One catalog with default options for the whole process (fill, calendar).
    public static let shared = SchemaCatalog()

    public init(options: SchemaOptions = SchemaOptions()) {
        self.options = options
    }

    /// The compiled schema in the file at `url`; throws `SchemaError` if it cannot be read,
    /// parsed or compiled (with every problem found).
    public func schema(at url: URL) throws(SchemaError) -> JSONSchema {
        let key = url.standardizedFileURL.path
        let result = lock.withLock { () -> Result<JSONSchema, SchemaError> in
            if let hit = compiled[key] { return hit }
            let r = Self.load(url.standardizedFileURL, options: options)
            compiled[key] = r
            return r
        }
        return try result.get()
    }

    /// The base of the `$id`s of the schemas in Schemas/ (`https://docket.local/schemas/<file>`).
    static let docketBase = "https://docket.local/schemas/"

    private static func load(_ url: URL, options: SchemaOptions) -> Result<JSONSchema, SchemaError> {
        let loaded: LoadedData
        do {
            loaded = try DataLoader.load(path: url.path)
        } catch {
            var d = error.diagnostic
            d.rule = "schema.load"
            return .failure(SchemaError(diagnostics: [d]))
        }
        let folder = url.deletingLastPathComponent()
        let registry = SchemaRegistry(loader: { uri in
            // Docket's own schemas name each other by their `$id`s (Schemas/defs/…): read beside this one.
            if uri.hasPrefix(Self.docketBase), !uri.contains("..") {
                return try? DataLoader.load(path: folder.appendingPathComponent(String(uri.dropFirst(Self.docketBase.count))).path).value
            }
            guard uri.hasPrefix("file:"), let path = URL(string: uri)?.path else { return nil }
            return try? DataLoader.load(path: path).value
        })
        do {
            return .success(try JSONSchema.compile(loaded.value, baseURI: url.absoluteString, registry: registry, options: options))
        } catch {
            return .failure(SchemaError(diagnostics: error.diagnostics.map { d in
                var d = d
                // Point at the schema file, at the offending schema location when known.
                d.location = loaded.location(of: d.instanceLocation ?? "")
                return d
            }))
        }
    }

    /// Validates loaded data against the schema file at `url`.
    public func validate(_ data: LoadedData, schemaAt url: URL) throws(SchemaError) -> DataValidationReport {
        let result = try schema(at: url).validate(data.value)
        return DataValidationReport(valid: result.valid, diagnostics: result.located(in: data), basicOutput: result.basicOutput)
    }
}

/// The outcome of checking one data file: located diagnostics (errors first, then warnings).
public struct DataValidationReport: Sendable {
    public var valid: Bool
    public var diagnostics: [Diagnostic]
    public var basicOutput: JSONValue
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Where deliverable data schemas live: `Schemas/<id>.schema.json` under the project root.
public enum DeliverableSchemas {
    public static func url(for deliverable: String, root: URL) -> URL {
        root.appendingPathComponent("Schemas").appendingPathComponent("\(deliverable).schema.json")
    }

    /// The deliverable a data file names in its top-level `deliverable:` key.
    public static func declaredDeliverable(in data: JSONValue) -> String? {
        data["deliverable"]?.stringValue
    }
}
