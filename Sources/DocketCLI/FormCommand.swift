import ArgumentParser
import DocketCore
import DocketForms
import Foundation

/// `docket form`: a fillable Word form of a deliverable, blank or pre-filled (DocketForms).
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "form",
        abstract: "Write a fillable .docx form of a deliverable, blank or pre-filled from --data (docs/forms.md).")

    @Argument(help: "Deliverable id (docket list).") var deliverable: String
    @Option(name: .long, help: "Partial data (.yaml/.json) to pre-fill.") var data: String?
    @Option(name: .customLong("entity-type"), help: "entity.type, which chooses the appendix.") var entityType: String?
    @Option(name: .shortAndLong, help: "Output file.") var output: String?
    @Option(name: .customLong("out-dir"), help: "Output folder (file named by the OnBase convention).") var outDir: String?
    @Flag(name: .long, help: "Protect the form's fixed text in Word; only the answers stay editable.") var lock = false

    func validate() throws {
        guard (output == nil) != (outDir == nil) else { throw ValidationError("give one of --output <file.docx> or --out-dir <folder>") }
    }

    func run() throws {
        let printer = DiagnosticPrinter.forStandardError()
        guard let registry = RunContext.deliverables, let target = registry.deliverable(id: deliverable) else {
            Terminal.writeError("docket form: unknown deliverable '\(deliverable)'; run `docket list`")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var partial: JSONValue = [:]
        if let data {
            do { partial = try DataLoader.load(path: data).value } catch {
                Terminal.writeError(printer.format(error.diagnostic))
                throw ExitCode((error.isUnreadable ? ExitStatus.usage : .invalid).rawValue)
            }
        }
        let result = FormBuilder.build(target, data: partial, entityType: entityType, date: try RunContext.environment().today.description, lock: lock)
        for d in result.diagnostics { Terminal.writeError(printer.format(d)) }
        guard let bytes = result.bytes else { throw ExitCode(result.status.rawValue) }
        let path = output ?? URL(fileURLWithPath: outDir ?? ".").appendingPathComponent(result.fileName ?? "\(deliverable).docx").path
        do { try AtomicFile.write(bytes, to: path) } catch {
            Terminal.writeError("docket form: \(error.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        Terminal.writeError("wrote \(path)")
    }
}
