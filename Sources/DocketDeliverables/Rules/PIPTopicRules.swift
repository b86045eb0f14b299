import DocketCore

/// PIP topic guidance (Appendix A for acute hospitals, B for ACOs): domains and measures of the
/// optional `pips.pip1` / `pips.pip2` plans. The measure lists come from deliverable.yaml
/// (`appendices.<A|B>.obstetricMeasures` / `alternativeMeasures`) so they are written once.
enum PIPTopicRules {
    static let id = PIPRules.id

    /// The three domains of R000-24, with the words that identify them in free text.
    enum Domain: String, CaseIterable {
        case careCoordination = "care-coordination"
        case preventive = "preventive-perinatal-pediatric"
        case acuteChronic = "acute-chronic-conditions"

        var label: String {
            switch self {
            case .careCoordination: return "Care Coordination"
            case .preventive: return "Preventive, Perinatal, or Pediatric Care"
            case .acuteChronic: return "Care for Acute and Chronic Conditions"
            }
        }

        /// `care-coordination` or the label (any case and punctuation), by whole words.
        init?(text: String) {
            let w = RuleText.words(in: RuleText.key(text))
            func has(_ keyword: String) -> Bool { RuleText.mentions(w, keyword) }
            if has("coordination") { self = .careCoordination }
            else if has("perinatal") || has("preventive") || has("pediatric*") { self = .preventive }
            else if has("acute") && has("chronic") { self = .acuteChronic }
            else { return nil }
        }
    }

    /// R000-25: the Care Coordination measures (same for hospitals and ACOs).
    static let careCoordinationMeasures = [
        "Follow-Up After Hospitalization for Mental Illness",
        "Follow-Up After Emergency Department Visit for Alcohol and Other Drug Abuse or Dependence",
        "Follow-Up After Emergency Department Visit for Mental Illness",
    ]

    static let pips = ["pip1", "pip2"]

    static let all: [any DeliverableRule] = [
        NamedRule("R000-24", id, .error, summary: "PIP domains are among the three and PIP 1 ≠ PIP 2",
                  source: "Overall, PIP 1 and PIP 2 must be carried out in distinct domain areas") { data, _, out in
            var seen: [Domain] = []
            for pip in pips {
                guard let text = data["pips"]?[pip]?["domain"]?.stringValue else { continue }
                // A value that is none of the three is the schema's to report (its enum carries
                // R000-24): one problem, one message (issue 13).
                guard let domain = Domain(text: text) else { continue }
                if seen.contains(domain) {
                    out.add("PIP 1 and PIP 2 are both in \(domain.label): they must be in distinct domains", at: "/pips/\(pip)/domain")
                }
                seen.append(domain)
            }
        },
        NamedRule("R000-25", id, .warning, summary: "PIP 1 in Care Coordination with the listed follow-up measures (strongly encouraged)",
                  source: "It is strongly encouraged that PIP 1 focus on Care Coordination") { data, _, out in
            guard !isSpecialty(data), let plan = data["pips"]?["pip1"], let text = plan["domain"]?.stringValue,
                  let domain = Domain(text: text) else { return }
            if domain != .careCoordination {
                out.add("PIP 1 is in \(domain.label); the guidance strongly encourages Care Coordination", at: "/pips/pip1/domain")
            } else {
                report(unlisted(plan, careCoordinationMeasures), "Care Coordination", pip: "pip1", into: &out)
            }
        },
        obstetricRule("R000-26", entityType: "acute-hospital", letter: "A",
                      quote: "For acute hospitals with obstetric delivery services, it is required that PIP 2 focus on Preventive, Perinatal, or Pediatric Care"),
        obstetricRule("R000-27", entityType: "aco", letter: "B",
                      quote: "For ACOs partnering with a hospital that provides obstetric delivery services, it is required that PIP 2 focus on Preventive, Perinatal, or Pediatric Care"),
        alternativeRule("R000-28", entityType: "acute-hospital", letter: "A"),
        alternativeRule("R000-29", entityType: "aco", letter: "B"),
        NamedRule("R000-32", id, .note, summary: "acute specialty hospitals: own slate, topics approved by EOHHS (topic rules R000-25..29 skipped)",
                  source: "An acute specialty hospital may conduct PIP 1 and PIP 2 in domain and measure areas in its slate. PIP topics must be approved by EOHHS") { data, _, out in
            if isSpecialty(data), data["pips"] != nil {
                out.add("acute specialty hospital: PIP topics use its own slate and must be approved by EOHHS; measure lists not checked",
                        at: "/entity/acuteSpecialty")
            }
        },
    ]

