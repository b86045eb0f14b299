import DocketCore
import DocketDeliverables
import Foundation

/// Builds rule-test data: the shipped example with values set at JSON Pointers.
struct RuleCase: Sendable, CustomStringConvertible {
    var rule: String
    var deliverable: String
    var name: String
    /// Changes to the example that keep the rule quiet.
    var passing: [(String, JSONValue)]
    /// Changes that make the rule report at `pointer`.
    var failing: [(String, JSONValue)]
    var pointer: String
    var severity: Severity = .error

    var description: String { "\(rule) \(name)" }

    func data(_ changes: [(String, JSONValue)]) -> JSONValue {
        var data = Shipped.example(deliverable)
        for (pointer, value) in changes { data = RuleData.setting(data, pointer, value) }
        return data
    }

    func run(_ changes: [(String, JSONValue)], overrides: RuleSettings? = nil) -> [Diagnostic] {
        DeliverableRules.check(Shipped.deliverable(deliverable), data: data(changes), overrides: overrides)
    }
}

enum RuleData {
    /// `data` with `value` at `pointer`, creating objects on the way (`/-` appends to a list).
    static func setting(_ data: JSONValue, _ pointer: String, _ value: JSONValue) -> JSONValue {
        set(data, JSONPointer.tokens(pointer)[...], value)
    }

    private static func set(_ node: JSONValue, _ tokens: ArraySlice<String>, _ value: JSONValue) -> JSONValue {
        guard let first = tokens.first else { return value }
        if case .array(var a) = node {
            if first == "-" { a.append(set(.null, tokens.dropFirst(), value)); return .array(a) }
            let i = Int(first)!
            a[i] = set(a[i], tokens.dropFirst(), value)
            return .array(a)
        }
        var o = node.objectValue ?? [:]
        o[first] = set(o[first] ?? .null, tokens.dropFirst(), value)
        return .object(o)
    }
}
