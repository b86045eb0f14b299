import DocketCore

/// Visible, configurable choices of the named rules. Read from `ruleSettings:` in
/// `Templates/<id>/deliverable.yaml`, then from `options.rules` in the data (the data wins):
///
/// ```yaml
/// options:
///   rules:
///     off: [R000-14]                 # rules not to check
///     severity: {R000-25: error}     # error | warning | note
///     R000-05: {abbreviationPattern: "^[A-Z]{2,10}$"}
///     R000-28: {appliesTo: [pip2]}   # which PIPs the alternative-domain list limits
/// ```
///
/// Defaults and the ambiguity each choice resolves are listed in docs/validation.md.
public struct RuleSettings: Sendable, Hashable {
    /// Rule ids not checked.
    public var disabled: Set<String> = []
    /// Severity per rule id, replacing the rule's default.
    public var severities: [String: Severity] = [:]
    /// Per-rule parameters (`R000-05: {abbreviationPattern: …}`).
    public var parameters: [String: JSONValue] = [:]

    public init() {}

    /// Settings from a `rules` object as above; unknown keys are ignored.
    public init(json: JSONValue?) {
        merge(json)
    }

    /// Adds the settings of `json` over these.
    public mutating func merge(_ json: JSONValue?) {
        guard let object = json?.objectValue else { return }
        for id in object["off"]?.arrayValue ?? [] { if let s = id.stringValue { disabled.insert(s) } }
        for (id, value) in object["severity"]?.objectValue ?? [:] {
            if let s = value.stringValue, let severity = Severity(rawValue: s.lowercased()) { severities[id] = severity }
        }
        // Seed rule ids (`R000-05`) and Docket's dotted rule ids (`pip-report.measure-rate`) take parameters.
        for (key, value) in object where key.hasPrefix("R") || key.contains(".") {
            var merged = parameters[key]?.objectValue ?? [:]
            for (k, v) in value.objectValue ?? [:] { merged[k] = v }
            parameters[key] = .object(merged)
        }
    }

    /// The configured severity of `rule`, or nil for its default.
    public func severity(for rule: String) -> Severity? { severities[rule] }

    /// A parameter of `rule`, or nil.
    public func parameter(_ rule: String, _ name: String) -> JSONValue? { parameters[rule]?[name] }
}
