import DocketCore
import Foundation

/// Where a fill's result goes: a file (atomically), a folder (OnBase name) or a stream (standard
/// output of the CLI); binary formats (.docx, .pdf) never go to a stream.
public enum FillOutput {
    public enum Destination {
        case file(String), folder(String), stream(FileHandle)
    }

    /// Writes `result`'s bytes; returns the result with the path written (or an I/O error added).
    public static func write(_ result: FillResult, to destination: Destination) -> (FillResult, written: String?) {
        guard result.status == .success, let bytes = result.bytes, let name = result.fileName else { return (result, nil) }
        var result = result
        let path: String
        switch destination {
        case .file(let p): path = p
        case .folder(let dir): path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
        case .stream(let handle):
            if let kind = OutputKind(rawValue: URL(fileURLWithPath: name).pathExtension), kind.isBinary {
                result.status = .usage
                result.diagnostics.append(Diagnostic(.error, rule: "fill.output",
                    "a .\(kind.rawValue) cannot go to the terminal: add --output <file.\(kind.rawValue)> or --out-dir <folder>"))
                return (result, nil)
            }
            handle.write(bytes)
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

/// Who hears about each file of a fill (the CLI's compiler-style or JSON reporter).
public protocol FillReporting {
    /// The outcome for one file.
    func report(file: String, diagnostics: [Diagnostic], written: String?, failed: Bool, batch: Bool)
    /// A human progress line ("wrote …", the batch summary).
    func note(_ line: String)
}

/// The end of `docket fill --batch`: refuses output names two inputs share (neither overwrites
/// the other), writes the rest, reports each file in input order and the summary.
public enum FillBatchReport {
    public static func write(files: [String], results: [FillResult], outDir: String, reporter: some FillReporting) -> (ExitStatus, [(String, String?)]) {
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
