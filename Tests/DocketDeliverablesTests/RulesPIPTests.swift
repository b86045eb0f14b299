import DocketCore
import DocketDeliverables
import Testing

/// PIP Mid-Year report rules (R000-xx): each rule quiet on a passing case, reporting on a failing one.
@Suite struct RulesPIPTests {
    static let pip = "pip-midyear-report"
    static let hospitalOB: [(String, JSONValue)] = [("/entity/type", "acute-hospital"), ("/entity/obstetricDelivery", true)]
    static let acoOB: [(String, JSONValue)] = [("/entity/type", "aco"), ("/entity/obstetricDelivery", true)]
    static let goodPIP1: [(String, JSONValue)] = [
        ("/pips/pip1", ["domain": "Care Coordination", "measures": ["Follow-Up After Hospitalization for Mental Illness"]]),
    ]

    static let cases: [RuleCase] = [
        RuleCase(rule: "R000-09", deliverable: pip, name: "named contact without email",
                 passing: [], failing: [("/contacts/executiveSponsor/email", nil), ("/contacts/executiveSponsor/phone", nil)],
                 pointer: "/contacts/executiveSponsor/email", severity: .warning),
        RuleCase(rule: "R000-12", deliverable: pip, name: "narrative without efforts",
                 passing: [], failing: [("/midYearPlanning/response", "We anticipate challenges with data exchange.")],
                 pointer: "/midYearPlanning/response", severity: .warning),
        RuleCase(rule: "R000-14", deliverable: pip, name: "narrative without challenges",
                 passing: [], failing: [("/midYearPlanning/response", "We held six meetings to pick the topic.")],
                 pointer: "/midYearPlanning/response", severity: .warning),
        // Issue 13: keywords match whole words ("fte" is not in "after"/"often", "risk" not in "brisk").
        RuleCase(rule: "R000-12", deliverable: pip, name: "keywords inside other words do not count",
                 passing: [("/midYearPlanning/response", "We discussed the topic; one FTE after a challenge.")],
                 failing: [("/midYearPlanning/response", "After a challenge, we often left the measures to the metrics team.")],
                 pointer: "/midYearPlanning/response", severity: .warning),
        RuleCase(rule: "R000-14", deliverable: pip, name: "risk inside brisk does not count",
                 passing: [("/midYearPlanning/response", "We held six meetings; the main risks are staffing.")],
                 failing: [("/midYearPlanning/response", "We held six meetings about the Brisk Walking program.")],
                 pointer: "/midYearPlanning/response", severity: .warning),
        RuleCase(rule: "R000-24", deliverable: pip, name: "PIP 1 and PIP 2 in one domain",
                 passing: goodPIP1 + [("/pips/pip2/domain", "preventive-perinatal-pediatric")],
                 failing: goodPIP1 + [("/pips/pip2/domain", "care-coordination")], pointer: "/pips/pip2/domain"),
        // An unknown domain is the schema enum's (it carries R000-24): DataCheckTests.anUnknownDomainIsOneMessage.
        RuleCase(rule: "R000-25", deliverable: pip, name: "PIP 1 not Care Coordination",
                 passing: goodPIP1, failing: [("/pips/pip1", ["domain": "acute-chronic-conditions", "measures": ["Asthma Medication Ratio"]])],
                 pointer: "/pips/pip1/domain", severity: .warning),
        RuleCase(rule: "R000-25", deliverable: pip, name: "Care Coordination with an unlisted measure",
                 passing: goodPIP1, failing: [("/pips/pip1", ["domain": "care-coordination", "measures": ["Asthma Medication Ratio"]])],
                 pointer: "/pips/pip1/measures/0", severity: .warning),
        RuleCase(rule: "R000-26", deliverable: pip, name: "obstetric hospital PIP 2 outside Preventive",
                 passing: hospitalOB + [("/pips/pip2", ["domain": "Preventive, Perinatal, or Pediatric Care", "measures": ["Maternal morbidity measure"]])],
                 failing: hospitalOB + [("/pips/pip2", ["domain": "acute-chronic-conditions", "measures": ["Maternal morbidity measure"]])],
                 pointer: "/pips/pip2/domain"),
        RuleCase(rule: "R000-26", deliverable: pip, name: "hospital may not use Prenatal and Postpartum Care",
                 passing: hospitalOB + [("/pips/pip2", ["domain": "preventive-perinatal-pediatric", "measures": ["maternal morbidity measure"]])],
                 failing: hospitalOB + [("/pips/pip2", ["domain": "preventive-perinatal-pediatric", "measures": ["Prenatal and Postpartum Care"]])],
                 pointer: "/pips/pip2/measures/0"),
        RuleCase(rule: "R000-27", deliverable: pip, name: "ACO partnered with obstetric hospital",
                 passing: acoOB + [("/pips/pip2", ["domain": "preventive-perinatal-pediatric", "measures": ["Prenatal and Postpartum Care"]])],
                 failing: acoOB + [("/pips/pip2", ["domain": "preventive-perinatal-pediatric", "measures": ["Well-Child Visits"]])],
                 pointer: "/pips/pip2/measures/0"),
        RuleCase(rule: "R000-27", deliverable: pip, name: "ACO PIP 2 names no measure",
                 passing: acoOB + [("/pips/pip2", ["domain": "preventive-perinatal-pediatric", "measures": ["Prenatal and Postpartum Care"]])],
                 failing: acoOB + [("/pips/pip2", ["domain": "preventive-perinatal-pediatric", "measures": []])],
                 pointer: "/pips/pip2/measures"),
        RuleCase(rule: "R000-28", deliverable: pip, name: "hospital alternative-domain list (7)",
                 passing: [("/pips/pip2", ["domain": "acute-chronic-conditions", "measures": ["Alcohol Use Brief Intervention Provided or Offered"]])],
                 failing: [("/pips/pip2", ["domain": "acute-chronic-conditions", "measures": ["Flu Vaccinations for Adults"]])],
                 pointer: "/pips/pip2/measures/0"),
        RuleCase(rule: "R000-29", deliverable: pip, name: "ACO list excludes the hospital-only alcohol measure",
                 passing: [("/entity/type", "aco"), ("/pips/pip2", ["domain": "acute-chronic-conditions", "measures": ["Asthma Medication Ratio"]])],
                 failing: [("/entity/type", "aco"), ("/pips/pip2", ["domain": "acute-chronic-conditions", "measures": ["Alcohol Use Brief Intervention Provided or Offered"]])],
                 pointer: "/pips/pip2/measures/0"),
        RuleCase(rule: "R000-32", deliverable: pip, name: "acute specialty hospital note",
                 passing: goodPIP1, failing: goodPIP1 + [("/entity/acuteSpecialty", true)],
                 pointer: "/entity/acuteSpecialty", severity: .note),
    ]

