import DocketCore

extension Terminal {
    /// Whether to colour `fileDescriptor` in this run (a terminal, and no `NO_COLOR`).
    static func isTerminal(fileDescriptor: Int32) -> Bool {
        isTerminal(fileDescriptor: fileDescriptor, noColor: (try? RunContext.environment().noColor) ?? true)
    }
}

extension DiagnosticPrinter {
    static func forStandardError() -> DiagnosticPrinter { DiagnosticPrinter(color: Terminal.isTerminal(fileDescriptor: 2)) }
}
