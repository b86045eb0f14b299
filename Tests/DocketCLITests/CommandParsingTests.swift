import ArgumentParser
@testable import DocketCLI
import Testing

/// The command line parsed in process (no binary): options, `validate()` checks and their
/// messages, as swift-argument-parser's own test helpers do.
@Suite struct CommandParsingTests {
    /// The message a parse-and-validate of `arguments` fails with (nil when it succeeds).
    func failure(_ arguments: [String]) -> String? {
        do {
            _ = try DocketCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return DocketCommand.message(for: error)
        }
    }

    @Test func fillParsesItsOptions() throws {
        let parsed = try DocketCommand.parseAsRoot(["fill", "pip-midyear-report", "--data", "d.yaml", "--format", "md", "--date", "2023-09-29"])
        let fill = try #require(parsed as? FillCommand)
        #expect(fill.target == "pip-midyear-report")
        #expect(fill.data == "d.yaml")
        #expect(fill.kind == .md)
        #expect(fill.date == "2023-09-29")
        #expect(!fill.allowMissing && !fill.noSchema && !fill.track)
    }

    @Test func fillRefusesBadCombinationsNamingTheFix() {
        #expect(failure(["fill", "x"])?.contains("--data <file.yaml|json> or --batch") == true)
        #expect(failure(["fill", "x", "--data", "a", "--batch", "b"])?.contains("cannot be used together") == true)
        #expect(failure(["fill", "x", "--batch", "b"])?.contains("add --out-dir") == true)
        #expect(failure(["fill", "x", "--data", "a", "--format", "odt"])?.contains("use one of: docx, md, html, pdf") == true)
        #expect(failure(["fill", "x", "--data", "a", "--pdf-a"])?.contains("--pdf-a applies to --format pdf only") == true)
        #expect(failure(["form", "x", "--output", "a.pdf", "--pdf-a"])?.contains("--pdf-a applies to --format pdf only") == true)
        #expect(failure(["fill", "x", "--data", "a", "--jobs", "0"])?.contains("--jobs must be at least 1") == true)
        #expect(failure(["fill", "x", "--data", "a", "--track"])?.contains("--track records the written file") == true)
    }

    @Test func datesAreExplainedInWords() {
        // Issue 13: "February 2023 has no day 30", not "expected YYYY-MM-DD".
        #expect(failure(["fill", "x", "--data", "a", "--date", "2023-02-30"])?.contains("February 2023 has no day 30") == true)
        #expect(failure(["fill", "x", "--data", "a", "--date", "2023-13-01"])?.contains("there is no month 13") == true)
        #expect(failure(["fill", "x", "--data", "a", "--date", "30/09/2023"])?.contains("write YYYY-MM-DD") == true)
    }

    @Test func validateChecksFileTypesAndOptions() throws {
        #expect(failure(["validate", "notes.txt"])?.contains("unsupported file type") == true)
        #expect(failure(["validate", "a.yaml", "--deliverable", "x", "--schema", "s.json"])?.contains("not both") == true)
        #expect(failure(["validate", "a.yaml", "--format", "xml"])?.contains("use text or json") == true)
        let parsed = try #require(try DocketCommand.parseAsRoot(["validate", "a.docx", "--due-event", "pip.aco.pip2.midyear-planning"]) as? ValidateCommand)
        #expect(parsed.dueEvent == "pip.aco.pip2.midyear-planning")
    }

    @Test func chooseAndTriggerAreStrictPairs() {
        // One parser for --choose and --trigger (calendar and track sync alike).
        #expect(failure(["calendar", "--choose", "hqe-annual-dates"])?.contains("is not <id>=<value>") == true)
        #expect(failure(["track", "sync", "--choose", "hqe-annual-dates"])?.contains("is not <id>=<value>") == true)
        #expect(failure(["calendar", "--choose", "a=b", "--choose", "a=c"])?.contains("gives 'a' twice") == true)
        #expect(failure(["calendar", "--trigger", "x=2023-02-30"])?.contains("YYYY-MM-DD") == true)
    }

    @Test func assignmentsParseInLibrary() throws {
        #expect(try Assignments.parse(["a=b", "c=d=e"], option: "--choose", example: "") == ["a": "b", "c": "d=e"])
    }
}
