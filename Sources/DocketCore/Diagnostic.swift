/// Where a problem is: a file, optionally a line and column, optionally a human description
/// of the place inside a document ("word/document.xml, table 1, row 3, cell 2").
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var position: SourcePosition?
    public var place: String?

    public init(file: String, position: SourcePosition? = nil, place: String? = nil) {
        self.file = file
        self.position = position
        self.place = place
    }

    /// `file:line:col`, `file:line` or `file`.
    public var prefix: String {
        guard let position else { return file }
        return "\(file):\(position.line):\(position.column)"
    }
}

public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note
    public static func < (a: Self, b: Self) -> Bool {
        let order: [Severity] = [.error, .warning, .note]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// One problem found, compiler style: severity, a stable rule id (see
/// `../shared/reference/seed-rules.md` for deliverable rules), a message and a location.
/// JSON Schema errors also carry their instance and keyword locations.
public struct Diagnostic: Sendable, Hashable, Error {
    public var severity: Severity
    public var rule: String
    public var message: String
    public var location: SourceLocation?
    public var instanceLocation: String?
    public var keywordLocation: String?
    public var absoluteKeywordLocation: String?

    public init(_ severity: Severity, rule: String, _ message: String, location: SourceLocation? = nil,
                instanceLocation: String? = nil, keywordLocation: String? = nil, absoluteKeywordLocation: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
    }

    public var isError: Bool { severity == .error }

    /// The machine form used by `--format json` everywhere.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["rule": .string(rule), "message": .string(message), "severity": .string(severity.rawValue)]
        if let location {
            o["file"] = .string(location.file)
            if let p = location.position { o["line"] = .int(p.line); o["column"] = .int(p.column) }
            if let place = location.place { o["where"] = .string(place) }
        }
        if let instanceLocation { o["instanceLocation"] = .string(instanceLocation) }
        if let keywordLocation { o["keywordLocation"] = .string(keywordLocation) }
        if let absoluteKeywordLocation { o["absoluteKeywordLocation"] = .string(absoluteKeywordLocation) }
        return .object(o)
    }
}

/// Several diagnostics thrown at once: every problem found in one run, not the first only.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
