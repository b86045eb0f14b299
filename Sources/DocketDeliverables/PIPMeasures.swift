import DocketCore
import Foundation

/// The PIP reports after the Mid-Year Planning Report (seed pip-key-contact-and-mid-year-planning-report-form.txt,
/// "Description of Elements in Reports", lines 87-90 for Appendix A, 171-174 for Appendix B): their ids and
/// the stages whose figures one report carries forward to the next.
public enum PIPReport: String, Sendable, CaseIterable {
    case baseline = "pip-baseline-report"
    case remeasurement = "pip-remeasurement-report"
    case closure = "pip-closure-report"

    /// A stage of a PIP whose measures a later report compares: Baseline, Remeasurement 1, Remeasurement 2.
    /// The raw value is the key under `carriedForward` in the data.
    public enum Stage: String, Sendable, CaseIterable, Comparable {
        case baseline, remeasurement1, remeasurement2

        public var label: String {
            switch self {
            case .baseline: return "Baseline"
            case .remeasurement1: return "Remeasurement 1"
            case .remeasurement2: return "Remeasurement 2"
            }
        }

        init?(remeasurement: Int?) {
            switch remeasurement {
            case 1?: self = .remeasurement1
            case 2?: self = .remeasurement2
            default: return nil
            }
        }

        var rank: Int {
            switch self {
            case .baseline: return 0
            case .remeasurement1: return 1
            case .remeasurement2: return 2
            }
        }

        public static func < (a: Stage, b: Stage) -> Bool { a.rank < b.rank }
    }

    /// The PIP number of report data (`pip`, default 1 as in the Mid-Year report).
    public static func pip(of data: JSONValue) -> Int { data["pip"]?.intValue ?? 1 }

    /// The remeasurement number (1 or 2) of report data, or nil.
    public static func remeasurement(of data: JSONValue) -> Int? { data["remeasurement"]?.intValue }

    /// Which report the data is: its `deliverable:` key, else `remeasurement` (a Remeasurement Report),
    /// a `closure` section (a Closure Report), else a Baseline/Planning Report.
    public static func kind(of data: JSONValue) -> PIPReport {
        if let declared = data["deliverable"]?.stringValue.flatMap(PIPReport.init(rawValue:)) { return declared }
        if remeasurement(of: data) != nil { return .remeasurement }
        return data["closure"] != nil ? .closure : .baseline
    }

    /// The stage the report's own `measures` are, or nil for the Closure Report (it compares earlier stages).
    public static func stage(of data: JSONValue) -> Stage? {
        switch kind(of: data) {
        case .baseline: return .baseline
        case .remeasurement: return Stage(remeasurement: remeasurement(of: data)) ?? .remeasurement1
        case .closure: return nil
        }
    }
}

/// Performance measures as data (`{name, stratification, period, numerator, denominator, rate}`) and the
/// tables made from them: one report's figures, and the side-by-side comparison of the stages.
enum PIPMeasures {
    /// Measures are matched across reports by name and stratification, without case or punctuation.
    static func key(_ measure: JSONValue) -> String {
        normalized(measure["name"]?.stringValue ?? "") + "|" + normalized(measure["stratification"]?.stringValue ?? "")
    }

    /// Lower case words (runs of letters and digits) joined by one space: "Follow-Up … (7-day)" matches
    /// "follow-up … , 7-day"; a parenthetical counts ("(7-day)" and "(30-day)" are different measures).
    static func normalized(_ text: String) -> String { RuleText.words(in: text).joined(separator: " ") }

    /// The rate in percent: the given `rate`, else numerator/denominator; nil when neither can be had.
    static func rate(_ measure: JSONValue) -> Double? {
        if let given = measure["rate"]?.numericValue { return given }
        return computedRate(measure)
    }

    /// 100 × numerator / denominator, or nil (missing values, zero denominator).
    static func computedRate(_ measure: JSONValue) -> Double? {
        guard let n = measure["numerator"]?.numericValue, let d = measure["denominator"]?.numericValue, d > 0 else { return nil }
        return 100 * n / d
    }

    /// `52.1%` (one decimal), or "n/a".
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "n/a" }
        return String(format: "%.1f%%", rate)
    }

    static func number(_ value: JSONValue?) -> String {
        switch value {
        case .int(let i)?: return String(i)
        case .double(let d)?: return d.rounded() == d ? String(Int(d)) : String(d)
        default: return ""
        }
    }

    /// A cell of the comparison: `52.1% (112/215; CY2024)`.
    static func cell(_ measure: JSONValue) -> String {
        var detail = number(measure["numerator"]) + "/" + number(measure["denominator"])
        if let period = measure["period"]?.stringValue, !period.isEmpty { detail += "; " + period }
        return percent(rate(measure)) + " (" + detail + ")"
    }

    /// The rows of one report's measures table, with `path` (data path, for the DOCX answer tags).
    static func rows(_ measures: [JSONValue], path: String) -> [JSONValue] {
        measures.enumerated().map { i, m in
            [
                "name": m["name"] ?? .string(""), "stratification": m["stratification"] ?? .string(""),
                "period": m["period"] ?? .string(""), "numeratorText": .string(number(m["numerator"])),
                "denominatorText": .string(number(m["denominator"])), "rateText": .string(percent(rate(m))),
                "path": .string("\(path).\(i)"),
            ]
        }
    }

    /// The comparison rows: one per measure (name + stratification) found in any stage, in the order first
    /// seen (baseline first), with each stage's cell ("—" when that stage did not measure it) and the change
    /// of the latest stage against the baseline in percentage points (`+13.4 pp`).
    static func comparison(_ stages: [(PIPReport.Stage, [JSONValue])]) -> [JSONValue] {
        var order: [String] = []
        var first: [String: JSONValue] = [:]
        var found: [String: [PIPReport.Stage: JSONValue]] = [:]
        for (stage, measures) in stages.sorted(by: { $0.0 < $1.0 }) {
            for m in measures {
                let k = key(m)
                if first[k] == nil { order.append(k); first[k] = m }
                if found[k, default: [:]][stage] == nil { found[k, default: [:]][stage] = m }
            }
        }
        return order.map { k in
            let byStage = found[k] ?? [:]
            var row: [String: JSONValue] = [
                "name": first[k]?["name"] ?? .string(""), "stratification": first[k]?["stratification"] ?? .string(""),
            ]
            for stage in PIPReport.Stage.allCases { row[stage.rawValue] = .string(byStage[stage].map(cell) ?? "—") }
            let latest = PIPReport.Stage.allCases.reversed().first { $0 != .baseline && byStage[$0] != nil }
            if let latest, let base = byStage[.baseline].flatMap(rate), let now = byStage[latest].flatMap(rate) {
                row["change"] = .string(String(format: "%+.1f pp", now - base))
            } else {
                row["change"] = .string("—")
            }
            return .object(row)
        }
    }
}
