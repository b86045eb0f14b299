import DocketCore
import DocketFill
import Foundation

/// Where `docket fill` puts a result: a file (atomically), a folder (OnBase name) or standard output.
enum FillOutput {
    enum Destination {
        case file(String), folder(String), standardOutput
    }

    /// Writes `result`'s bytes; returns the result with the path written (or an I/O error added).
    static func write(_ result: FillResult, to destination: Destination) -> (FillResult, written: String?) {
        guard result.status == .success, let bytes = result.bytes, let name = result.fileName else { return (result, nil) }
        var result = result
        let path: String
        switch destination {
        case .file(let p): path = p
        case .folder(let dir): path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
        case .standardOutput:
            if name.hasSuffix(".docx") {
                result.status = .usage
                result.diagnostics.append(Diagnostic(.error, rule: "fill.output",
                    "a .docx cannot go to the terminal: add --output <file.docx> or --out-dir <folder>"))
                return (result, nil)
            }
            FileHandle.standardOutput.write(bytes)
            return (result, nil)
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            result.status = .usage
            result.diagnostics.append(Diagnostic(.error, rule: "io.write", error.description))
            return (result, nil)
        }
        return (result, path)
    }
}

/// The end of `docket fill --batch`: refuses output names two inputs share (neither overwrites
/// the other), writes the rest, reports each file in input order and the summary.
enum FillBatchReport {
    static func write(files: [String], results: [FillResult], outDir: String, reporter: FillReporter) -> (ExitStatus, [(String, String?)]) {
        let results = FillResult.refusingClashes(results, files: files)
        var failed = 0, worst = ExitStatus.success, written: [(String, String?)] = []
        let warnings = results.map { $0.diagnostics.filter { $0.severity == .warning }.count }.reduce(0, +)
        for (i, file) in files.enumerated() {
            let (r, path) = FillOutput.write(results[i], to: .folder(outDir))
            if let path { written.append((path, r.entity)) }
            reporter.report(file: file, diagnostics: r.diagnostics, written: path, failed: r.status != .success, batch: true)
            if r.status != .success {
                failed += 1
                if worst == .success || r.status == .usage { worst = r.status }
            }
        }
        reporter.note("batch: \(files.count - failed) filled, \(failed) failed, \(warnings) warning\(warnings == 1 ? "" : "s") → \(outDir)")
        return (worst, written)
    }
}
