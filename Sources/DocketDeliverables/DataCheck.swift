import DocketCore
import DocketSchema
import Foundation

/// Checks a deliverable's data: its schema, then its named rules (`DeliverableRules`, seed-rules
/// ids), merged so that one problem gives one message. `docket fill` and `docket validate` both
/// call `check`, so a data file fills exactly when it validates.
public enum DataCheck {
    /// Schema and named-rule diagnostics for `data` of `deliverable`, located in the data file:
    /// errors first, then warnings, each in the order they appear in the file. A top-level
    /// `deliverable:` key only routes the file and is not checked. A schema that cannot be used
    /// is thrown.
    public static func check(_ data: LoadedData, _ deliverable: Deliverable, catalog: SchemaCatalog) throws(SchemaError) -> [Diagnostic] {
        let routed = withoutRoutingKey(data)
        let result = try catalog.validate(routed, schemaAt: deliverable.schemaURL)
        let schema = inSourceOrder(result.errors) + inSourceOrder(result.warnings)
        return merge(schema: schema, rules: rules(routed, deliverable))
    }

    /// The deliverable a data file names in its top-level `deliverable:` key.
    public static func declaredDeliverable(in data: JSONValue) -> String? {
        DeliverableSchemas.declaredDeliverable(in: data)
    }

    /// `data` without its top-level `deliverable:` key (the deliverables' schemas do not declare
    /// it: it only says which deliverable the file is for).
    public static func withoutRoutingKey(_ data: LoadedData) -> LoadedData {
        var copy = data
        copy.value = withoutRoutingKeyValue(data.value)
        return copy
    }

    public static func withoutRoutingKeyValue(_ value: JSONValue) -> JSONValue {
        guard case .object(var o) = value, o["deliverable"] != nil else { return value }
        o["deliverable"] = nil
        return .object(o)
    }

    /// The named rules' diagnostics for `data`, located at `file:line:col` of the data file.
    public static func rules(_ data: LoadedData, _ deliverable: Deliverable, overrides: RuleSettings? = nil) -> [Diagnostic] {
        DeliverableRules.check(deliverable, data: data.value, overrides: overrides).map { d in
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
    public static func merge(schema: [Diagnostic], rules: [Diagnostic]) -> [Diagnostic] {
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
    public static func related(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a == b || a.hasPrefix(b + "/") || b.hasPrefix(a + "/")
    }

    /// Diagnostics ordered by where they point in the data file (stable for equal places).
    public static func inSourceOrder(_ list: [Diagnostic]) -> [Diagnostic] {
        let far = SourcePosition(line: Int.max, column: Int.max)
        return list.enumerated().sorted { a, b in
            let pa = a.element.location?.position ?? far, pb = b.element.location?.position ?? far
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
    }
}
