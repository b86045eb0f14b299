import ArgumentParser
import DocketCore
import DocketFill
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
              docket fill --instance MBRH/pip.hospital.pip2.midyear-planning --data mbrh.yaml --out-dir out
            """)

    @Argument(help: "Deliverable id or template path (not with --instance).")
    var target: String?

    @Option(name: .long, help: ArgumentHelp("A tracker instance: its event picks the deliverable, PIP number, year and due date.", valueName: "ABBR/EVENT-ID"))
    var instance: String?

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

    @Option(name: .long, help: "Print the data's translations in this language (e.g. es); fixed form text stays English, untranslated fields English with a warning.")
    var lang: String?

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

    @OptionGroup var jobs: JobsOption

    var kind: OutputKind { OutputKind(rawValue: format.lowercased()) ?? .docx }

    func validate() throws {
        if (target == nil) == (instance == nil) { throw ValidationError("give a deliverable id or template path, or --instance ABBR/EVENT-ID (not both)") }
        guard OutputKind(rawValue: format.lowercased()) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of: docx, md, html")
        }
        switch (data, batch) {
        case (nil, nil): throw ValidationError("give the data: --data <file.yaml|json> or --batch <folder-or-glob>")
        case (.some, .some): throw ValidationError("--data and --batch cannot be used together; pick one")
        default: break
        }
        if batch != nil && outDir == nil { throw ValidationError("--batch writes one file per data file: add --out-dir <folder>") }
        if output != nil && outDir != nil { throw ValidationError("--output and --out-dir cannot be used together; pick one") }
        if let date { try DateArgument.check(date, option: "--date", example: "2023-09-30") }
        guard ["text", "json"].contains(errorFormat) else { throw ValidationError("unknown --error-format '\(errorFormat)'; use text or json") }
        if track && output == nil && outDir == nil {
            throw ValidationError("--track records the written file: add --output <file> or --out-dir <folder>")
        }
    }

    func run() throws {
        let env = try RunContext.environment()
        let reporter = FillReporter(json: errorFormat == "json")
        defer { reporter.finish() }
        let pipeline: FillPipeline
        let calendar = DueDates.load(schedulePath: env.schedulePath)
        var chosen: InstanceFill?
        do {
            chosen = try instance.map { key throws(InstanceFill.Problem) in try InstanceFill.resolve(key, calendar: calendar ?? DueDates(events: [])) }
            let resolved = try FillTargets.resolve(chosen?.deliverable ?? target ?? "", registry: RunContext.deliverables)
            pipeline = try FillPipeline(target: resolved, formats: [kind], dueDates: calendar)
        } catch let problem as InstanceFill.Problem {
            reporter.report(file: instance ?? "", diagnostics: [problem.diagnostic], failed: true)
            throw ExitCode(ExitStatus.usage.rawValue)
        } catch let d as Diagnostic {
            reporter.report(file: target ?? "", diagnostics: [d], failed: true)
            throw ExitCode(ExitStatus.usage.rawValue)
        } catch let list as DiagnosticList {
            reporter.report(file: target ?? "", diagnostics: list.diagnostics, failed: true)
            throw ExitCode(ExitStatus.invalid.rawValue)
        }
        let day = date ?? env.today.description
        let request = { FillRequest(input: $0, format: kind, date: day, allowMissing: allowMissing, checkData: !noSchema, instance: chosen, language: lang) }
        let tracking = track ? FillTracking(deliverable: pipeline.target.deliverableID, event: chosen?.event.id, options: tracker, environment: env) : nil
        guard let batch else {
            let data = data ?? ""
            if timing { Terminal.writeError(FillTiming.measure(pipeline, dataPath: data, kind: kind, date: day)) }
            let destination: FillOutput.Destination = output.map { .file($0) } ?? outDir.map { .folder($0) } ?? .standardOutput
            let (result, written) = FillOutput.write(pipeline.fill(request(.file(data))), to: destination)
            reporter.report(file: data, diagnostics: result.diagnostics, written: written, failed: result.status != .success)
            if let written {
                reporter.note("wrote \(displayPath(URL(fileURLWithPath: written)))")
                try tracking?.record([(written, result.entity)])
            }
            if result.status != .success { throw ExitCode(result.status.rawValue) }
            return
        }
        let files: [String]
        do { files = try BatchInput.expand(batch) } catch {
            reporter.report(file: batch, diagnostics: [error], failed: true)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let progress = ProgressBar(enabled: Terminal.isTerminal(fileDescriptor: 2))
        let results = pipeline.fillAll(files.map { request(.file($0)) }, jobs: jobs.count, progress: progress.tick)
        progress.finish()
        let (status, written) = FillBatchReport.write(files: files, results: results, outDir: outDir ?? ".", reporter: reporter)
        try tracking?.record(written)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
