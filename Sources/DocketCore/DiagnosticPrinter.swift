import Foundation

/// Prints diagnostics the way compilers do: `file:line:col: error: [rule] message (at where)`,
/// coloured when `color` is set (the front end decides: a terminal, and `NO_COLOR` unset).
public struct DiagnosticPrinter: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func format(_ d: Diagnostic) -> String {
        var line = ""
        if let loc = d.location { line += bold(loc.prefix) + ": " }
        let label: String
        switch d.severity {
        case .error: label = paint("error", "31")
        case .warning: label = paint("warning", "33")
        case .note: label = paint("note", "36")
        }
        line += label + ": " + "[\(d.rule)] " + d.message
        if let place = d.location?.place { line += " (at \(place))" }
        return line
    }

    public func summary(errors: Int, warnings: Int, subject: String) -> String {
        func plural(_ n: Int, _ w: String) -> String { "\(n) \(w)\(n == 1 ? "" : "s")" }
        return "\(subject): \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[1;\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
}
