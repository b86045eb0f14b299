import DocketSchema
import DocketTestSupport
import Foundation
import Testing

/// The suite's optional tests (optional/ and optional/format/, the latter with format
/// assertion on): results are printed, not required. The floors below only catch
/// regressions from the pass rates recorded in docs/schema.md.
@Suite struct OptionalSuiteTests {
    static func report(_ folder: String, options: SchemaOptions) throws -> (passed: Int, total: Int) {
        var passed = 0, total = 0
        for file in SuiteRunner.files(folder) {
            let o = try SuiteRunner.run(file, options: options)
            passed += o.passed
            total += o.total
            let mark = o.failures.isEmpty ? "ok  " : "FAIL"
            print("[optional] \(mark) \(file): \(o.passed)/\(o.total)")
            for f in o.failures { print("[optional]      \(f)") }
        }
        print("[optional] \(folder): \(passed)/\(total) passed")
        return (passed, total)
    }

    @Test func optional() throws {
        let (passed, total) = try Self.report("optional", options: SchemaOptions())
        #expect(total > 0)
        #expect(Double(passed) >= 0.8 * Double(total))
    }

    @Test func optionalFormats() throws {
        let (passed, total) = try Self.report("optional/format", options: SchemaOptions(formatAssertion: true))
        #expect(total > 0)
        #expect(Double(passed) >= 0.8 * Double(total))
    }
}
