import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// `docket fill --track` then `docket validate --track` on a filled .docx: the instance moves
/// filled → validated, and a broken submission sends it back to filled, flagged invalid.
@Suite struct ValidateTrackTests {
    @Test func validateTrackRecordsResultOnTheInstance() throws {
        let s = TrackSandbox()
        try s.setUpPartners()
        let key = "BHOS/pip.hospital.pip1.midyear-planning"
        let example = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
        let data = s.dir.appendingPathComponent("bhos.yaml")
        try example.replacingOccurrences(of: "abbreviation: MBRH", with: "abbreviation: BHOS").write(to: data, atomically: true, encoding: .utf8)
        let out = s.dir.appendingPathComponent("out")
        let env = ["DOCKET_NOW": "2023-09-28", "DOCKET_USER": "lead"]
        let fill = try DocketBinary.run(["fill", "pip-midyear-report", "--data", data.path, "--format", "docx", "--out-dir", out.path,
                                      "--date", "2023-09-28", "--track", "--db", s.db], environment: env)
        #expect(fill.status == 0, "\(fill.stderr)")
        let docx = out.appendingPathComponent("BHOS_PIPMidYearReport_09282023.docx").path

        let good = try DocketBinary.run(["validate", docx, "--track", "--db", s.db], environment: env)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.contains("filled → validated"))
        let history = try s.json(["history", key])
        #expect(history["status"] == .string("validated"))
        let sum = try ProcessRunner.run(ProcessRunner.which("sha256sum") ?? "/usr/bin/sha256sum", [docx])
        #expect(history["events"]?.arrayValue?.last?["sha256"] == .string(String(sum.stdout.prefix(64))))

        // A copy under a name that breaks the OnBase convention fails and goes back to filled.
        let renamed = out.appendingPathComponent("BHOS_PIPReport_09282023.docx").path
        try FileManager.default.copyItem(atPath: docx, toPath: renamed)
        let bad = try DocketBinary.run(["validate", renamed, "--deliverable", "pip-midyear-report", "--track", "--db", s.db], environment: env)
        #expect(bad.status == 1, "\(bad.stderr)")
        #expect(bad.stderr.contains("R000-05"))
        #expect(bad.stderr.contains("validated → filled") && bad.stderr.contains("invalid"))
        #expect(try s.json(["history", key])["status"] == .string("filled"))
    }
}
