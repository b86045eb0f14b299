import DocketCore

/// The named cross-field rules of every deliverable (what a JSON Schema cannot express), each
/// with its seed-rules id and quote. See docs/validation.md for the table.
///
/// ```swift
/// let diagnostics = DeliverableRules.check(deliverable, data: loaded.value)
/// ```
public enum DeliverableRules {
    /// Every rule, grouped by deliverable, in a fixed order.
    public static let all: [any DeliverableRule] = PIPRules.all + HQERules.all + IARules.all + PIPReportRules.all

    /// The rules of one deliverable id (empty for an unknown id).
    public static func rules(for deliverable: String) -> [any DeliverableRule] {
        all.filter { $0.deliverable == deliverable }
    }

    /// Checks `data` against every rule of `deliverable` with its `deliverable.yaml` as
    /// configuration. Settings: `ruleSettings:` in deliverable.yaml, then `options.rules` in the
    /// data, then `overrides` (each later one wins).
    public static func check(_ deliverable: Deliverable, data: JSONValue, overrides: RuleSettings? = nil) -> [Diagnostic] {
        check(deliverable: deliverable.id, data: data, config: deliverable.metadata, overrides: overrides)
    }

    /// Checks `data` against the rules of the deliverable `id`; `config` is its metadata (lists
    /// such as the PIP measure lists and the IA ratings live there).
    /// Data that is not an object (an empty file) gets no rule diagnostics: the schema's one
    /// message ("the file is empty") says it all.
    public static func check(deliverable id: String, data: JSONValue, config: JSONValue = [:],
                             overrides: RuleSettings? = nil) -> [Diagnostic] {
        guard data.objectValue != nil else { return [] }
        var settings = RuleSettings(json: config["ruleSettings"])
        settings.merge(data["options"]?["rules"])
        if let overrides {
            settings.disabled.formUnion(overrides.disabled)
            settings.severities.merge(overrides.severities) { $1 }
            settings.parameters.merge(overrides.parameters) { $1 }
        }
        let context = RuleContext(config: config, settings: settings)
        return rules(for: id)
            .filter { !settings.disabled.contains($0.id) }
            .flatMap { $0.check(data, context: context) }
    }
}
