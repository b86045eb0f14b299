import Testing
import DocketTestSupport

@Suite struct CLIBasicsTests {
    @Test func versionPrints() throws {
        let r = try DocketBinary.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("0.1"))
    }

    @Test func unknownSubcommandIsUsageError() throws {
        let r = try DocketBinary.run(["frobnicate"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("frobnicate"))
    }
}
