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
        if format == "json" {
            let items: [JSONValue] = targets.map { t in
                var o: [String: JSONValue] = ["id": .string(t.displayName), "title": .string(t.title)]
                o["markdownTemplate"] = t.markdownTemplate.map { .string($0.path) } ?? .null
                o["docxTemplate"] = t.docxTemplate.map { .string($0.path) } ?? .null
                o["schema"] = t.schemaURL.map { .string($0.path) } ?? .null
                return .object(o)
            }
            print(JSONWriter.string(.array(items), pretty: true))
            return
        }
        if targets.isEmpty {
            Terminal.writeError(RunContext.noProjectAdvice)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        for t in targets {
            let formats = (t.docxTemplate != nil ? ["docx"] : []) + (t.markdownTemplate != nil ? ["md", "html"] : [])
            let title = t.title
            print("\(t.displayName.padding(toLength: 24, withPad: " ", startingAt: 0)) \(formats.joined(separator: ",").padding(toLength: 14, withPad: " ", startingAt: 0)) \(title)")
        }
    }
}