    static func isSpecialty(_ data: JSONValue) -> Bool { data["entity"]?["acuteSpecialty"]?.boolValue == true }

    static func entityType(_ data: JSONValue) -> String { data["entity"]?["type"]?.stringValue ?? "" }

    /// The measures of `plan` not in `allowed` (matched by `RuleText.key`), with their index.
    static func unlisted(_ plan: JSONValue, _ allowed: [String]) -> [(Int, String)] {
        let keys = Set(allowed.map(RuleText.key))
        return (plan["measures"]?.arrayValue ?? []).enumerated().compactMap { i, m in
            guard let s = m.stringValue else { return (i, "\(m)") }
            return keys.contains(RuleText.key(s)) ? nil : (i, s)
        }
    }

    static func report(_ bad: [(Int, String)], _ list: String, pip: String, into out: inout Findings) {
        for (i, measure) in bad {
            out.add("\(pip) measure `\(measure)` is not in the \(list) measure list", at: "/pips/\(pip)/measures/\(i)")
        }
    }

    /// R000-26 / R000-27: PIP 2 of an obstetric hospital (or an ACO partnered with one) is in
    /// Preventive, Perinatal, or Pediatric Care with the appendix's obstetric measures.
    static func obstetricRule(_ rule: String, entityType type: String, letter: String, quote: String) -> NamedRule {
        NamedRule(rule, id, .error, summary: "\(type) with obstetric delivery: PIP 2 in Preventive, Perinatal, or Pediatric Care with Appendix \(letter)'s measures",
                  source: quote) { data, context, out in
            guard entityType(data) == type, !isSpecialty(data), data["entity"]?["obstetricDelivery"]?.boolValue == true,
                  let plan = data["pips"]?["pip2"] else { return }
            if let text = plan["domain"]?.stringValue, let domain = Domain(text: text), domain != .preventive {
                out.add("PIP 2 is in \(domain.label); with obstetric delivery services it must be \(Domain.preventive.label)",
                        at: "/pips/pip2/domain")
            }
            let allowed = RuleText.strings(context.config["appendices"]?[letter]?["obstetricMeasures"])
            if RuleText.isBlank(plan["measures"]) {
                out.add("PIP 2 names no measure; it must use: \(allowed.joined(separator: "; "))", at: "/pips/pip2/measures")
            } else if !allowed.isEmpty {
                report(unlisted(plan, allowed), "Appendix \(letter) obstetric", pip: "pip2", into: &out)
            }
        }
    }

    /// R000-28 / R000-29: a PIP in Care for Acute and Chronic Conditions uses the appendix's list
    /// (7 measures for hospitals, 4 for ACOs). Which PIP "alternative" refers to is AMBIGUOUS:
    /// both by default, `options.rules.<id>.appliesTo: [pip1, pip2]` to choose.
    static func alternativeRule(_ rule: String, entityType type: String, letter: String) -> NamedRule {
        NamedRule(rule, id, .error, summary: "\(type): a PIP in Care for Acute and Chronic Conditions uses Appendix \(letter)'s measure list",
                  source: "Care for Acute and Chronic Conditions may be used as an alternative domain area using any or a combination of the following measures") { data, context, out in
            guard entityType(data) == type, !isSpecialty(data) else { return }
            let applies = RuleText.strings(context.settings.parameter(rule, "appliesTo"))
            let allowed = RuleText.strings(context.config["appendices"]?[letter]?["alternativeMeasures"])
            for pip in applies.isEmpty ? pips : applies {
                guard let plan = data["pips"]?[pip], let text = plan["domain"]?.stringValue,
                      Domain(text: text) == .acuteChronic, !allowed.isEmpty else { continue }
                report(unlisted(plan, allowed), "Appendix \(letter) Care for Acute and Chronic Conditions", pip: pip, into: &out)
            }
        }
    }
}
