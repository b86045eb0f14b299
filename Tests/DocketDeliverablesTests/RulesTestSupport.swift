import DocketCore
import DocketDeliverables
import Foundation
import Testing

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

    /// The passing changes keep the rule quiet; the failing ones make it report at `pointer` with `severity`.
    func verify() {
        let quiet = run(passing).filter { $0.rule == rule }
        #expect(quiet.isEmpty, "passing case reported: \(quiet.map(\.message))")
        let found = run(failing).filter { $0.rule == rule }
        #expect(found.contains { $0.instanceLocation == pointer && $0.severity == severity },
                "expected \(severity) at \(pointer), got \(found.map { "\($0.severity) \($0.instanceLocation ?? "") \($0.message)" })")
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
