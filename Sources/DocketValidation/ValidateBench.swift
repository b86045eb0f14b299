import DocketCore
import DocketSchema
import Foundation

/// The hidden benchmark mode of `docket validate` (`--bench-repeat N`, used by
/// scripts/bench-schema.sh): each file holds a JSON array of instances; every instance is
/// validated N times against `--schema` in process, and only the validation loop is timed, as the
/// median of the N passes after one warm-up pass (loading and compiling are reported separately). Prints one JSON object per file.
public enum ValidateBench {
    public static func run(files: [String], schemaPath: String, repeats: Int, options: SchemaOptions) throws -> JSONValue {
        let compileStart = DispatchTime.now()
        let schema = try SchemaCatalog(options: options).schema(at: URL(fileURLWithPath: schemaPath))
        let compileSeconds = seconds(since: compileStart)
        var results: [JSONValue] = []
        for file in files {
            let instances = try DataLoader.load(path: file).value.arrayValue ?? []
            var valid = 0, errors = 0
            // One untimed pass (page faults, lazy initialisation), then the median of timed passes.
            for instance in instances { _ = schema.validate(instance) }
            // Quick check (stops at the first error), as `is_valid` in the other libraries.
            let quick = median(repeats) {
                valid = 0
                for instance in instances where schema.isValid(instance) { valid += 1 }
            }
            // Full validation: every error with its locations for the invalid ones.
            let full = median(repeats) {
                errors = 0
                for instance in instances { errors += schema.validate(instance).errors.count }
            }
            let n = Double(instances.count)
            results.append(.object([
                "file": .string(file), "instances": .int(instances.count), "repeat": .int(repeats), "valid": .int(valid),
                "errors": .int(errors), "compileSeconds": .double(compileSeconds),
                "isValidPerSecond": .double((n / quick).rounded()), "validatePerSecond": .double((n / full).rounded()),
            ]))
        }
        return .array(results)
    }

    /// The median duration of `repeats` runs of `body`.
    static func median(_ repeats: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now()
            body()
            times.append(seconds(since: start))
        }
        return times.sorted()[times.count / 2]
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
