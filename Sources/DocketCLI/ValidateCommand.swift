import ArgumentParser
import DocketCore
import DocketFill
import DocketSchema
import DocketValidation
import Foundation

/// `docket validate`: checks data files against a deliverable's schema or any JSON Schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate data files (YAML or JSON) and filled submissions (.md, .docx) before upload (docs/validation.md).",
        discussion: """
            The schema is, in order: --schema <file>; Schemas/<id>.schema.json for --deliverable <id>; \
            or that of the deliverable the data names in a top-level `deliverable:` key. \
            Schemas are JSON Schema draft 2020-12 plus Docket's x-docket-* keywords (docs/schema.md).

            Problems print as `file:line:col: error: [rule] message (at /json/pointer)` on standard \
            error; --format json prints one object per file on standard output.

            Exit status: 0 all valid (warnings allowed unless --strict), 1 invalid, 2 unreadable \
            file, unknown deliverable or unusable schema.

            Examples:
              docket validate Templates/pip-midyear-report/example.yaml --deliverable pip-midyear-report
              docket validate data/*.yaml --deliverable hqe-strategic-plan --strict
              docket validate instance.json --schema my.schema.json --format json --format-assert
            """)

    @Argument(help: "Data files (.yaml, .yml, .json) or filled submissions (.md, .docx).")
    var files: [String]

    @Option(name: .long, help: "Deliverable id: use Schemas/<id>.schema.json.")
    var deliverable: String?

    @Option(name: .long, help: "A JSON Schema file (.json, .yaml) to validate against instead.")
    var schema: String?

    @Option(name: .long, help: "Output: text (diagnostics on standard error) or json (on standard output).")
    var format: String = "text"

    @Flag(name: .long, help: "Treat warnings (e.g. suggested word limits) as failures.")
    var strict = false

    @Flag(name: .customLong("format-assert"), help: "Make the JSON Schema `format` keyword an assertion (date, email, uri…).")
    var formatAssert = false

    @Option(name: .long, help: "Words per page for x-docket-suggestedPages estimates.")
    var wordsPerPage: Int = 500

    @Flag(name: .long, help: "Record each checked file, its SHA-256 and the result on the matching tracker instance.")
    var track = false

    @Option(name: .long, help: "Entity abbreviation for --track (default: from the data, else the file name's <ABBR>_ prefix).")
    var entity: String?

    @OptionGroup(title: "Tracker")
    var tracker: TrackOptions

    @Option(name: .customLong("due-event"), help: "Calendar event the submission answers, e.g. pip.aco.pip2.midyear-planning (default: from the data).")
    var dueEvent: String?

    @OptionGroup var jobs: JobsOption

    @Option(name: .customLong("bench-repeat"), help: .hidden)
    var benchRepeat: Int?

    func validate() throws {
        guard ["text", "json"].contains(format) else {
            throw ValidationError("unknown --format '\(format)'; use text or json")
        }
        if deliverable != nil && schema != nil {
            throw ValidationError("give either --deliverable or --schema, not both")
        }
        guard wordsPerPage > 0 else { throw ValidationError("--words-per-page must be positive, not \(wordsPerPage)") }
        for file in files where !SubmissionValidator.supports(file) {
            throw ValidationError("cannot validate '\(file)': unsupported file type; expected "
                + SubmissionValidator.supportedExtensions.map { "." + $0 }.joined(separator: ", "))
        }
    }

    func run() throws {
        let options = SchemaOptions(formatAssertion: formatAssert, wordsPerPage: wordsPerPage)
        if let benchRepeat {
            guard let schema else { throw ValidationError("--bench-repeat needs --schema") }
            do {
                print(JSONWriter.string(try ValidateBench.run(files: files, schemaPath: schema, repeats: benchRepeat, options: options), pretty: true))
            } catch {
                Terminal.writeError("docket validate: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            return
        }
        let env = try RunContext.environment()
        let validator = SubmissionValidator(options: ValidationOptions(
            deliverable: deliverable, schemaPath: schema, catalog: SchemaCatalog(options: options),
            registry: RunContext.deliverables, calendar: DueDates.load(schedulePath: env.schedulePath), dueEvent: dueEvent))
        let reports = validator.validateAll(files, jobs: jobs.count)
        if track {
            try ValidateTracking.record(reports, strict: strict, entity: entity, options: tracker)
        }
        if format == "json" {
            FileHandle.standardOutput.write(JSONWriter.data(.array(reports.map(\.json))))
        } else {
            printText(reports)
        }
        throw ExitCode(SubmissionValidator.exitStatus(reports, strict: strict).rawValue)
    }

    private func printText(_ reports: [ValidationReport]) {
        let printer = DiagnosticPrinter.forStandardError()
        for d in reports.flatMap(\.placedDiagnostics) { Terminal.writeError(printer.format(d)) }
        let (errors, warnings, subject) = SubmissionValidator.summary(reports)
        Terminal.writeError(printer.summary(errors: errors, warnings: warnings, subject: "docket validate: " + subject))
    }
}
