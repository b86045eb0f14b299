import DocketCore
import DocketDeliverables
import Foundation

/// The named deliverable rules (`DeliverableRules`, seed-rules ids) run after the schema, for
/// data files and for data rebuilt from a .docx.
enum NamedRuleCheck {
    /// The rule diagnostics for `data` of the report's deliverable, located in the data file,
    /// merged into `report` (see `merge`). Does nothing when the deliverable is unknown.
    static func apply(_ data: LoadedData, to report: inout FileReport, root: URL?) {
        guard let id = report.deliverable, let registry = SubmissionRegistry.load(root: root, into: &report),
              let deliverable = registry.deliverable(id: id) else { return }
        report.diagnostics = merge(schema: report.diagnostics, rules: check(data, deliverable))
        if report.status == .success, !report.errors.isEmpty { report.status = .invalid }
    }

    /// The named rules' diagnostics for `data`, located at `file:line:col` of the data file.
    /// For `docket fill`: `NamedRuleCheck.merge(schema: SchemaCheck.check(…), rules: NamedRuleCheck.check(loaded, deliverable))`
    /// gives the same messages as `docket validate`.
    static func check(_ data: LoadedData, _ deliverable: Deliverable) -> [Diagnostic] {
        DeliverableRules.check(deliverable, data: data.value).map { d in
            var d = d
            if d.location == nil, let pointer = d.instanceLocation { d.location = data.location(of: pointer) }
            return d
        }
    }

    /// Schema and rule diagnostics together, without saying one thing twice: a schema presence
    /// or count diagnostic (`required`, `minLength`, `minItems`, `maxItems`) is dropped when a
    /// rule reports the same rule id at the same place, inside or above it (the rule's message
    /// names the form section). Value errors (enum, pattern, type…) are always kept. Errors
    /// first, then warnings, each in order.
    static func merge(schema: [Diagnostic], rules: [Diagnostic]) -> [Diagnostic] {
        let presence: Set<String> = ["required", "minLength", "minItems", "maxItems"]
        let kept = schema.filter { s in
            let keyword = s.keywordLocation.flatMap { JSONPointer.tokens($0).last } ?? ""
            return !presence.contains(keyword) || !rules.contains { r in
                r.rule == s.rule && related(r.instanceLocation, s.instanceLocation)
            }
        }
        let all = kept + rules
        return all.filter(\.isError) + all.filter { !$0.isError }
    }

    /// Whether one JSON Pointer is the other or inside it.
    static func related(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a == b || a.hasPrefix(b + "/") || b.hasPrefix(a + "/")
    }
}
