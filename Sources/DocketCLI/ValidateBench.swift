import DocketCore
import DocketSchema
import Foundation

/// The hidden benchmark mode of `docket validate` (`--bench-repeat N`, used by
/// scripts/bench-schema.sh): each file holds a JSON array of instances; every instance is
/// validated N times against `--schema` in process, and only the validation loop is timed
/// (loading and compiling are reported separately). Prints one JSON object per file.
enum ValidateBench {
    static func run(files: [String], schemaPath: String, repeats: Int, options: SchemaOptions) throws -> JSONValue {
        let compileStart = DispatchTime.now()
        let schema = try SchemaCatalog(options: options).schema(at: URL(fileURLWithPath: schemaPath))
        let compileSeconds = seconds(since: compileStart)
        var results: [JSONValue] = []
        for file in files {
            let instances = try DataLoader.load(path: file).value.arrayValue ?? []
            var valid = 0
            // Quick check (stops at the first error), as `is_valid` in the other libraries.
            let quickStart = DispatchTime.now()
            for _ in 0..<repeats {
                valid = 0
                for instance in instances where schema.isValid(instance) { valid += 1 }
            }
            let quick = seconds(since: quickStart)
            // Full validation: every error with its locations for the invalid ones.
            var errors = 0
            let fullStart = DispatchTime.now()
            for _ in 0..<repeats {
                errors = 0
                for instance in instances { errors += schema.validate(instance).errors.count }
            }
            let full = seconds(since: fullStart)
            let n = Double(instances.count * repeats)
            results.append(.object([
                "file": .string(file), "instances": .int(instances.count), "repeat": .int(repeats), "valid": .int(valid),
                "errors": .int(errors), "compileSeconds": .double(compileSeconds),
                "isValidPerSecond": .double((n / quick).rounded()), "validatePerSecond": .double((n / full).rounded()),
            ]))
        }
        return .array(results)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
