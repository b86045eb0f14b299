import DocketCore
import Foundation

/// Standard error and colour: colour only on a terminal, and never with `NO_COLOR` set.
enum Terminal {
    static func isTerminal(fileDescriptor: Int32) -> Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(fileDescriptor) == 1
    }

    static func writeError(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }
}

extension DiagnosticPrinter {
    /// Colour decision for standard error.
    static func forStandardError() -> DiagnosticPrinter { DiagnosticPrinter(color: Terminal.isTerminal(fileDescriptor: 2)) }
}
