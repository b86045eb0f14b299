import ArgumentParser
import DocketCore
import DocketForms
import Foundation

/// `docket extract`: the data back out of a filled form or deliverable (.docx), via DocketForms.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract",
        abstract: "Read the answers of a filled .docx back as data, in schema order (by tag, else bookmark; docs/forms.md).")

    @Argument(help: "A filled .docx.") var file: String
    @Option(name: .long, help: "Output: yaml or json.") var format: String = "yaml"
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.") var output: String?
    @Option(name: .long, help: "Deliverable id (default: the one the answers belong to).") var deliverable: String?
    @Flag(name: .long, help: "List each answer and how it was found on standard error.") var verbose = false

    func validate() throws {
        guard ["yaml", "json"].contains(format) else { throw ValidationError("unknown --format '\(format)'; use yaml or json") }
    }

    func run() throws {
        let printer = DiagnosticPrinter.forStandardError()
        do {
            guard let registry = RunContext.deliverables else { throw FormExtractor.Failure(diagnostic: Diagnostic(.error, rule: "extract.deliverable", RunContext.noProjectAdvice), status: .usage) }
            let result = try FormExtractor.extract(docx: URL(fileURLWithPath: file), registry: registry, deliverable: deliverable)
            for d in result.diagnostics { Terminal.writeError(printer.format(d)) }
            if verbose { for f in result.found { Terminal.writeError("\(f.location.file): \(f.path): found by its \(f.foundBy.rawValue) (\(f.location.place ?? ""))") } }
            let text = Data((format == "json" ? result.json : result.yaml).utf8)
            if let output { try AtomicFile.write(text, to: output) } else { FileHandle.standardOutput.write(text) }
        } catch let failure as FormExtractor.Failure {
            Terminal.writeError(printer.format(failure.diagnostic))
            throw ExitCode(failure.status.rawValue)
        } catch let failure as AtomicFile.Failure {
            Terminal.writeError("docket extract: \(failure.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
