import DocketCore

/// Health Quality and Equity Strategic Plan (seed health-quality-equity-strategic-plan-template.txt).
///
/// Derived: `org` / `orgPlural` (the contract type where the form says "ACO/MCO" / "ACOs/MCOs",
/// configured in deliverable.yaml `contractTypes`), `contractTypeLabel`, `goalCount` (R003-18).
struct HQEDerivation: Derivation {
    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue {
        let type = data["entity"]?["contractType"]?.stringValue ?? ""
        let c = config["contractTypes"]?[type]
        return [
            "contractType": .string(type),
            "contractTypeLabel": .string(c?["label"]?.stringValue ?? type),
            "org": .string(c?["org"]?.stringValue ?? (type.isEmpty ? "ACO/MCO" : type)),
            "orgPlural": .string(c?["orgPlural"]?.stringValue ?? (type.isEmpty ? "ACOs/MCOs" : type + "s")),
            "goalCount": .int(data["plan"]?["goals"]?.arrayValue?.count ?? 0),
        ]
    }
}
