import ArgumentParser
import DocketCore
import DocketTracker
import Foundation

/// Options every `docket track` subcommand shares.
struct TrackOptions: ParsableArguments {
    @Option(name: .long, help: "Tracker database file (default $DOCKET_DB, else $XDG_DATA_HOME/docket/tracker.sqlite).")
    var db: String?

    @Option(name: .long, help: "Who is acting, for the history (default $DOCKET_USER, else $USER).")
    var by: String?

    /// Opens the tracker (creating the database on first use) in the run's environment.
    func open() throws -> Tracker { try open(RunContext.environment()) }

    func open(_ environment: DocketEnvironment) throws -> Tracker {
        try Tracker.open(environment, path: db, by: by, rubrics: RunContext.deliverables?.reviewCriteria ?? [:])
    }
}

/// Output formats of the listing commands.
enum TrackFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// Output formats of the commands without a table (no CSV).
enum TrackTextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Runs a track command body, turning tracker errors into diagnostics and exit codes:
/// bad input and a busy database exit 1, I/O problems exit 2. Nothing is written on error
/// (each command is one transaction).
enum TrackRunner {
    static func run(json: Bool = false, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as TrackerError {
            report([e.diagnostic], json: json)
            throw ExitCode(e.exitStatus.rawValue)
        } catch let list as DiagnosticList {
            report(list.diagnostics, json: json)
            throw ExitCode(ExitStatus.invalid.rawValue)
        }
    }

    /// Diagnostics on standard error, and with `json` the `{"diagnostics"}` document on standard
    /// output (`quietText`: only that document then).
    static func report(_ diagnostics: [Diagnostic], json: Bool, quietText: Bool = false) {
        let printer = DiagnosticPrinter.forStandardError()
        if !(json && quietText) { for d in diagnostics { Terminal.writeError(printer.format(d)) } }
        if json { print(Diagnostic.jsonDocument(diagnostics)) }
    }

    /// Writes `text` to standard output, flushing (so a killed process has printed what it committed).
    static func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
