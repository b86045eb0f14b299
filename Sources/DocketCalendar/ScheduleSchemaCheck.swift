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
        do {
            let result = try SchemaCatalog.shared.schema(at: url).validate(data.value)
            return result.valid ? [] : result.located(in: data).filter(\.isError)
        } catch {
            return error.diagnostics.map { d in
                var d = d
                d.message = "schedule schema '\(ref)': \(d.message)"
                return d
            }
        }
    }
}
