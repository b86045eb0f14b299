import DocketCore

/// Health Quality and Equity Strategic Plan (seed health-quality-equity-strategic-plan-template.txt).
///
/// Derived: `org` / `orgPlural` (the contract type where the form says "ACO/MCO" / "ACOs/MCOs",
/// configured in deliverable.yaml `contractTypes`), `contractTypeLabel`, `goalCount` (R003-18),
/// `goals` (the strategic goals with `number` and `path`, their place in the data).
struct HQEDerivation: Derivation {
    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue {
        let type = data["entity"]?["contractType"]?.stringValue ?? ""
        let c = config["contractTypes"]?[type]
        let goals = data["plan"]?["goals"]?.arrayValue ?? []
        return [
            "contractType": .string(type),
            "contractTypeLabel": .string(c?["label"]?.stringValue ?? type),
            "org": .string(c?["org"]?.stringValue ?? (type.isEmpty ? "ACO/MCO" : type)),
            "orgPlural": .string(c?["orgPlural"]?.stringValue ?? (type.isEmpty ? "ACOs/MCOs" : type + "s")),
            "goalCount": .int(goals.count),
            "goals": .array(goals.enumerated().map { i, goal in
                var g = goal.objectValue ?? [:]
                g["number"] = .int(i + 1)
                g["path"] = .string("plan.goals.\(i)")
                return .object(g)
            }),
        ]
    }
}
