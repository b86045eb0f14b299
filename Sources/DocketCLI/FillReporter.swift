import DocketCore
import DocketFill
import Foundation

/// Where `docket fill` reports: compiler-style lines on standard error, or with
/// `--error-format json` one JSON array on standard error, an object per data file (or template):
/// `{"file","written","valid","errors":[…],"warnings":[…]}`, each diagnostic as in `validate`.
final class FillReporter: FillReporting {
    let json: Bool
    let printer: DiagnosticPrinter
    private var items: [JSONValue] = []

    init(json: Bool) {
        self.json = json
        self.printer = DiagnosticPrinter.forStandardError()
    }

    /// The outcome for one file. In text mode a failed batch file gets a header line.
    func report(file: String, diagnostics: [Diagnostic], written: String? = nil, failed: Bool, batch: Bool = false) {
        if json {
            return items.append(FillListing.report(file: file, diagnostics: diagnostics, written: written, failed: failed))
        }
        if batch && failed { Terminal.writeError("\(file): failed") }
        for d in diagnostics { Terminal.writeError((batch ? "  " : "") + printer.format(d)) }
        if !batch, failed {
            Terminal.writeError(printer.summary(errors: diagnostics.filter(\.isError).count,
                                                warnings: diagnostics.filter { $0.severity == .warning }.count, subject: file))
        }
    }

    /// Human progress lines ("wrote …", batch summary): text mode only.
    func note(_ line: String) {
        if !json { Terminal.writeError(line) }
    }

    /// Writes the JSON array (json mode).
    func finish() {
        if json { FileHandle.standardError.write(JSONWriter.data(.array(items))) }
    }
}
