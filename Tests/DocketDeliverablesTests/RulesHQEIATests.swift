import DocketCore
import DocketDeliverables
import DocketTestSupport
import Foundation
import Testing

/// Strategic Plan (R003-xx) and IA MPA report (R002-xx) rules, and the rule catalogue itself.
@Suite struct RulesHQEIATests {
    static let hqe = "hqe-strategic-plan"
    static let ia = "ia-midpoint-assessment"
    static let allDimensions: JSONValue = "Age bands, race, ethnicity, language, disability, sexual orientation and gender identity."
    static let longText = JSONValue.string(Array(repeating: "word", count: 9_000).joined(separator: " "))

    static let cases: [RuleCase] = [
        RuleCase(rule: "R003-09", deliverable: hqe, name: "Yes without statement",
                 passing: [], failing: [("/commitment/publicStatement/statement", "   ")],
                 pointer: "/commitment/publicStatement/statement"),
        RuleCase(rule: "R003-09", deliverable: hqe, name: "neither Yes nor No",
                 passing: [("/commitment/publicStatement/exists", false)], failing: [("/commitment/publicStatement/exists", nil)],
                 pointer: "/commitment/publicStatement/exists"),
        RuleCase(rule: "R003-16", deliverable: hqe, name: "demographics miss dimensions",
                 passing: [("/plan/needsAssessment/demographics", allDimensions)],
                 failing: [("/plan/needsAssessment/demographics", "Race of members.")],
                 pointer: "/plan/needsAssessment/demographics", severity: .warning),
        // Issue 13: "age" inside "language" and "percentage" does not cover age.
        RuleCase(rule: "R003-16", deliverable: hqe, name: "age only inside other words",
                 passing: [("/plan/needsAssessment/demographics", allDimensions)],
                 failing: [("/plan/needsAssessment/demographics",
                            "Race, ethnicity, language, disability, sexual orientation, gender identity and the percentage of members per town.")],
                 pointer: "/plan/needsAssessment/demographics", severity: .warning),
        RuleCase(rule: "R003-17", deliverable: hqe, name: "engagement all empty",
                 passing: [], failing: [("/plan/engagement", ["community": nil, "memberVoices": "", "pfac": nil])],
                 pointer: "/plan/engagement", severity: .warning),
        RuleCase(rule: "R003-18", deliverable: hqe, name: "two goals",
                 passing: [], failing: [("/plan/goals", [Shipped.example(hqe)["plan"]!["goals"]![0]!, Shipped.example(hqe)["plan"]!["goals"]![1]!])],
                 pointer: "/plan/goals"),
        RuleCase(rule: "R003-18", deliverable: hqe, name: "six goals",
                 passing: [], failing: Array(repeating: ("/plan/goals/-", Shipped.example(hqe)["plan"]!["goals"]![0]!), count: 3),
                 pointer: "/plan/goals"),
        RuleCase(rule: "R003-20", deliverable: hqe, name: "goal without KPIs",
                 passing: [], failing: [("/plan/goals/1/kpis", "")], pointer: "/plan/goals/1/kpis"),
        RuleCase(rule: "R003-20", deliverable: hqe, name: "goal without threats",
                 passing: [], failing: [("/plan/goals/2/swot/threats", [])], pointer: "/plan/goals/2/swot/threats"),
        RuleCase(rule: "R003-21", deliverable: hqe, name: "2024 plan without previous goals",
                 passing: [], failing: [("/year", 2024)], pointer: "/plan/previousGoals"),
        RuleCase(rule: "R003-21", deliverable: hqe, name: "previous goal without status",
                 passing: [("/year", 2024), ("/plan/previousGoals", [progress("on track")])],
                 failing: [("/year", 2024), ("/plan/previousGoals", [progress(nil)])], pointer: "/plan/previousGoals/0/status"),
        RuleCase(rule: "R003-21", deliverable: hqe, name: "previous goal without KPI now",
                 passing: [("/year", 2024), ("/plan/previousGoals", [progress("retired", kpiNow: nil, reason: "merged into goal 1")])],
                 failing: [("/year", 2024), ("/plan/previousGoals", [progress("behind", kpiNow: " ")])], pointer: "/plan/previousGoals/0/kpiNow"),
        RuleCase(rule: "R003-21", deliverable: hqe, name: "previous goals in the preliminary plan",
                 passing: [("/year", 2024), ("/plan/previousGoals", [progress("achieved")])],
                 failing: [("/plan/previousGoals", [progress("achieved")])], pointer: "/plan/previousGoals", severity: .warning),
        RuleCase(rule: "hqe.goal-change", deliverable: hqe, name: "retired goal without a reason",
                 passing: [("/year", 2024), ("/plan/previousGoals", [progress("retired", reason: "achieved early")])],
                 failing: [("/year", 2024), ("/plan/previousGoals", [progress("retired")])], pointer: "/plan/previousGoals/0/reason"),
        RuleCase(rule: "hqe.goal-change", deliverable: hqe, name: "modified goal without new wording",
                 passing: [("/year", 2024), ("/plan/previousGoals", [progress("modified", reason: "target met", newWording: "Reach 90%")])],
                 failing: [("/year", 2024), ("/plan/previousGoals", [progress("modified", reason: "target met")])],
                 pointer: "/plan/previousGoals/0/newWording"),
        RuleCase(rule: "R003-23", deliverable: hqe, name: "Section 3 far over 16 pages",
                 passing: [], failing: [("/plan/needsAssessment/healthNeeds", longText)], pointer: "/plan", severity: .warning),
        RuleCase(rule: "R002-03", deliverable: ia, name: "focus area rated twice",
                 passing: [], failing: [("/focusAreas/1/id", "organizational-structure-and-engagement")], pointer: "/focusAreas/1/id"),
        RuleCase(rule: "R002-03", deliverable: ia, name: "unknown focus area",
                 passing: [], failing: [("/focusAreas/4/id", "finance")], pointer: "/focusAreas/4/id"),
        RuleCase(rule: "R002-05", deliverable: ia, name: "On track with a recommendation",
                 passing: [], failing: [("/focusAreas/2/recommendations", ["hire more staff"])], pointer: "/focusAreas/2/recommendations"),
        RuleCase(rule: "R002-05", deliverable: ia, name: "seed variant wording is On track",
                 passing: [("/focusAreas/2/rating", "On track with no recommendations")],
                 failing: [("/focusAreas/2/rating", "On track with no recommendations"), ("/focusAreas/2/recommendations", ["x"])],
                 pointer: "/focusAreas/2/recommendations"),
        RuleCase(rule: "R002-05", deliverable: ia, name: "limited recommendations but none listed",
                 passing: [], failing: [("/focusAreas/0/recommendations", [])], pointer: "/focusAreas/0/recommendations", severity: .warning),
    ]

