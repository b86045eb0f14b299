import DocketCore
import DocketDeliverables
import DocketSchema
import DocketTemplate
import DocketTestSupport
import Foundation
import Testing

/// The PIP Baseline/Planning, Remeasurement and Closure Reports: their examples, measures and named rules
/// (R000-20..R000-23, the topic rules R000-24.., `pip-report.*`), carry forward and OnBase names.
@Suite struct PIPReportTests {
    static let baseline = "pip-baseline-report", remeasurement = "pip-remeasurement-report", closure = "pip-closure-report"
    static let examples = [(baseline, "example.yaml"), (baseline, "example-aco.yaml"), (remeasurement, "example.yaml"),
                           (remeasurement, "example-aco.yaml"), (closure, "example.yaml"), (closure, "example-aco.yaml")]

    /// A passing and a failing case of each rule of these reports (RulesHQEIATests.everyRuleHasCases counts them).
    static let ruleCases: [RuleCase] = [
        RuleCase(rule: "pip-report.measure-counts", deliverable: baseline, name: "numerator over denominator",
                 passing: [("/measures/0/numerator", 216)], failing: [("/measures/0/numerator", 300)], pointer: "/measures/0/numerator"),
        RuleCase(rule: "pip-report.measure-counts", deliverable: closure, name: "carried-forward numerator over denominator",
                 passing: [], failing: [("/carriedForward/remeasurement1/measures/1/denominator", 10)],
                 pointer: "/carriedForward/remeasurement1/measures/1/numerator"),
        RuleCase(rule: "pip-report.measure-rate", deliverable: baseline, name: "rate off",
                 passing: [("/measures/0/rate", 41.25)], failing: [("/measures/0/rate", 45)], pointer: "/measures/0/rate", severity: .warning),
        RuleCase(rule: "pip-report.sections", deliverable: remeasurement, name: "the Baseline's section in a Remeasurement Report",
                 passing: [], failing: [("/planning", ["barriers": "x"])], pointer: "/planning", severity: .warning),
        RuleCase(rule: "pip-report.remeasurement", deliverable: remeasurement, name: "which remeasurement",
                 passing: [("/remeasurement", 1)], failing: [("/remeasurement", nil)], pointer: "/remeasurement"),
        RuleCase(rule: "R000-20", deliverable: baseline, name: "no barrier identification",
                 passing: [("/planning/objectives", nil)], failing: [("/planning/barriers", "")], pointer: "/planning/barriers"),
        RuleCase(rule: "R000-20", deliverable: baseline, name: "neither objectives nor goals",
                 passing: [("/goals", [])], failing: [("/planning/objectives", nil), ("/goals", [])], pointer: "/planning/objectives"),
        RuleCase(rule: "R000-21", deliverable: remeasurement, name: "Remeasurement 1 without methodology",
                 passing: [("/remeasurement", 1), ("/assessment/continuationPlans", nil)],
                 failing: [("/remeasurement", 1), ("/assessment/methodology", nil)], pointer: "/assessment/methodology"),
        RuleCase(rule: "R000-22", deliverable: remeasurement, name: "Remeasurement 2 without continuation plans",
                 passing: [], failing: [("/assessment/continuationPlans", "")], pointer: "/assessment/continuationPlans"),
        RuleCase(rule: "R000-23", deliverable: closure, name: "no successes or challenges",
                 passing: [], failing: [("/closure/successesChallenges", nil)], pointer: "/closure/successesChallenges"),
    ]

    @Test(arguments: ruleCases) func rule(_ c: RuleCase) {
        c.verify()
    }

    static func load(_ id: String, _ file: String) throws -> LoadedData {
        try DataLoader.load(path: TestPaths.packageRoot.appendingPathComponent("Templates/\(id)/\(file)").path)
    }

    static func check(_ id: String, _ data: JSONValue) throws -> [Diagnostic] {
        try DataCheck.check(LoadedData(value: data, path: "\(id).yaml"), Shipped.deliverable(id), catalog: SchemaCatalog())
    }

