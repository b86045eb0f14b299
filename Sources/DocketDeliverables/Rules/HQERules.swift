import DocketCore
import DocketSchema

/// Named rules of the Health Quality and Equity Strategic Plan (seed
/// health-quality-equity-strategic-plan-template.txt, rules R003-xx). Page counts per section are
/// the schema's `x-docket-suggestedPages`; the rules here are the cross-field ones.
enum HQERules {
    static let id = "hqe-strategic-plan"

    static let all: [any DeliverableRule] = [
        NamedRule("R003-09", id, .error, summary: "Section 2.i answered Yes or No; Yes requires the public statement",
                  source: "Yes. Please provide the public statement if it exists below") { data, _, out in
            let answer = data["commitment"]?["publicStatement"]
            switch answer?["exists"] {
            case .bool(true)?:
                if RuleText.isBlank(answer?["statement"]) {
                    out.add("Section 2.i is answered Yes but the public statement is empty: add it or answer No",
                            at: "/commitment/publicStatement/statement")
                }
            case .bool(false)?: break
            case nil, .null?: out.add("Section 2.i is not answered: check Yes or No", at: "/commitment/publicStatement/exists")
            // Another value ("Yes" typed as text) is answered; the schema says how to write it.
            default: break
            }
        },
        NamedRule("R003-16", id, .warning, summary: "3.C.ii demographics cover age, race, ethnicity, languages, disability, sexual orientation, gender identity",
                  source: "Demographic characteristics, including but not limited to age, race, ethnicity, languages spoken, disability status, sexual orientation, gender identity") { data, _, out in
            let text = data["plan"]?["needsAssessment"]?["demographics"]?.stringValue ?? ""
            guard !RuleText.isBlank(.string(text)) else { return }
            let words = RuleText.words(in: text)
            let missing = demographicDimensions.filter { _, keys in !keys.contains { RuleText.mentions(words, $0) } }.map(\.0)
            if !missing.isEmpty {
                out.add("Section 3.C.ii does not mention \(RuleText.list(missing)) (the form lists them as the minimum)",
                        at: "/plan/needsAssessment/demographics")
            }
        },
        NamedRule("R003-17", id, .warning, summary: "3.D Member and Community Engagement: prompts answered if applicable (all empty is a warning)",
                  source: "Please answer the following question if applicable.") { data, _, out in
            let section = data["plan"]?["engagement"]
            if ["community", "memberVoices", "pfac"].allSatisfy({ RuleText.isBlank(section?[$0]) }) {
                out.add("Section 3.D is empty: answer its prompts if applicable, or say why they are not", at: "/plan/engagement")
            }
        },
        NamedRule("R003-18", id, .error, summary: "Section 3.E: 3 to 5 strategic goals",
                  source: "Provide 3-5 preliminary health equity strategic goals … for the period of 2023-2027") { data, _, out in
            let count = data["plan"]?["goals"]?.arrayValue?.count ?? 0
            if !(3...5).contains(count) {
                out.add("Section 3.E needs 3-5 strategic goals; there \(count == 1 ? "is" : "are") \(count)", at: "/plan/goals")
            }
        },
        NamedRule("R003-20", id, .error, summary: "each goal has SWOT (all four), anticipated actions and KPIs",
                  source: "For each strategic goal, describe: … i. Strengths, weaknesses, opportunities, and threats … ii. Anticipated actions … iii. Key performance indicators") { data, _, out in
            for (i, goal) in (data["plan"]?["goals"]?.arrayValue ?? []).enumerated() {
                let name = "goal \(i + 1)" + (goal["title"]?.stringValue.map { " (\($0))" } ?? "")
                for part in ["strengths", "weaknesses", "opportunities", "threats"] where RuleText.isBlank(goal["swot"]?[part]) {
                    out.add("\(name) has no SWOT \(part)", at: "/plan/goals/\(i)/swot/\(part)")
                }
                if RuleText.isBlank(goal["actions"]) { out.add("\(name) has no anticipated actions for the upcoming year", at: "/plan/goals/\(i)/actions") }
                if RuleText.isBlank(goal["kpis"]) { out.add("\(name) has no key performance indicators", at: "/plan/goals/\(i)/kpis") }
            }
        },
        NamedRule("R003-21", id, .error, summary: "an annual iteration (year after 2023) reports progress on every goal of the previous plan",
                  source: "In annual iterations of this Strategic Plan, ACOs/MCOs will report on progress towards these goals") { data, context, out in
            let previous = data["plan"]?["previousGoals"]?.arrayValue ?? []
            let first = HQEAnnualIteration.firstYear(config: context.config)
            guard let year = HQEAnnualIteration.year(of: data, config: context.config) else { return }  // the schema says how to write it
            guard year > first else {
                if !previous.isEmpty {
                    out.add("plan.previousGoals is filled but the plan year is \(year), the preliminary plan: the progress table is printed only for a later year (set year)",
                            at: "/plan/previousGoals", as: .warning)
                }
                return
            }
            guard !previous.isEmpty else {
                out.add("the \(year) plan is an annual iteration but lists no goals of the \(year - 1) plan: add plan.previousGoals, one row per \(year - 1) goal "
                        + "(title, status, kpiThen, kpiNow, narrative; see Templates/hqe-strategic-plan/example-2024.yaml), or set year: \(first) for the preliminary plan",
                        at: "/plan/previousGoals")
                return
            }
            let labels = HQEAnnualIteration.Status.allCases.map(\.rawValue)
            for (i, goal) in previous.enumerated() {
                let name = "previous goal \(i + 1)" + (goal["title"]?.stringValue.map { " (\($0))" } ?? "")
                let status = goal["status"]?.stringValue.flatMap(HQEAnnualIteration.Status.init(rawValue:))
                if RuleText.isBlank(goal["status"]) {
                    out.add("\(name) has no progress status: \(RuleText.list(labels, conjunction: "or"))", at: "/plan/previousGoals/\(i)/status")
                }
                let needed: [(String, String)] = [("kpiThen", "KPI value in the \(year - 1) plan"), ("kpiNow", "KPI value now"), ("narrative", "progress narrative")]
                for (field, what) in needed where RuleText.isBlank(goal[field]) && !(field == "kpiNow" && status == .retired) {
                    out.add("\(name) has no \(what)", at: "/plan/previousGoals/\(i)/\(field)")
                }
            }
        },
        // Docket's reading: the seed allows goals to be modified but states no form for it; a
        // changed goal says how and why, so MassHealth can follow it from one plan to the next.
        NamedRule("hqe.goal-change", id, .error, summary: "a modified goal gives its new wording and a reason; a retired goal a reason (Docket's reading of R003-21)",
                  source: "potentially have the opportunity to modify goals over time") { data, _, out in
            for (i, goal) in (data["plan"]?["previousGoals"]?.arrayValue ?? []).enumerated() {
                guard let status = goal["status"]?.stringValue.flatMap(HQEAnnualIteration.Status.init(rawValue:)), status.changesGoal else { continue }
                let name = "previous goal \(i + 1)" + (goal["title"]?.stringValue.map { " (\($0))" } ?? "")
                if status == .modified && RuleText.isBlank(goal["newWording"]) {
                    out.add("\(name) is modified but has no new wording: give it in newWording", at: "/plan/previousGoals/\(i)/newWording")
                }
                if RuleText.isBlank(goal["reason"]) {
                    out.add("\(name) is \(status.rawValue) but gives no reason: say why in reason", at: "/plan/previousGoals/\(i)/reason")
                }
            }
        },
        NamedRule("R003-23", id, .warning, summary: "Section 3 in total about 9-16 pages (derived from the suggested page counts)",
                  source: "(Suggested Page Count: 1-2 pages) … (Suggested Page Count: 3-5 pages)") { data, context, out in
            let perPage = context.settings.parameter("R003-23", "wordsPerPage")?.intValue ?? SchemaOptions().wordsPerPage
            let words = wordsIn(data["plan"])
            let pages = Double(words) / Double(max(perPage, 1))
            if pages > 16 {
                out.add("Section 3 is about \(Int(pages.rounded())) pages (\(words) words at \(perPage) a page); the suggested total is 9-16", at: "/plan")
            }
        },
    ]

    /// R003-16's seven minimum dimensions and the words that show each is covered, matched as
    /// whole words (`*`: any ending), so "age" is not found in "language" or "percentage".
    static let demographicDimensions: [(String, [String])] = [
        ("age", ["age", "ages", "aged"]),
        ("race", ["race", "races", "racial*", "black", "white", "asian*"]),
        ("ethnicity", ["ethnic*", "hispanic*", "latin*"]),
        ("languages spoken", ["language*"]), ("disability status", ["disab*"]),
        ("sexual orientation", ["sexual orientation*", "lgb*"]),
        ("gender identity", ["gender*", "transgender*"]),
    ]

    /// All words of the text values under `value` (`WordCount.count(in:)`).
    static func wordsIn(_ value: JSONValue?) -> Int { value.map(WordCount.count(in:)) ?? 0 }
}