    /// A previous goal's progress row (R003-21).
    static func progress(_ status: JSONValue, kpiNow: JSONValue = "62%", reason: JSONValue? = nil, newWording: JSONValue? = nil) -> JSONValue {
        var row: [String: JSONValue] = ["title": "Reduce hypertension control disparities", "status": status, "kpiThen": "58%",
                                        "kpiNow": kpiNow, "narrative": "Monitors distributed."]
        if let reason { row["reason"] = reason }
        if let newWording { row["newWording"] = newWording }
        return .object(row)
    }

    @Test(arguments: cases) func rule(_ c: RuleCase) {
        let quiet = c.run(c.passing).filter { $0.rule == c.rule && $0.instanceLocation == c.pointer }
        #expect(quiet.isEmpty, "passing case reported: \(quiet.map(\.message))")
        let found = c.run(c.failing).filter { $0.rule == c.rule }
        #expect(found.contains { $0.instanceLocation == c.pointer && $0.severity == c.severity },
                "expected \(c.severity) at \(c.pointer), got \(found.map { "\($0.severity) \($0.instanceLocation ?? "") \($0.message)" })")
    }

    /// Issue 13: R003-16 names exactly the dimension whose word appears only inside other words.
    @Test func demographicKeywordsMatchWholeWords() {
        let c = Self.cases.first { $0.name == "age only inside other words" }!
        let found = c.run(c.failing).filter { $0.rule == "R003-16" }
        #expect(found.map(\.message) == ["Section 3.C.ii does not mention age (the form lists them as the minimum)"])
        let inflected: JSONValue = "Members aged 0-20; racial and ethnic groups; Latino; languages; disabled members; LGBTQ+; transgender members."
        #expect(c.run([("/plan/needsAssessment/demographics", inflected)]).filter { $0.rule == "R003-16" }.isEmpty)
    }

    /// An empty file (null data) is reported once, by the schema; "Yes" typed as text for 2.i is
    /// an answer written wrongly (the schema says so), not a missing one.
    @Test func noRuleNoiseOnEmptyOrMistypedData() {
        for id in [Self.hqe, Self.ia, RulesPIPTests.pip] {
            #expect(DeliverableRules.check(Shipped.deliverable(id), data: .null).isEmpty)
        }
        let yes = RuleData.setting(Shipped.example(Self.hqe), "/commitment/publicStatement/exists", "Yes")
        #expect(DeliverableRules.check(Shipped.deliverable(Self.hqe), data: yes).filter { $0.rule == "R003-09" }.isEmpty)
    }

    @Test func iaExampleIsClean() {
        #expect(DeliverableRules.check(Shipped.deliverable(Self.ia), data: Shipped.example(Self.ia)).isEmpty)
    }

    @Test func hqeExampleHasNoErrors() {
        let found = DeliverableRules.check(Shipped.deliverable(Self.hqe), data: Shipped.example(Self.hqe))
        #expect(found.filter(\.isError).isEmpty, "\(found.map(\.message))")
    }

    /// Every rule has a passing and a failing case in these suites.
    @Test func everyRuleHasCases() {
        let covered = Set((Self.cases + RulesPIPTests.cases + PIPReportTests.ruleCases).map(\.rule))
        let missing = Set(DeliverableRules.all.map(\.id)).subtracting(covered)
        #expect(missing.isEmpty, "rules without cases: \(missing.sorted())")
    }

    /// Every rule names a seed-rules id whose row holds each fragment of its quote.
    @Test func quotesComeFromSeedRules() throws {
        let text = try String(contentsOf: TestPaths.shared.appendingPathComponent("reference/seed-rules.md"), encoding: .utf8)
        let rows = Dictionary(text.split(separator: "\n").compactMap { line -> (String, String)? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 2 else { return nil }
            return (cells[1].trimmingCharacters(in: .whitespaces), String(line))
        }, uniquingKeysWith: { a, _ in a })
        #expect(DeliverableRules.all.count >= 18)
        for rule in DeliverableRules.all {
            // A Docket id (the seed states no rule; Docket's reading) says so, in its source (quoting the
            // seed's Description of Elements) or in its summary with the seed text it reads.
            guard rule.id.hasPrefix("R0") else {
                let inSource = rule.source.contains("Docket's reading") || rule.source.contains("Description of Elements")
                let inSummary = rule.summary.contains("Docket's reading") && text.contains(rule.source)
                #expect(inSource || inSummary, "\(rule.id): say it is Docket's reading (source: \(rule.source))")
                continue
            }
            let row = try #require(rows[rule.id], "\(rule.id) not in seed-rules.md")
            for fragment in rule.source.components(separatedBy: " … ") {
                let f = fragment.trimmingCharacters(in: .whitespaces)
                #expect(row.contains(f), "\(rule.id): `\(f)` is not in its seed-rules row")
            }
        }
    }
}