    @Test(arguments: examples.indices.map { $0 }) func examplesAreClean(_ i: Int) throws {
        let (id, file) = Self.examples[i]
        let diagnostics = try DataCheck.check(try Self.load(id, file), Shipped.deliverable(id), catalog: SchemaCatalog())
        #expect(diagnostics.isEmpty, "\(id) \(file): \(diagnostics.map { "\($0.rule) \($0.message)" })")
    }

    @Test func namesAreDocketsPatternWithThePIPAndRemeasurementNumbers() throws {
        let r2 = try Self.load(Self.remeasurement, "example.yaml").value
        #expect(Shipped.deliverable(Self.remeasurement).fileName(data: r2, date: "2025-09-29") == "MBRH_PIP1Remeasurement2Report_09292025")
        var noPIP = try Self.load(Self.baseline, "example.yaml").value.objectValue ?? [:]
        noPIP["pip"] = nil
        // `pip` defaults to 1, as in the Mid-Year report (the calendar's `due.fields.pip.default`).
        #expect(Shipped.deliverable(Self.baseline).fileName(data: .object(noPIP), date: "2023-12-29") == "MBRH_PIP1BaselineReport_12292023")
        for id in [Self.baseline, Self.remeasurement, Self.closure] {
            #expect(Shipped.deliverable(id).naming.rule == nil, "Docket's choice: a broken name is a warning")
            #expect(Shipped.deliverable(id).naming.severity == .warning)
        }
        let aco = try Self.load(Self.closure, "example-aco.yaml").value
        #expect(Shipped.deliverable(Self.closure).fileName(data: aco, date: "2027-12-30") == "NSCCACO_PIP2ClosureReport_12302027")
    }

    @Test func dueEventsFollowTheCalendar() throws {
        let r1 = try Self.load(Self.remeasurement, "example-aco.yaml").value
        #expect(try Shipped.deliverable(Self.remeasurement).due?.eventIDs(for: r1).get() == ["pip.aco.pip2.remeasurement-1"])
        let b = try Self.load(Self.baseline, "example.yaml").value
        #expect(try Shipped.deliverable(Self.baseline).due?.eventIDs(for: b).get() == ["pip.hospital.pip1.baseline-planning"])
        let c = try Self.load(Self.closure, "example.yaml").value
        #expect(try Shipped.deliverable(Self.closure).due?.eventIDs(for: c).get() == ["pip.hospital.pip1.closure"])
    }

    /// The first page says MassHealth published no form, quoting the seed's sentence with its lines.
    @Test func eachReportSaysItIsDocketsOutline() throws {
        let lines = Shipped.seed("pip-key-contact-and-mid-year-planning-report-form.txt")
        for (id, file, line) in [(Self.baseline, "example.yaml", 87), (Self.remeasurement, "example-aco.yaml", 88),
                                 (Self.remeasurement, "example.yaml", 89), (Self.closure, "example.yaml", 90)] {
            let data = try Self.load(id, file).value
            let md = Shipped.markdown(id, data: data).output
            let firstSection = md.range(of: "\n## ")?.lowerBound ?? md.endIndex
            let front = String(md[..<firstSection]).replacingOccurrences(of: "\\", with: "").foldedWhitespace
            #expect(front.contains("Added by Docket: MassHealth has published no form"), "\(id)")
            #expect(front.contains("seed lines \(line) and \(line + 84)"), "\(id): \(front.prefix(600))")
            #expect(front.contains(Shipped.seedLine(lines, line).foldedWhitespace), "\(id) quotes line \(line): \(front.prefix(900))")
            #expect(Shipped.seedLine(lines, line) == Shipped.seedLine(lines, line + 84), "Appendix B repeats it")
        }
    }

