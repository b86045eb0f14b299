import DocketCore
import DocketFill
import Foundation

/// The end of `docket fill --batch`: refuses output names two inputs share (neither overwrites
/// the other), writes the rest, reports each file in input order and the summary.
enum FillBatchReport {
    static func write(files: [String], results: [FillResult], outDir: String, reporter: FillReporter) -> (ExitStatus, [(String, String?)]) {
        let clashes = BatchInput.clashes(results.map { $0.status == .success ? $0.fileName : nil })
        var failed = 0, warnings = 0
        var worst = ExitStatus.success
        var written: [(String, String?)] = []
        for (i, file) in files.enumerated() {
            warnings += results[i].diagnostics.filter { $0.severity == .warning }.count
            if let first = clashes[i] {
                reporter.report(file: file, diagnostics: [Diagnostic(.error, rule: "fill.batch-name-clash",
                    "\(file) and \(files[first]) both produce \(results[i].fileName ?? ""): give each entity its own abbreviation",
                    location: SourceLocation(file: file))], failed: true, batch: true)
                failed += 1
                if worst == .success { worst = .invalid }
                continue
            }
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
