import DocketCore
import DocketDeliverables
import DocketTestSupport
import Foundation
import Testing

/// The Strategic Plan's annual iterations (R003-21) and translations (R003-14) as library calls.
@Suite struct HQEAnnualIterationTests {
    static let hqe = "hqe-strategic-plan"
    static var config: JSONValue { Shipped.deliverable(hqe).metadata }
    static var example2024: JSONValue {
        try! DataLoader.load(path: Shipped.deliverable(hqe).folderURL.appendingPathComponent("example-2024.yaml").path).value
    }

    @Test func theYearAndItsDefaultComeFromDue() {
        #expect(HQEAnnualIteration.firstYear(config: Self.config) == 2023)
        #expect(HQEAnnualIteration.year(of: Shipped.example(Self.hqe), config: Self.config) == 2023)
        #expect(HQEAnnualIteration.year(of: Self.example2024, config: Self.config) == 2024)
        #expect(HQEAnnualIteration.year(of: ["year": "2025"], config: Self.config) == 2025, "text read back from Word")
        #expect(HQEAnnualIteration.year(of: ["year": "next"], config: Self.config) == nil)
        #expect(!HQEAnnualIteration.isAnnualIteration(Shipped.example(Self.hqe), config: Self.config))
        #expect(HQEAnnualIteration.isAnnualIteration(Self.example2024, config: Self.config))
    }

    @Test func nextYearStartsFromThisYearsGoalsWithEmptyProgress() throws {
        let this = Self.example2024
        let next = HQEAnnualIteration.next(from: this, config: Self.config)
        #expect(next["year"] == .int(2025))
        #expect(next["entity"] == this["entity"])
        #expect(next["translations"] == nil)
        let goals = try #require(this["plan"]?["goals"]?.arrayValue)
        let previous = try #require(next["plan"]?["previousGoals"]?.arrayValue)
        #expect(previous.map { $0["title"] } == goals.map { $0["title"] })
        for row in previous {
            for field in HQEAnnualIteration.progressFields { #expect(row[field] == .null) }
        }
        #expect(next["plan"]?["goals"] == this["plan"]?["goals"], "this year's goals stay, to revise")
        // The empty progress is what R003-21 asks to fill in, one error per field and goal.
        let found = DeliverableRules.check(Shipped.deliverable(Self.hqe), data: next).filter { $0.rule == "R003-21" }
        #expect(found.count == goals.count * HQEAnnualIteration.progressFields.count, "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.isError })
        // From the preliminary plan (no year): 2024.
        #expect(HQEAnnualIteration.next(from: Shipped.example(Self.hqe), config: Self.config)["year"] == .int(2024))
    }

    @Test func the2024ExampleIsCleanAndReachedByExampleURLs() {
        let found = DeliverableRules.check(Shipped.deliverable(Self.hqe), data: Self.example2024)
        #expect(found.isEmpty, "\(found.map(\.message))")
        let names = Shipped.deliverable(Self.hqe).exampleURLs.map(\.lastPathComponent)
        #expect(names == ["example.yaml", "example-2024.yaml"])
        #expect(Shipped.deliverable("pip-midyear-report").exampleURLs.map(\.lastPathComponent) == ["example.yaml"])
    }

    @Test func theSchemaListsTheTranslatableFields() throws {
        let schema = try DataLoader.load(path: Shipped.deliverable(Self.hqe).schemaURL.path).value
        #expect(Translations.fields(schema: schema) == [
            "plan.executiveSummary.aims", "plan.executiveSummary.healthEquityDefinition", "plan.executiveSummary.memberCommunityExperience",
        ])
        #expect(Translations.fields(schema: ["type": "object"]).isEmpty)
    }

    @Test func applyOverlaysTheLanguageAndNamesWhatFallsBack() throws {
        let data: JSONValue = [
            "plan": ["executiveSummary": ["aims": "By 2027", "healthEquityDefinition": "Fair"]],
            "translations": ["es": ["plan": ["executiveSummary": ["aims": "Para 2027"]]]],
        ]
        let fields = ["plan.executiveSummary.aims", "plan.executiveSummary.healthEquityDefinition", "plan.executiveSummary.memberCommunityExperience"]
        let r = Translations.apply(try #require(Translations.Language("es")), to: LoadedData(value: data, path: "plan.yaml"), fields: fields)
        #expect(r.data.value(atDotted: "plan.executiveSummary.aims") == "Para 2027")
        #expect(r.data.value(atDotted: "plan.executiveSummary.healthEquityDefinition") == "Fair")
        #expect(r.data["translations"] == nil)
        #expect(r.translated == ["plan.executiveSummary.aims"])
        // memberCommunityExperience is not in the English data either: nothing to warn about.
        #expect(r.diagnostics.map(\.instanceLocation) == ["/plan/executiveSummary/healthEquityDefinition"])
        #expect(r.diagnostics.allSatisfy { $0.severity == .warning && $0.rule == Translations.fallbackRule })
        // Without a schema, the fields any language translates.
        let free = Translations.apply(try #require(Translations.Language("pt")), to: LoadedData(value: data, path: "plan.yaml"), fields: nil)
        #expect(free.diagnostics.map(\.instanceLocation) == ["/plan/executiveSummary/aims"])
    }

    @Test func languageTags() {
        #expect(Translations.Language("es")?.wordTag == "es-US")
        #expect(Translations.Language("pt-BR")?.wordTag == "pt-BR")
        #expect(Translations.Language("pt-BR")?.primary == "pt")
        for bad in ["", "ES", "Spanish", "es-", "es-us", "e", "es-US-x"] { #expect(Translations.Language(bad) == nil, "\(bad)") }
    }
}