    @Test func theDueDatePrintsWhenTheCalendarIsKnown() throws {
        let d = Shipped.deliverable(Self.baseline)
        let text = try String(contentsOf: d.templateMarkdownURL, encoding: .utf8)
        let template = try Template(text, name: "template.md", locator: .lineColumn(file: d.templateMarkdownURL.path))
        var data = d.enrich(try Self.load(Self.baseline, "example.yaml").value, date: "2023-12-20")
        let without = template.render(data, format: MarkdownFormat())
        #expect(without.diagnostics.isEmpty && !without.output.contains("Anticipated due date"))
        data.setValue(["date": "2023-12-31", "event": "pip.hospital.pip1.baseline-planning", "deadline": "D000-02", "status": "anticipated"],
                      atDotted: "docket.due")
        let with = template.render(data, format: MarkdownFormat())
        #expect(with.output.contains("Anticipated due date: December 31, 2023 (D000-02)"), "\(with.output.prefix(2000))")
    }

    @Test func remeasurement2ComparesBaselineAndRemeasurement1() throws {
        let md = Shipped.markdown(Self.remeasurement, data: try Self.load(Self.remeasurement, "example.yaml").value)
        #expect(md.diagnostics.isEmpty)
        let row = md.output.split(separator: "\n").first { $0.contains("Spanish-speaking members") && $0.contains("CY2023") }
        #expect(row.map(String.init).map(MarkdownReader.unescape)
                == "| Follow-Up After ED Visit for Mental Illness (7-day) | Spanish-speaking members | 41.2% (89/216; CY2023) | 51.1% (118/231; CY2024) | 54.6% (131/240; CY2025) | +13.4 pp |",
                "\(md.output)")
        // A Remeasurement 1 Report has no Remeasurement 2 column and no continuation section.
        let r1 = Shipped.markdown(Self.remeasurement, data: try Self.load(Self.remeasurement, "example-aco.yaml").value).output
        #expect(r1.contains("| Measure | Stratification | Baseline | Remeasurement 1 | Change |"))
        #expect(!r1.contains("Initial Plans for Continuation"))
    }

    @Test func measuresMatchByNameAndStratificationAcrossStages() throws {
        var data = try Self.load(Self.closure, "example.yaml").value
        // Other case and punctuation still match; a stratum only one stage measured gets "—" elsewhere.
        data = RuleData.setting(data, "/carriedForward/remeasurement1/measures/0/name", "follow-up after ED visit for mental illness, 7-day")
        data = RuleData.setting(data, "/carriedForward/remeasurement2/measures/-", ["name": "Follow-Up After ED Visit for Mental Illness (7-day)",
                                                                                    "stratification": "Portuguese-speaking members", "numerator": 10, "denominator": 40])
        let derived = Shipped.deliverable(Self.closure).enrich(data, date: "2026-12-30")["derived"]
        let rows = derived?["comparison"]?.arrayValue ?? []
        #expect(rows.count == 3)
        #expect(rows.first?["remeasurement1"] == "51.1% (118/231; CY2024)")
        #expect(rows.last?["baseline"] == "—" && rows.last?["remeasurement2"] == "25.0% (10/40)" && rows.last?["change"] == "—")
        #expect(derived?["comparisonNote"] == "")
        var bare = data.objectValue ?? [:]
        bare["carriedForward"] = nil
        let note = Shipped.deliverable(Self.closure).enrich(.object(bare), date: "2026-12-30")["derived"]?["comparisonNote"]?.stringValue ?? ""
        #expect(note.contains("no figures of the Baseline and Remeasurement Reports were carried forward"))
    }

    /// numerator > denominator: an error at the numerator, located in the data file.
    @Test func numeratorOverDenominatorIsALocatedError() throws {
        let yaml = """
            pip: 1
            entity: {name: Merrimack Bay Regional Hospital, abbreviation: MBRH, type: acute-hospital}
            measures:
              - name: Follow-Up After ED Visit for Mental Illness (7-day)
                numerator: 240
                denominator: 131
                rate: 50
            """
        let loaded = try DataLoader.load(data: Data(yaml.utf8), path: "bad.yaml")
        let all = try DataCheck.check(loaded, Shipped.deliverable(Self.baseline), catalog: SchemaCatalog())
        let counts = try #require(all.first { $0.rule == "pip-report.measure-counts" })
        #expect(counts.severity == .error)
        #expect(counts.instanceLocation == "/measures/0/numerator")
        #expect(counts.location?.prefix == "bad.yaml:5:16", "\(String(describing: counts.location))")
        #expect(counts.message.contains("the numerator 240 is more than the denominator 131"))
        let rate = try #require(all.first { $0.rule == "pip-report.measure-rate" })
        #expect(rate.severity == .warning && rate.instanceLocation == "/measures/0/rate")
        #expect(rate.message.contains("does not match 240/131 = 183.2%"), "\(rate.message)")
        // Negative figures are the schema's.
        let negative = try Self.check(Self.baseline, RuleData.setting(loaded.value, "/measures/0/denominator", -1))
        #expect(negative.contains { $0.instanceLocation == "/measures/0/denominator" && $0.isError })
    }

    @Test func theRateIsCheckedWithinTheTolerance() throws {
        var data = try Self.load(Self.baseline, "example.yaml").value
        data = RuleData.setting(data, "/measures/1/rate", 55.3)    // 512/925 = 55.35…: within 0.1
        let close = try Self.check(Self.baseline, data)
        #expect(close.isEmpty, "\(close.map(\.message))")
        data = RuleData.setting(data, "/measures/1/rate", 53)
        let warnings = try Self.check(Self.baseline, data)
        #expect(warnings.map(\.rule) == ["pip-report.measure-rate"] && warnings.allSatisfy { !$0.isError })
        data = RuleData.setting(data, "/options/rules/pip-report.measure-rate/tolerance", 3)
        #expect(try Self.check(Self.baseline, data).isEmpty)
    }

    @Test func eachReportNeedsTheElementsTheSeedNames() throws {
        var b = try Self.load(Self.baseline, "example.yaml").value
        b = RuleData.setting(b, "/planning/dataSharing", "  ")
        b = RuleData.setting(b, "/measures", [])
        let missing = try Self.check(Self.baseline, b)
        #expect(missing.filter { $0.rule == "R000-20" }.map(\.instanceLocation) == ["/measures", "/planning/dataSharing"], "\(missing.map(\.message))")
        #expect(missing.contains { $0.message.contains("\"data sharing plans between ACOs and acute hospitals\"") })

        // R000-22: Remeasurement 2 has initial continuation plans; Remeasurement 1 does not need them.
        var r2 = try Self.load(Self.remeasurement, "example.yaml").value
        r2 = RuleData.setting(r2, "/assessment/continuationPlans", .null)
        let r2Problems = try Self.check(Self.remeasurement, r2)
        #expect(r2Problems.map(\.rule) == ["R000-22"], "\(r2Problems.map(\.message))")
        #expect(r2Problems.first?.instanceLocation == "/assessment/continuationPlans")
        #expect(r2Problems.first?.isError == true)
        let r1 = try Self.load(Self.remeasurement, "example-aco.yaml").value
        #expect(try Self.check(Self.remeasurement, r1).isEmpty)
        let r1Extra = try Self.check(Self.remeasurement, RuleData.setting(r1, "/assessment/continuationPlans", "Later."))
        #expect(r1Extra.map(\.rule) == ["R000-21"] && r1Extra.first?.severity == .warning, "\(r1Extra.map(\.message))")

        // R000-23: the Closure Report plans continuation.
        let c = RuleData.setting(try Self.load(Self.closure, "example.yaml").value, "/closure/continuationPlans", "")
        #expect(try Self.check(Self.closure, c).map(\.rule) == ["R000-23"])

        // The Remeasurement Report says which one it is.
        var unnumbered = r1.objectValue ?? [:]
        unnumbered["remeasurement"] = nil
        #expect(try Self.check(Self.remeasurement, .object(unnumbered)).map(\.rule) == ["pip-report.remeasurement"])

        // Another report's section is not printed: a warning.
        let stray = try Self.check(Self.baseline, RuleData.setting(try Self.load(Self.baseline, "example.yaml").value, "/closure", ["performance": "x"]))
        #expect(stray.map(\.rule) == ["pip-report.sections"] && stray.first?.severity == .warning)
    }

    /// The topic guidance applies to every PIP report (R000-24, R000-27 with the Mid-Year report's measure lists).
    @Test func topicRulesApply() throws {
        var aco = try Self.load(Self.baseline, "example-aco.yaml").value
        aco = RuleData.setting(aco, "/pips/pip2/domain", "care-coordination")
        let problems = try Self.check(Self.baseline, aco)
        #expect(Set(problems.map(\.rule)) == ["R000-24", "R000-27"], "\(problems.map { "\($0.rule) \($0.message)" })")
        aco = RuleData.setting(try Self.load(Self.baseline, "example-aco.yaml").value, "/pips/pip2/measures/0", "Asthma Medication Ratio")
        #expect(try Self.check(Self.baseline, aco).map(\.rule) == ["R000-27"])
    }

    // MARK: Carry forward

    @Test func carryCopiesEntityAimGoalsAndMeasures() throws {
        let baseline = try Self.load(Self.baseline, "example.yaml").value
        let next: JSONValue = ["remeasurement": 1, "measures": [["name": "X", "numerator": 1, "denominator": 2]]]
        let carried = try PIPCarryForward.carry(from: baseline, into: next, as: .remeasurement).get()
        #expect(carried["entity"] == baseline["entity"] && carried["pip"] == 1 && carried["aim"] == baseline["aim"] && carried["goals"] == baseline["goals"])
        #expect(carried["carriedForward"]?["baseline"]?["measures"] == baseline["measures"])
        #expect(carried["measures"] == next["measures"], "the report's own figures stay")
        // Remeasurement 2 from Remeasurement 1: the Baseline it carried comes along.
        let r2 = try PIPCarryForward.carry(from: carried, into: ["remeasurement": 2], as: .remeasurement).get()
        #expect(r2["carriedForward"]?["baseline"]?["measures"] == baseline["measures"])
        #expect(r2["carriedForward"]?["remeasurement1"]?["measures"] == next["measures"])
    }

    @Test func carryRefusesAnotherEntityPIPOrALaterReport() throws {
        let baseline = try Self.load(Self.baseline, "example.yaml").value
        let aco = try Self.load(Self.baseline, "example-aco.yaml").value
        let r1 = try Self.load(Self.remeasurement, "example-aco.yaml").value
        #expect(PIPCarryForward.carry(from: aco, into: ["entity": ["abbreviation": "MBRH"]], as: .closure) == .failure(.entity(previous: "NSCCACO", next: "MBRH")))
        #expect(PIPCarryForward.carry(from: baseline, into: ["pip": 2, "remeasurement": 1]) == .failure(.pip(previous: 1, next: 2)))
        #expect(PIPCarryForward.carry(from: ["remeasurement": 2], into: ["remeasurement": 1]) == .failure(.notEarlier(previous: "Remeasurement 2 Report", next: "Remeasurement 1 Report")))
        #expect(PIPCarryForward.carry(from: try Self.load(Self.closure, "example.yaml").value, into: [:], as: .closure)
                == .failure(.notEarlier(previous: "Closure Report", next: "Closure Report")))
        #expect((try? PIPCarryForward.carry(from: aco, into: r1, as: .remeasurement).get()) != nil)
    }
}

extension Result where Success == JSONValue, Failure == PIPCarryForward.Mismatch {
    static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case let (.success(x), .success(y)): return x == y
        case let (.failure(x), .failure(y)): return x == y
        default: return false
        }
    }
}
