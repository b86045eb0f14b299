import DocketCore

/// PIP Baseline/Planning, Remeasurement and Closure Reports (outlines from the seed's "Description of
/// Elements in Reports", lines 87-90 / 171-174; MassHealth published no form for them).
///
/// Derived: `pip` (default 1), `remeasurement`, `isRemeasurement2`, `reportName` ("Remeasurement 2 Report");
/// `entityTypeLabel`, `partnership`; `goals` (with `path`); `measures` (this report's figures as table rows:
/// `name`, `stratification`, `period`, `numeratorText`, `denominatorText`, `rateText` — the given rate or
/// numerator/denominator —, `path`), `hasMeasures`; `comparison` (one row per measure matched by name and
/// stratification across `carriedForward.baseline`, `.remeasurement1`, `.remeasurement2` and this report's own
/// stage: cells `baseline`, `remeasurement1`, `remeasurement2`, `change` in percentage points, latest vs
/// baseline), `hasComparison`, `comparisonNote` (when nothing was carried forward: the document says so).
struct PIPReportDerivation: Derivation {
    let report: PIPReport

    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue {
        let type = data["entity"]?["type"]?.stringValue ?? ""
        let remeasurement = PIPReport.remeasurement(of: data)
        let own = data["measures"]?.arrayValue ?? []
        var stages: [(PIPReport.Stage, [JSONValue])] = PIPReport.Stage.allCases.compactMap { stage in
            data["carriedForward"]?[stage.rawValue]?["measures"]?.arrayValue.map { (stage, $0) }
        }
        let carried = !stages.isEmpty
        let ownStage: PIPReport.Stage? = report == .closure ? nil : report == .baseline ? .baseline
            : remeasurement == 2 ? .remeasurement2 : .remeasurement1
        if let ownStage {
            // This report's own figures are its stage's, whatever was carried forward for that stage.
            stages.removeAll { $0.0 == ownStage }
            stages.append((ownStage, own))
        }
        let comparison = report == .baseline ? [] : PIPMeasures.comparison(stages)
        let goals = data["goals"]?.arrayValue ?? []
        return [
            "pip": .int(PIPReport.pip(of: data)),
            "remeasurement": remeasurement.map { .int($0) } ?? .null,
            "isRemeasurement2": .bool(remeasurement == 2),
            "reportName": .string(reportName(remeasurement)),
            "entityTypeLabel": .string(config["entityTypes"]?[type]?["label"]?.stringValue ?? type),
            "partnership": .string(partnership(data)),
            "goals": .array(goals.enumerated().map { i, g in ["text": g, "path": .string("goals.\(i)")] }),
            "measures": .array(PIPMeasures.rows(own, path: "measures")),
            "hasMeasures": .bool(!own.isEmpty),
            "comparison": .array(comparison),
            "hasComparison": .bool(!comparison.isEmpty),
            "comparisonNote": .string(report == .baseline || carried ? "" : comparisonNote(remeasurement)),
        ]
    }

    /// "Partnered with …" (`entity.partners`), "Partner exempt entity" (`entity.partnerExempt`) or "", as the
    /// Mid-Year report's submission details say it.
    func partnership(_ data: JSONValue) -> String {
        let partners = data["entity"]?["partners"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if data["entity"]?["partnerExempt"]?.boolValue == true { return "Partner exempt entity" }
        return partners.isEmpty ? "" : "Partnered with " + partners.joined(separator: ", ")
    }

    func reportName(_ remeasurement: Int?) -> String {
        switch report {
        case .baseline: return "Baseline/Planning Report"
        case .remeasurement: return "Remeasurement \(remeasurement.map(String.init) ?? "") Report"
        case .closure: return "Closure Report"
        }
    }

    /// The visible note when no earlier report's figures were carried forward.
    func comparisonNote(_ remeasurement: Int?) -> String {
        let earlier = report == .closure ? "the Baseline and Remeasurement Reports"
            : remeasurement == 2 ? "the Baseline and Remeasurement 1 Reports" : "the Baseline Report"
        return "no figures of \(earlier) were carried forward, so the comparison shows this report's own figures only "
            + "(add carriedForward, or carryForwardFrom with the earlier reports' data files)."
    }
}
