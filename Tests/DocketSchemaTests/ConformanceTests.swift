import DocketSchema
import DocketTestSupport
import Foundation
import Testing

/// The official suite's required draft 2020-12 tests: every one must pass.
@Suite struct ConformanceTests {
    static let requiredFiles = SuiteRunner.files("")

    @Test func suiteIsPresent() {
        #expect(Self.requiredFiles.count >= 40, "JSON-Schema-Test-Suite not found under \(SuiteRunner.draft.path)")
    }

    @Test(arguments: requiredFiles)
    func required(_ file: String) throws {
        let outcome = try SuiteRunner.run(file)
        #expect(outcome.total > 0)
        #expect(outcome.failures.isEmpty, "\(outcome.failures.count) of \(outcome.total) failed:\n\(outcome.failures.joined(separator: "\n"))")
    }

    @Test func requiredTotal() throws {
        var total = 0, passed = 0
        for file in Self.requiredFiles {
            let o = try SuiteRunner.run(file)
            total += o.total
            passed += o.passed
        }
        print("JSON-Schema-Test-Suite draft2020-12 required: \(passed)/\(total) passed")
        #expect(total >= 1299)
        #expect(passed == total)
    }
}
