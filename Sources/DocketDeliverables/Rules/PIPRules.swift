import DocketCore
import Foundation

/// Named rules of the PIP Key Contact Form & Mid-Year Planning Report (seed
/// pip-key-contact-and-mid-year-planning-report-form.txt, rules R000-xx). The PIP topic rules
/// (R000-24..R000-29) read the optional `pips.pip1` / `pips.pip2` (`domain`, `measures`) and
/// `entity.obstetricDelivery` / `entity.acuteSpecialty`; see docs/validation.md.
enum PIPRules {
    static let id = "pip-midyear-report"

    static let all: [any DeliverableRule] = [
        NamedRule("R000-09", id, .warning,
                  summary: "a filled key contact has a name and email/contact information (blank rows allowed)",
                  source: "(if no changes, please leave blank)") { data, context, out in
            for (pointer, person) in contactRows(data, config: context.config) {
                let named = !RuleText.isBlank(person["name"])
                let reachable = !RuleText.isBlank(person["email"]) || !RuleText.isBlank(person["phone"])
                if named && !reachable {
                    out.add("key contact \(person["name"]?.stringValue ?? "") has no email/contact information", at: pointer + "/email")
                } else if !named && reachable {
                    out.add("key contact row has contact information but no name", at: pointer + "/name")
                }
            }
        },
        narrativeElement("R000-12", keywords: ["meeting*", "met", "meet*", "conversation*", "discuss*", "time allotted", "allotted",
                                                "hour*", "fte*"],
                         what: "efforts (meetings, conversations, time allotted) to identify the PIP 1 topic and measure areas",
                         quote: "Summarize any efforts (e.g., meetings, conversations, time allotted, etc.) … to identify PIP 1 topic and potential measure areas"),
        narrativeElement("R000-14", keywords: ["challenge*", "barrier*", "risk*", "obstacle*", "difficult*", "concern*"],
                         what: "anticipated challenges around planning and implementing PIP 1",
                         quote: "Report any anticipated challenges around planning and implementing PIP 1."),
    ] + PIPTopicRules.all

    /// Every key-contact row with its pointer, in the form's order.
    /// The key-contact rows of `data`: the fixed roles of `keyContactRoles` (deliverable.yaml),
    /// then each Other Supporting Personnel row.
    static func contactRows(_ data: JSONValue, config: JSONValue) -> [(String, JSONValue)] {
        var rows: [(String, JSONValue)] = []
        for role in (config["keyContactRoles"]?.arrayValue ?? []).compactMap({ $0["key"]?.stringValue }) {
            if let person = data["contacts"]?[role], person.objectValue != nil { rows.append(("/contacts/\(role)", person)) }
        }
        for (i, person) in (data["contacts"]?["other"]?.arrayValue ?? []).enumerated() where person.objectValue != nil {
            rows.append(("/contacts/other/\(i)", person))
        }
        return rows
    }

    /// A prompt element the narrative must cover (R000-12, R000-14): a heuristic, so a warning
    /// (the rubric leaves "sufficient detail" to the reviewer, R000-17). The keywords are
    /// configurable: `options.rules.<id>.keywords`. Keywords match whole words (`*` at the end:
    /// any ending, "discuss*" finds "discussed"), so "met" is not found in "metrics".
    static func narrativeElement(_ rule: String, keywords: [String], what: String, quote: String) -> NamedRule {
        NamedRule(rule, id, .warning, summary: "the narrative addresses \(what) (keyword heuristic)", source: quote) { data, context, out in
            let response = data["midYearPlanning"]?["response"]
            guard !RuleText.isBlank(response) else { return }
            let configured = RuleText.strings(context.settings.parameter(rule, "keywords"))
            if !RuleText.mentions(response?.stringValue ?? "", anyOf: configured.isEmpty ? keywords : configured) {
                let pip = "PIP \(PIPDerivation.pipNumber(data))"
                out.add("the narrative does not seem to address \(what.replacingOccurrences(of: "PIP 1", with: pip))", at: "/midYearPlanning/response")
            }
        }
    }
}
