import DocketTestSupport
import Foundation
import Testing

/// `make install`: an installed binary, run from elsewhere with no DOCKET_HOME, finds its
/// deliverables, schemas, schedule and resource bundle by itself.
@Suite struct InstallTests {
    @Test func installedBinaryFindsEverythingByItself() throws {
        let prefix = TestPaths.temporaryDirectory("docket-prefix")
        let build = URL(fileURLWithPath: DocketBinary.executable).deletingLastPathComponent().path
        let install = try ProcessRunner.run("/bin/bash", ["scripts/install.sh", build, prefix.path], cwd: TestPaths.packageRoot)
        #expect(install.status == 0, "\(install.stderr)")
        let docket = prefix.appendingPathComponent("bin/docket").path
        let elsewhere = TestPaths.temporaryDirectory("docket-elsewhere")
        let clean = ["DOCKET_HOME": "", "DOCKET_SCHEDULE": ""]
        let list = try ProcessRunner.run(docket, ["list"], cwd: elsewhere, environment: clean)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("pip-midyear-report"))
        let example = TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml").path
        let fill = try ProcessRunner.run(docket, ["fill", "pip-midyear-report", "--data", example, "--out-dir", ".", "--date", "2023-10-02"],
                                         cwd: elsewhere, environment: clean)
        #expect(fill.status == 0, "\(fill.stderr)")
        // The schema engine's meta-schemas (resource bundle) and the schedule (lateness) are found too.
        let validate = try ProcessRunner.run(docket, ["validate", "MBRH_PIPMidYearReport_10022023.docx"], cwd: elsewhere, environment: clean)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("[R000-04]"), "lateness from the installed schedule: \(validate.stderr)")
        let calendar = try ProcessRunner.run(docket, ["calendar", "--program", "pip", "--format", "csv"], cwd: elsewhere, environment: clean)
        #expect(calendar.status == 0, "\(calendar.stderr)")
        #expect(calendar.stdout.contains("2023-09-30"))
    }
}
