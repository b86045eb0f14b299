import DocketTestSupport
import Foundation
import Testing

/// `docket fill --format html` of every shipped deliverable's example, checked by axe-core in
/// headless Chromium (Debian's chromium and chromedriver, selenium and axe-selenium-python from
/// the project's `.venv`): no violation of any impact (docs/validation.md, "Accessibility").
@Suite(.serialized) struct HTMLAccessibilityTests {
    @Test func shippedDeliverablesAsHTMLHaveNoAxeViolation() throws {
        _ = try Tools.require("chromium")
        _ = try Tools.require("chromedriver")
        let list = try DocketBinary.run(["list", "--format", "json"])
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count >= 3, "\(list.stdout)")
        let dir = TestPaths.temporaryDirectory()
        var pages: [String] = []
        for id in ids {
            let out = dir.appendingPathComponent("\(id).html").path
            let r = try DocketBinary.run(["fill", id, "--data", "Templates/\(id)/example.yaml", "--format", "html", "-o", out, "--date", "2023-09-29"])
            #expect(r.status == 0, "\(id): \(r.stderr)")
            let html = try String(contentsOfFile: out, encoding: .utf8)
            #expect(html.contains("<html lang=\"en\">") && html.contains("<main>") && html.contains("<title>"), "\(id)")
            pages.append(out)
        }
        let script = TestPaths.fixture("DocketCLITests", "browser/html_axe.py").path
        let r = try ProcessRunner.run(try Tools.venvPython(), [script] + pages)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr.suffix(3000))")
        #expect(r.stdout.components(separatedBy: ": 0 violations").count == pages.count + 1, "\(r.stdout)")
    }
}
