import DocketCore
import DocketSchema
import Foundation

/// Validates a schedule file against the JSON Schema it names in `$schema` (a path relative to
/// the schedule, e.g. `./schedule.schema.json`), with Docket's JSON Schema engine.
enum ScheduleSchemaCheck {
    /// Located schema errors; empty when valid or when the file names no local schema.
    static func errors(_ data: LoadedData) -> [Diagnostic] {
        guard let ref = data.value["$schema"]?.stringValue, !ref.contains("://") else { return [] }
        let base = URL(fileURLWithPath: data.path).deletingLastPathComponent()
        let url = URL(fileURLWithPath: ref, relativeTo: base).standardizedFileURL
        let schemaData: LoadedData
        do {
            schemaData = try DataLoader.load(path: url.path)
        } catch {
            var d = error.diagnostic
            d.message = "schedule schema '\(ref)': \(d.message)"
            return [d]
        }
        do {
            let schema = try JSONSchema.compile(schemaData.value, baseURI: url.absoluteString)
            let result = schema.validate(data.value)
            return result.valid ? [] : result.located(in: data).filter(\.isError)
        } catch {
            return error.diagnostics
        }
    }
}
