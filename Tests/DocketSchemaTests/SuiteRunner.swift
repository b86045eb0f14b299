import DocketCore
import DocketSchema
import DocketTestSupport
import Foundation

/// Runs files of the official JSON-Schema-Test-Suite (read from ../shared at test time),
/// with `remotes/` served from an in-memory registry at `http://localhost:1234/`.
enum SuiteRunner {
    static let suite = TestPaths.shared.appendingPathComponent("json-schema-test-suite")
    static let draft = suite.appendingPathComponent("tests/draft2020-12")

    static let registry: SchemaRegistry = {
        var r = SchemaRegistry()
        try! r.addDirectory(suite.appendingPathComponent("remotes"), baseURI: "http://localhost:1234/")
        return r
    }()

    struct Outcome {
        var passed = 0
        var failures: [String] = []
        var total: Int { passed + failures.count }
    }

    /// `.json` files of a suite folder (relative to draft2020-12), sorted.
    static func files(_ folder: String) -> [String] {
        let dir = folder.isEmpty ? draft : draft.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }

    static func run(_ file: String, options: SchemaOptions = SchemaOptions()) throws -> Outcome {
        let data = try Data(contentsOf: draft.appendingPathComponent(file))
        let (groups, _) = try JSONParser.parse(bytes: Array(data))
        var outcome = Outcome()
        for group in groups.arrayValue ?? [] {
            let title = group["description"]?.stringValue ?? "?"
            let schema: JSONSchema
            do {
                schema = try JSONSchema.compile(group["schema"]!, registry: registry, options: options)
            } catch {
                let n = group["tests"]?.arrayValue?.count ?? 0
                outcome.failures.append("\(file): '\(title)': schema did not compile (\(n) tests): \(error)")
                continue
            }
            for test in group["tests"]?.arrayValue ?? [] {
                let expected = test["valid"]?.boolValue ?? true
                let result = schema.validate(test["data"] ?? .null)
                // The quick path and the collecting path must agree.
                let quick = schema.isValid(test["data"] ?? .null)
                if result.valid == expected && quick == expected && (result.valid || !result.errors.isEmpty) {
                    outcome.passed += 1
                } else {
                    outcome.failures.append("\(file): '\(title)' / '\(test["description"]?.stringValue ?? "?")': expected "
                        + "\(expected ? "valid" : "invalid"), got \(result.valid ? "valid" : "invalid") (quick: \(quick))")
                }
            }
        }
        return outcome
    }
}
