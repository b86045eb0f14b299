import ArgumentParser
import DocketCore
import DocketForms
import Foundation

/// `docket extract`: the data back out of a filled form or deliverable (.docx), via DocketForms.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read the answers of a filled .docx back as data (YAML or JSON, in schema order; docs/forms.md).",
        discussion: """
            Answers are found by their content-control tags (docket:<path>), else by their bookmarks \
            (kept by editors such as LibreOffice that drop the tags). --verbose lists how each was found.

            Examples:
              docket extract MBRH_PIPMidYearReport_09292023.docx
              docket extract form.docx --format json -o data.json
            """)

    @Argument(help: "A filled .docx.") var file: String
    @Option(name: .long, help: "Output: yaml or json.") var format: String = "yaml"
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.") var output: String?
    @Option(name: .long, help: "Deliverable id (default: the one the answers belong to).") var deliverable: String?
    @Flag(name: .long, help: "List each answer and how it was found on standard error.") var verbose = false

    func validate() throws {
        guard ["yaml", "json"].contains(format) else { throw ValidationError("unknown --format '\(format)'; use yaml or json") }
    }

    func run() throws {
        guard let registry = RunContext.deliverables else {
            Terminal.writeError("docket extract: \(RunContext.noProjectAdvice)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let printer = DiagnosticPrinter.forStandardError()
        do {
            let result = try FormExtractor.extract(docx: URL(fileURLWithPath: file), registry: registry, deliverable: deliverable)
            for d in result.diagnostics { Terminal.writeError(printer.format(d)) }
            if verbose { for f in result.found { Terminal.writeError("\(f.location.file): \(f.path): found by its \(f.foundBy.rawValue) (\(f.location.place ?? ""))") } }
            let text = format == "json" ? result.json : result.yaml
            if let output {
                try AtomicFile.write(Data(text.utf8), to: output)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch let failure as FormExtractor.Failure {
            Terminal.writeError(printer.format(failure.diagnostic))
            throw ExitCode(failure.status.rawValue)
        } catch let failure as AtomicFile.Failure {
            Terminal.writeError("docket extract: \(failure.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
