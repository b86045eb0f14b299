import DocketCore
import DocketSchema
import Foundation

/// Checks data against a schema file before filling. Schemas are compiled once per run.
enum SchemaCheck {
    private static let cache = SchemaCache()

    static func check(_ data: LoadedData, schemaURL: URL) -> [Diagnostic] {
        switch cache.schema(at: schemaURL) {
        case .failure(let list): return list.diagnostics
        case .success(let schema): return schema.validate(data.value).located(in: data)
        }
    }

    final class SchemaCache: @unchecked Sendable {
        private var compiled: [URL: Result<JSONSchema, DiagnosticList>] = [:]
        private let lock = NSLock()

        func schema(at url: URL) -> Result<JSONSchema, DiagnosticList> {
            lock.withLock {
                if let hit = compiled[url] { return hit }
                let result: Result<JSONSchema, DiagnosticList>
                do {
                    let loaded = try DataLoader.load(path: url.path)
                    result = .success(try JSONSchema.compile(loaded.value, baseURI: url.absoluteString))
                } catch let e as DataLoader.Failure {
                    result = .failure(DiagnosticList([e.diagnostic]))
                } catch let e as SchemaError {
                    result = .failure(DiagnosticList(e.diagnostics.map { d in
                        var d = d
                        d.location = d.location ?? SourceLocation(file: url.path)
                        return d
                    }))
                } catch {
                    result = .failure(DiagnosticList([Diagnostic(.error, rule: "schema.load", "\(error)", location: SourceLocation(file: url.path))]))
                }
                compiled[url] = result
                return result
            }
        }
    }
}