    @Test(arguments: cases) func rule(_ c: RuleCase) {
        c.verify()
    }

    @Test func exampleHasNoRuleErrors() {
        let found = DeliverableRules.check(Shipped.deliverable(Self.pip), data: Shipped.example(Self.pip))
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func specialtyHospitalSkipsMeasureLists() {
        let c = Self.cases.first { $0.rule == "R000-28" }!
        let found = c.run(c.failing + [("/entity/acuteSpecialty", true)]).filter { $0.rule == "R000-28" }
        #expect(found.isEmpty)
    }

    @Test func settingsDisableAndRetargetRules() {
        let c = Self.cases.first { $0.rule == "R000-28" }!
        var off = RuleSettings()
        off.disabled = ["R000-28"]
        #expect(c.run(c.failing, overrides: off).allSatisfy { $0.rule != "R000-28" })
        // R000-28 AMBIGUOUS: limiting the alternative-domain list to PIP 1 leaves PIP 2 unchecked.
        let onlyPIP1 = RuleSettings(json: ["R000-28": ["appliesTo": ["pip1"]]])
        #expect(c.run(c.failing, overrides: onlyPIP1).allSatisfy { $0.rule != "R000-28" })
        // Settings inside the data (options.rules) work the same way.
        let inData = c.run(c.failing + [("/options/rules", ["severity": ["R000-28": "warning"]])]).filter { $0.rule == "R000-28" }
        #expect(inData.count == 1 && inData[0].severity == .warning)
    }
}
