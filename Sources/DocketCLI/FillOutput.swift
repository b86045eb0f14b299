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

/// A progress bar on standard error, only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled = Terminal.isTerminal(fileDescriptor: 2)
    private let lock = NSLock()

    func tick(_ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.withLock {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
        }
    }

    func finish() { if enabled { FileHandle.standardError.write(Data("\n".utf8)) } }
}
