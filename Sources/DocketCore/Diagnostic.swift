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
        func rank(_ s: Severity) -> Int {
            switch s {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }
        return rank(a) < rank(b)
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
    /// For a missing-property error (`required`), the property it names: the diagnostic is about
    /// `instanceLocation/property`, which does not exist.
    public var property: String?

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

    /// The machine form of a diagnostic, the same in every command's JSON output (docs/diagnostics.md):
    /// every key is present, `null` when it does not apply.
    /// `{"severity","rule","message","file","line","column","place","where","instanceLocation","keywordLocation","absoluteKeywordLocation"}`;
    /// `where` is the human place as the text form prints it (`file:line:col: place`).
    public var json: JSONValue {
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        let place = location?.place
        let whereText = location.map { l in place.map { "\(l.prefix): \($0)" } ?? l.prefix }
        return .object([
            "severity": .string(severity.rawValue), "rule": .string(rule), "message": .string(message),
            "file": text(location?.file),
            "line": location?.position.map { .int($0.line) } ?? .null,
            "column": location?.position.map { .int($0.column) } ?? .null,
            "place": text(place), "where": text(whereText),
            "instanceLocation": text(instanceLocation), "keywordLocation": text(keywordLocation),
            "absoluteKeywordLocation": text(absoluteKeywordLocation),
        ])
    }
}

extension Diagnostic {
    /// `{"diagnostics": [...]}`: how commands without a report of their own print failures as JSON.
    public static func jsonDocument(_ diagnostics: [Diagnostic]) -> String {
        JSONWriter.string(.object(["diagnostics": .array(diagnostics.map(\.json))]), pretty: true)
    }
}

/// Several diagnostics thrown at once: every problem found in one run, not the first only.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
