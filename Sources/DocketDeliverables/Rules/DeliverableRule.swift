import DocketCore

/// One named cross-field rule of a deliverable, checked on its data (the JSON value of the
/// deliverable's data model, as in `Templates/<id>/example.yaml`).
///
/// `id` is the seed-rules id (`../shared/reference/seed-rules.md`), `source` a one-line quote of the
/// seed, and `severity` follows the document's own modality: "must" → error, "should",
/// "suggested", "strongly encouraged" → warning. Every diagnostic carries the rule id and a JSON
/// Pointer (`instanceLocation`) to the data it is about.
public protocol DeliverableRule: Sendable {
    /// Seed-rules id, e.g. `R000-24`.
    var id: String { get }
    /// The deliverable id the rule belongs to, e.g. `pip-midyear-report`.
    var deliverable: String { get }
    /// What the rule checks, in one line.
    var summary: String { get }
    /// The seed quote it enforces (one line).
    var source: String { get }
    /// The default severity (from the document's modality).
    var severity: Severity { get }
    /// The problems in `data`.
    func check(_ data: JSONValue, context: RuleContext) -> [Diagnostic]
}

/// What a rule may read besides the data: the deliverable's `deliverable.yaml` (with
/// `libraryData` for the IA report) and the rule settings in force.
public struct RuleContext: Sendable {
    /// The deliverable's metadata (`Deliverable.metadata`); `[:]` when unknown.
    public var config: JSONValue
    /// Visible choices for ambiguous rules, disabled rules and severity overrides.
    public var settings: RuleSettings

    public init(config: JSONValue = [:], settings: RuleSettings = RuleSettings()) {
        self.config = config
        self.settings = settings
    }
}

/// A rule whose check is a closure: the rules of each deliverable are lists of these.
struct NamedRule: DeliverableRule {
    let id: String
    let deliverable: String
    let summary: String
    let source: String
    let severity: Severity
    let body: @Sendable (JSONValue, RuleContext, inout Findings) -> Void

    init(_ id: String, _ deliverable: String, _ severity: Severity, summary: String, source: String,
         _ body: @escaping @Sendable (JSONValue, RuleContext, inout Findings) -> Void) {
        self.id = id
        self.deliverable = deliverable
        self.summary = summary
        self.source = source
        self.severity = severity
        self.body = body
    }

    func check(_ data: JSONValue, context: RuleContext) -> [Diagnostic] {
        var findings = Findings(rule: id, severity: context.settings.severity(for: id) ?? severity)
        body(data, context, &findings)
        return findings.diagnostics
    }
}

/// Collects the diagnostics of one rule, with the rule's id and severity.
struct Findings {
    let rule: String
    let severity: Severity
    private(set) var diagnostics: [Diagnostic] = []

    init(rule: String, severity: Severity) {
        self.rule = rule
        self.severity = severity
    }

    /// Adds a problem at `pointer` (JSON Pointer into the data), with the rule's severity unless
    /// `as` gives another (a rule whose quote has two modalities).
    mutating func add(_ message: String, at pointer: String, as other: Severity? = nil) {
        diagnostics.append(Diagnostic(other ?? severity, rule: rule, message, instanceLocation: pointer))
    }
}
