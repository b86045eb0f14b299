import ArgumentParser
import DocketCalendar
import DocketCore
import Foundation

/// `docket fill`: fills a deliverable or template with data into docx, md or html.
struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fill a deliverable or template with data (YAML or JSON) into .docx, .md or .html.",
        discussion: """
            <target> is a deliverable id (see `docket list`) or a template path: a Markdown template (.md), an unpacked DOCX template folder, or a .docx authored in Word.

            Data is checked against the deliverable's schema and named rules first. Every missing field is reported with its place in the template, and nothing is written. --out-dir names files by the OnBase convention <ABBR>_<DocName>_<MMDDYYYY>.<ext>.

            Examples:
              docket fill pip-midyear-report --data Templates/pip-midyear-report/example.yaml --out-dir out
              docket fill hqe-strategic-plan --data plan.yaml --format md --output plan.md
              docket fill pip-midyear-report --batch 'entities/*.yaml' --out-dir out
            """)

    @Argument(help: "Deliverable id or template path.")
    var target: String

    @Option(name: .long, help: "Data file (.yaml, .yml or .json).")
    var data: String?

    @Option(name: .long, help: "Fill many data files: a folder or a glob pattern (quote it).")
    var batch: String?

    @Option(name: .long, help: "Output format: docx, md or html.")
    var format: String = "docx"

    @Option(name: .shortAndLong, help: "Output file. Without it and --out-dir, md and html go to standard output.")
    var output: String?

    @Option(name: .long, help: "Output folder; files are named <ABBR>_<DocName>_<MMDDYYYY>.<ext>.")
    var outDir: String?

    @Option(name: .long, help: "Submission date YYYY-MM-DD for names and the document (default: today).")
    var date: String?

    @Flag(name: .long, help: "Render a visible [MISSING: field] instead of failing on missing fields.")
    var allowMissing = false

    @Flag(name: .long, help: "Do not check the data against the deliverable's schema and rules first.")
    var noSchema = false

    @Flag(name: .long, help: "Record each written file (and its SHA-256) on the matching tracker instance.")
    var track = false

    @OptionGroup(title: "Tracker")
    var tracker: TrackOptions

    @Option(name: .long, help: "Diagnostics: text (file:line:col: error: [rule] message) or json (an array on standard error).")
    var errorFormat: String = "text"

    @Flag(name: .long, help: .hidden)
    var timing = false

    @Option(name: .long, help: "Jobs in parallel for --batch (default: number of cores).")
    var jobs: Int?

    var kind: OutputKind { OutputKind(rawValue: format.lowercased())! }

    func validate() throws {
        guard OutputKind(rawValue: format.lowercased()) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of: docx, md, html")
        }
        switch (data, batch) {
        case (nil, nil): throw ValidationError("give the data: --data <file.yaml|json> or --batch <folder-or-glob>")
        case (.some, .some): throw ValidationError("--data and --batch cannot be used together; pick one")
        default: break
        }
        if batch != nil && outDir == nil {
            throw ValidationError("--batch writes one file per data file: add --out-dir <folder>")
        }
        if output != nil && outDir != nil {
            throw ValidationError("--output and --out-dir cannot be used together; pick one")
        }
        if let date, LocalDate(date) == nil {
            throw ValidationError("invalid --date '\(date)': expected YYYY-MM-DD, e.g. 2023-09-30")
        }
        guard ["text", "json"].contains(errorFormat) else {
            throw ValidationError("unknown --error-format '\(errorFormat)'; use text or json")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if track && output == nil && outDir == nil {
            throw ValidationError("--track records the written file: add --output <file> or --out-dir <folder>")
        }
    }

    func run() throws {
        let reporter = FillReporter(json: errorFormat == "json")
        defer { reporter.finish() }
        let fillTarget: any FillTarget
        do {
            fillTarget = try TargetResolver.resolve(target)
        } catch {
            reporter.report(file: target, diagnostics: [error], failed: true)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let prepared: PreparedFill
        do {
            prepared = try PreparedFill(target: fillTarget, formats: [kind])
        } catch {
            reporter.report(file: target, diagnostics: error.diagnostics, failed: true)
            throw ExitCode(ExitStatus.invalid.rawValue)
        }
        let day = date ?? BuiltinDate.today()
        let job = FillJob(prepared: prepared, kind: kind, date: day, allowMissing: allowMissing, checkSchema: !noSchema)
        if let data, timing {
            Terminal.writeError(FillTiming.measure(prepared: prepared, dataPath: data, kind: kind, date: day))
        }
        if let data {
            let result = job.run(dataPath: data, output: output, outDir: outDir)
            reporter.report(file: data, diagnostics: result.diagnostics, written: result.written, failed: result.status != .success)
            if let path = result.written {
                if output != nil || outDir != nil { reporter.note("wrote \(displayPath(URL(fileURLWithPath: path)))") }
                if track { try FillTracking.record([(path, result.entity)], deliverable: fillTarget.deliverableID, options: tracker) }
            }
            if result.status != .success { throw ExitCode(result.status.rawValue) }
            return
        }
        let files: [String]
        do {
            files = try BatchInput.expand(batch!)
        } catch {
            reporter.report(file: batch!, diagnostics: [error], failed: true)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let runner = BatchRunner(job: job, outDir: outDir!, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, reporter: reporter)
        let (status, written) = runner.run(files)
        if track { try FillTracking.record(written, deliverable: fillTarget.deliverableID, options: tracker) }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// Today as `YYYY-MM-DD` in the local calendar (`DOCKET_TODAY` overrides it for tests).
enum BuiltinDate {
    static func today() -> String {
        if let fixed = ProcessInfo.processInfo.environment["DOCKET_TODAY"] { return fixed }
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
