import DocketCore

/// A tracker failure: bad input (exit 1, nothing written), a busy database (exit 1, retry)
/// or an I/O problem (exit 2). Each carries a diagnostic with a stable rule id.
public struct TrackerError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case invalid, busy, io }
    public var kind: Kind
    public var diagnostic: Diagnostic

    public init(kind: Kind, diagnostic: Diagnostic) {
        self.kind = kind
        self.diagnostic = diagnostic
    }

    public var description: String { diagnostic.message }

    /// Exit status for the CLI: invalid input and busy → 1, I/O → 2.
    public var exitStatus: ExitStatus { kind == .io ? .usage : .invalid }

    public static func invalid(rule: String, _ message: String) -> TrackerError {
        TrackerError(kind: .invalid, diagnostic: Diagnostic(.error, rule: rule, message))
    }

    public static func io(_ message: String, path: String? = nil) -> TrackerError {
        TrackerError(kind: .io, diagnostic: Diagnostic(.error, rule: "track.io", message,
                                                       location: path.map { SourceLocation(file: $0) }))
    }

    public static func busy(path: String, seconds: Double) -> TrackerError {
        TrackerError(kind: .busy, diagnostic: Diagnostic(.error, rule: "track.busy",
            "database is busy, retry: another docket process held the write lock for more than \(seconds) s",
            location: SourceLocation(file: path)))
    }

    public static func illegalTransition(instance: String, from: InstanceStatus, to: InstanceStatus) -> TrackerError {
        invalid(rule: "track.illegal-transition",
                "\(instance): cannot go from \(from.rawValue) to \(to.rawValue); legal from \(from.rawValue): \(Lifecycle.describeLegal(from: from))")
    }

    public static func unknownEntity(_ abbr: String, known: [String]) -> TrackerError {
        let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
        return invalid(rule: "track.unknown-entity",
                       "unknown entity \"\(abbr)\" (known: \(list)); add it with `docket track entity add \(abbr) --name … --type …`")
    }

    public static func unknownInstance(_ ref: String, suggestions: [String]) -> TrackerError {
        var msg = "unknown instance \"\(ref)\"; instances are named ENTITY/EVENT-ID or #NUMBER (see `docket track board`)"
        if !suggestions.isEmpty { msg += "; did you mean: \(suggestions.prefix(5).joined(separator: ", "))" }
        return invalid(rule: "track.unknown-instance", msg)
    }
}
