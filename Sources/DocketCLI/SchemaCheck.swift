import DocketCore
import DocketSchema
import Foundation

/// Checks data against a schema file before filling, through the shared `SchemaCatalog`
/// (each schema file compiled once per run, thread-safe for `--batch`).
enum SchemaCheck {
    static func check(_ data: LoadedData, schemaURL: URL) -> [Diagnostic] {
        do {
            return try SchemaCatalog.shared.validate(data, schemaAt: schemaURL).diagnostics
        } catch {
            return error.diagnostics.map { d in
                var d = d
                d.location = d.location ?? SourceLocation(file: schemaURL.path)
                return d
            }
        }
    }
}
