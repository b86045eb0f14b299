import DocketCore
import Foundation

/// One data file through one prepared fill: load, check against the schema, fill, write atomically.
struct FillJob: Sendable {
    let prepared: PreparedFill
    let kind: OutputKind
    let date: String
    let allowMissing: Bool
    let checkSchema: Bool

    struct Result: Sendable {
        var status: ExitStatus
        var diagnostics: [Diagnostic]
        var written: String?
        var outputName: String?
        /// The entity abbreviation of the data (for `--track`).
        var entity: String?
    }

    func run(dataPath: String, output: String?, outDir: String?) -> Result {
        let loaded: LoadedData
        do {
            loaded = try DataLoader.load(path: dataPath)
        } catch {
            let status: ExitStatus = error.diagnostic.rule == "io.read" ? .usage : .invalid
            return Result(status: status, diagnostics: [error.diagnostic])
        }
        var diagnostics: [Diagnostic] = []
        if checkSchema {
            diagnostics += prepared.target.check(loaded)
            if diagnostics.contains(where: \.isError) { return Result(status: .invalid, diagnostics: diagnostics) }
        }
        let (bytes, fillDiagnostics) = prepared.fill(loaded.value, kind: kind, date: date, allowMissing: allowMissing)
        diagnostics += fillDiagnostics
        guard let bytes, !diagnostics.contains(where: \.isError) else { return Result(status: .invalid, diagnostics: diagnostics) }
        let name = prepared.target.fileName(data: loaded.value, date: date) + "." + kind.rawValue
        let destination: String
        if let output {
            destination = output
        } else if let outDir {
            destination = URL(fileURLWithPath: outDir).appendingPathComponent(name).path
        } else {
            if kind == .docx {
                return Result(status: .usage, diagnostics: diagnostics + [Diagnostic(.error, rule: "fill.output",
                    "a .docx cannot go to the terminal: add --output <file.docx> or --out-dir <folder>")])
            }
            FileHandle.standardOutput.write(bytes)
            return Result(status: .success, diagnostics: diagnostics, outputName: name)
        }
        do {
            try AtomicFile.write(bytes, to: destination)
        } catch {
            return Result(status: .usage, diagnostics: diagnostics + [Diagnostic(.error, rule: "io.write", error.description)])
        }
        return Result(status: .success, diagnostics: diagnostics, written: destination, outputName: name,
                      entity: FillContext.abbreviation(in: loaded.value))
    }
}
