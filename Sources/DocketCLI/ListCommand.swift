import ArgumentParser
import DocketCore
import DocketFill
import Foundation

/// `docket list`: the deliverables and templates Docket knows.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the deliverables and templates Docket knows.")

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("unknown format '\(format)'; use text or json") }
    }

    func run() throws {
        RunContext.registryProblems.forEach { Terminal.writeError(DiagnosticPrinter.forStandardError().format($0)) }
        let targets = (RunContext.deliverables?.deliverables ?? []).map(DeliverableTarget.init(deliverable:))
        let calendar = DueDates.load(schedulePath: try RunContext.environment().schedulePath)
        if format == "json" { return print(JSONWriter.string(FillListing.json(targets, calendar: calendar), pretty: true)) }
        if targets.isEmpty {
            Terminal.writeError(RunContext.noProjectAdvice)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        print(FillListing.text(targets, calendar: calendar), terminator: "")
    }
}
