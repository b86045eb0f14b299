import DocketCore

/// Health Quality and Equity Strategic Plan (seed health-quality-equity-strategic-plan-template.txt).
///
/// The template's fixed text is printed as published ("ACO/MCO", "ACOs/MCOs"); the contract type
/// appears only in the submission details Docket adds.
/// Derived: `contractType`, `contractTypeLabel` (deliverable.yaml `contractTypes`), `goalCount` (R003-18),
/// `goals` (the strategic goals with `number` and `path`, their place in the data); for annual
/// iterations (R003-21, `HQEAnnualIteration`) `year`, `previousYear`, `isAnnualIteration` and
/// `progress` (the previous plan's goals with `number` and `path`).
struct HQEDerivation: Derivation {
    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue {
        let type = data["entity"]?["contractType"]?.stringValue ?? ""
        let c = config["contractTypes"]?[type]
        let goals = data["plan"]?["goals"]?.arrayValue ?? []
        let year = HQEAnnualIteration.year(of: data, config: config) ?? HQEAnnualIteration.firstYear(config: config)
        return [
            "year": .int(year),
            "previousYear": .int(year - 1),
            "isAnnualIteration": .bool(HQEAnnualIteration.isAnnualIteration(data, config: config)),
            "progress": HQEAnnualIteration.progressRows(data),
            "contractType": .string(type),
            "contractTypeLabel": .string(c?["label"]?.stringValue ?? type),
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
