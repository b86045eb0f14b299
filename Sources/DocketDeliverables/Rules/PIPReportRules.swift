import DocketCore

/// Named rules of the PIP Baseline/Planning, Remeasurement and Closure Reports. MassHealth published no form
/// for them; the seed describes their elements (pip-key-contact-and-mid-year-planning-report-form.txt lines
/// 87-90 / 171-174: R000-20..R000-23), and its PIP topic guidance (R000-24..R000-32) applies to every PIP
/// report. The `pip-report.*` rules are Docket's reading: the measures' arithmetic, the remeasurement number,
/// sections of another report.
enum PIPReportRules {
    static let all: [any DeliverableRule] = PIPReport.allCases.flatMap(rules(for:))

    static func rules(for report: PIPReport) -> [any DeliverableRule] {
        let id = report.rawValue
        var out: [any DeliverableRule] = [measureCounts(id), measureRate(id), sections(id)]
        switch report {
        case .baseline:
            out.append(elements("R000-20", id, quote: "The PIP Planning/Baseline Reports include but are not limited to the following items:"))
        case .remeasurement:
            out.append(NamedRule("pip-report.remeasurement", id, .error, summary: "the Remeasurement Report says which: remeasurement 1 or 2",
                                 source: "Remeasurement 1 Report … Remeasurement 2 Report (Docket's reading: the two share one outline)") { data, _, out in
                if PIPReport.remeasurement(of: data) == nil {
                    out.add("say which Remeasurement Report this is: add `remeasurement: 1` or `remeasurement: 2`", at: "/remeasurement")
                }
            })
            out.append(elements("R000-21", id, remeasurement: 1,
                                quote: "is used to assess PIP methodology, progress towards implementing interventions, and performance towards achieving the health equity goals established in the Baseline Report."))
            out.append(elements("R000-22", id, remeasurement: 2,
                                quote: "initial plans for continuation of partnership arrangements and/or interventions beyond the PIP"))
        case .closure:
            out.append(elements("R000-23", id, quote: "The Closure Report focuses on finalizing project activities, analyzing the impacts of interventions,"))
        }
        return out + PIPTopicRules.all.map { Retargeted(base: $0, deliverable: id) }
    }

    /// The measure lists of report data with their pointers: its own, then each carried-forward stage's.
    static func measureLists(_ data: JSONValue) -> [(String, [JSONValue])] {
        var lists = [("/measures", data["measures"]?.arrayValue ?? [])]
        for stage in PIPReport.Stage.allCases {
            lists.append(("/carriedForward/\(stage.rawValue)/measures", data["carriedForward"]?[stage.rawValue]?["measures"]?.arrayValue ?? []))
        }
        return lists
    }

    static func measureCounts(_ id: String) -> NamedRule {
        NamedRule("pip-report.measure-counts", id, .error, summary: "a measure's numerator is not more than its denominator",
                  source: "baseline performance data (Docket's reading: a rate's numerator counts members of its denominator)") { data, _, out in
            for (pointer, measures) in measureLists(data) {
                for (i, m) in measures.enumerated() {
                    guard let n = m["numerator"]?.numericValue, let d = m["denominator"]?.numericValue, n > d else { continue }
                    out.add("measure `\(m["name"]?.stringValue ?? "")`\(stratum(m)): the numerator \(PIPMeasures.number(m["numerator"])) is more than the denominator \(PIPMeasures.number(m["denominator"]))",
                            at: "\(pointer)/\(i)/numerator")
                }
            }
        }
    }

    static func measureRate(_ id: String) -> NamedRule {
        NamedRule("pip-report.measure-rate", id, .warning, summary: "a given rate agrees with numerator/denominator (within options.rules.pip-report.measure-rate.tolerance, default 0.1 points)",
                  source: "baseline performance data (Docket's reading: the rate is numerator/denominator in percent)") { data, context, out in
            let tolerance = context.settings.parameter("pip-report.measure-rate", "tolerance")?.numericValue ?? 0.1
            for (pointer, measures) in measureLists(data) {
                for (i, m) in measures.enumerated() {
                    guard let given = m["rate"]?.numericValue, let computed = PIPMeasures.computedRate(m),
                          abs(given - computed) > tolerance + 1e-9 else { continue }
                    out.add("measure `\(m["name"]?.stringValue ?? "")`\(stratum(m)): the rate \(PIPMeasures.number(m["rate"]))% does not match \(PIPMeasures.number(m["numerator"]))/\(PIPMeasures.number(m["denominator"])) = \(PIPMeasures.percent(computed))",
                            at: "\(pointer)/\(i)/rate")
                }
            }
        }
    }

    static func stratum(_ m: JSONValue) -> String {
        guard let s = m["stratification"]?.stringValue, !s.isEmpty else { return "" }
        return " (\(s))"
    }

    /// The report sections of the shared schema; each report prints its own (`reportSection:` in deliverable.yaml).
    static let reportSections = ["planning": "Baseline/Planning Report", "assessment": "Remeasurement Report", "closure": "Closure Report"]

    static func sections(_ id: String) -> NamedRule {
        NamedRule("pip-report.sections", id, .warning, summary: "no section of another PIP report (it would not be printed)",
                  source: "Description of Elements in Reports (Docket's reading: each report has its own elements)") { data, context, out in
            let mine = context.config["reportSection"]?.stringValue
            for (key, report) in reportSections.sorted(by: { $0.key < $1.key }) where key != mine && data[key] != nil {
                out.add("`\(key)` holds the \(report)'s elements; this report does not print it: move it to that report's data", at: "/\(key)")
            }
        }
    }

    /// The report's elements (`elements:` in deliverable.yaml), each answered by one of its `paths`. With
    /// `remeasurement`, only for that Remeasurement Report (R000-21 for 1, R000-22 for 2); an element marked
    /// `remeasurement: 2` is R000-22's alone, and in a Remeasurement 1 Report it is not printed (a warning).
    static func elements(_ rule: String, _ id: String, remeasurement: Int? = nil, quote: String) -> NamedRule {
        NamedRule(rule, id, .error, summary: "each element the seed names for the report is answered", source: quote) { data, context, out in
            let number = PIPReport.remeasurement(of: data)
            // Remeasurement 1's rule also checks a report that does not say which (pip-report.remeasurement does).
            if let remeasurement, remeasurement != (number ?? 1) { return }
            for element in context.config["elements"]?.arrayValue ?? [] {
                let paths = RuleText.strings(element["paths"])
                let only = element["remeasurement"]?.intValue
                let answered = paths.contains { !RuleText.isBlank(data.value(atDotted: $0)) }
                let pointer = JSONPointer.fromDotted(paths.first ?? "")
                let what = element["element"]?.stringValue ?? paths.joined(separator: " or ")
                if let only, only != (number ?? 1) {
                    if answered, number != nil {
                        out.add("\(what) belong to Remeasurement \(only); this Remeasurement \(number ?? 1) Report does not print them", at: pointer, as: .warning)
                    }
                } else if !answered {
                    out.add("the report's element \"\(what)\" is not answered: fill \(paths.joined(separator: " or "))", at: pointer)
                }
            }
        }
    }
}

/// A rule of another deliverable applied to this one (the PIP topic guidance applies to every PIP report).
struct Retargeted: DeliverableRule {
    let base: any DeliverableRule
    let deliverable: String
    var id: String { base.id }
    var summary: String { base.summary }
    var source: String { base.source }
    var severity: Severity { base.severity }
    func check(_ data: JSONValue, context: RuleContext) -> [Diagnostic] { base.check(data, context: context) }
}
