import DocketCore
import DocketDeliverables
import DocketSchema
import DocketTestSupport
import Foundation
import Testing

/// The shipped deliverable schemas (`Schemas/<id>.schema.json`) on the shipped examples and on the
/// defects of issue 13: section page counts, formats, blank answers, human messages, rule ids.
@Suite struct ShippedSchemaTests {
    static let pip = "pip-midyear-report"
    static let hqe = "hqe-strategic-plan"
    static let ia = "ia-midpoint-assessment"
    static let ids = [pip, hqe, ia]

    /// Validates `data` with the deliverable's shipped schema and default options (as `docket
    /// validate` without `--format-assert`).
    static func validate(_ id: String, _ data: JSONValue) throws -> DataValidationReport {
        try SchemaCatalog().validate(LoadedData(value: data, path: "\(id).yaml"), schemaAt: Shipped.deliverable(id).schemaURL)
    }

    static func validate(_ id: String, _ changes: [(String, JSONValue)]) throws -> DataValidationReport {
        var data = Shipped.example(id)
        for (pointer, value) in changes { data = RuleData.setting(data, pointer, value) }
        return try validate(id, data)
    }

    static func words(_ n: Int) -> JSONValue { .string(Array(repeating: "word", count: n).joined(separator: " ")) }

    @Test(arguments: ids) func examplesAreValid(_ id: String) throws {
        let report = try Self.validate(id, Shipped.example(id))
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
    }

    /// Issue 13: "Suggested Page Count" of Sections 3.A–E (R003-13, -15, -16, -17, -18) fire on
    /// the section objects and the goals list.
    @Test func hqeSectionPageCountsWarn() throws {
        let long = try Self.validate(Self.hqe, [
            ("/plan/executiveSummary/aims", Self.words(800)), ("/plan/executiveSummary/healthEquityDefinition", Self.words(800)),
        ])
        let warning = try #require(long.warnings.first { $0.instanceLocation == "/plan/executiveSummary" })
        #expect(warning.rule == "R003-13")
        #expect(warning.message.contains("suggested 1–2 pages"), "\(warning.message)")
        #expect(long.valid)
        // Within the suggested range: no warning for that section.
        let fitting = try Self.validate(Self.hqe, [("/plan/executiveSummary/aims", Self.words(700))])
        #expect(!fitting.warnings.contains { $0.instanceLocation == "/plan/executiveSummary" }, "\(fitting.warnings.map(\.message))")
        // The shipped example is short: every section of Section 3 is under its suggested count.
        let example = try Self.validate(Self.hqe, Shipped.example(Self.hqe))
        #expect(Set(example.warnings.map(\.rule)) == ["R003-13", "R003-15", "R003-16", "R003-17", "R003-18"],
                "\(example.warnings.map { "\($0.rule) \($0.message)" })")
    }

    /// Issue 13: emails and dates of deliverables are checked without `--format-assert`.
    @Test func formatsAreAssertionsInDeliverables() throws {
        let hqe = try Self.validate(Self.hqe, [("/preparers/0/email", "not-an-email")])
        #expect(!hqe.valid)
        #expect(hqe.errors.map(\.instanceLocation) == ["/preparers/0/email"])
        #expect(hqe.errors.first?.rule == "R003-08")
        let pip = try Self.validate(Self.pip, [("/review/date", "2023-02-30"), ("/contacts/clinicalLead/email", "not-an-email")])
        #expect(Set(pip.errors.map(\.instanceLocation)) == ["/review/date", "/contacts/clinicalLead/email"], "\(pip.errors.map(\.message))")
        let ia = try Self.validate(Self.ia, [("/background/enrollment/snapshotDate", "2019-02-30")])
        #expect(ia.errors.map(\.rule) == ["schema.format"])
        #expect(pip.errors.first { $0.instanceLocation == "/review/date" }?.message
                == #""2023-02-30" is not a valid date: write a calendar date as YYYY-MM-DD, e.g. 2023-09-30"#)
        #expect(try Self.validate(Self.pip, [("/review/date", "2024-02-29")]).valid)
        // What a filled .docx gives back: the date as printed, a blank contact email.
        #expect(try Self.validate(Self.pip, [("/review/date", "October 27, 2023"), ("/contacts/clinicalLead/email", "")]).valid)
        let printed = try Self.validate(Self.pip, [("/review/date", "Oct 27")])
        #expect(printed.errors.map(\.message) == [#""Oct 27" is not accepted here: a date written YYYY-MM-DD, e.g. 2023-10-27"#])
    }

    /// Issue 13: answers of only spaces are not answers.
    @Test(arguments: [
        (pip, "/midYearPlanning/response", "R000-10"),
        (hqe, "/commitment/teamComposition", "R003-10"),
        (hqe, "/commitment/executiveLeads/description", "R003-11"),
        (hqe, "/commitment/hqecIncorporation", "R003-12"),
        (hqe, "/plan/introduction/visionMission", "R003-15"),
        (ia, "/focusAreas/0/results", "R002-06"),
    ])
    func blankAnswersAreErrors(_ id: String, _ pointer: String, _ rule: String) throws {
        let report = try Self.validate(id, [(pointer, "   \n  ")])
        #expect(!report.valid)
        let error = try #require(report.errors.first { $0.instanceLocation == pointer }, "\(report.errors.map(\.message))")
        #expect(error.rule == rule)
        #expect(error.message.hasSuffix("is not accepted here: write an answer: spaces alone are not an answer"), "\(error.message)")
        // An empty answer is still one error (minLength), not two.
        #expect(try Self.validate(id, [(pointer, "")]).errors.filter { $0.instanceLocation == pointer }.count == 1)
    }

    /// Issue 13: a bad abbreviation says what is allowed, with the deliverable's own rule id.
    @Test(arguments: [(pip, "R000-05", "MBRH"), (hqe, "R003-06", "PVHPP"), (ia, "schema.pattern", "CCP")])
    func abbreviationPatternIsDescribed(_ id: String, _ rule: String, _ sample: String) throws {
        let report = try Self.validate(id, [("/entity/abbreviation", "MB-RH")])
        let error = try #require(report.errors.first)
        #expect(error.rule == rule)
        #expect(error.message == #""MB-RH" is not accepted here: letters and digits only (no spaces, dashes or dots), e.g. "# + sample)
    }

    /// Issue 13: an empty Introduction (3.B) cites R003-15, not R003-14 (publication of 3.A).
    @Test func emptyIntroductionCitesR00315() throws {
        let report = try Self.validate(Self.hqe, [("/plan/introduction", [:])])
        #expect(!report.errors.isEmpty)
        #expect(report.errors.allSatisfy { $0.rule == "R003-15" }, "\(report.errors.map(\.rule))")
    }

    /// Every `x-docket-rule` of a shipped schema is a seed-rules id of that deliverable's seed.
    @Test(arguments: [(pip, "R000-"), (hqe, "R003-"), (ia, "R002-")])
    func schemaRuleIdsBelongToTheirSeed(_ id: String, _ prefix: String) throws {
        let text = try String(contentsOf: TestPaths.shared.appendingPathComponent("reference/seed-rules.md"), encoding: .utf8)
        let known = Set(text.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            return cells.count > 2 ? cells[1].trimmingCharacters(in: .whitespaces) : nil
        })
        var found: [String] = []
        func walk(_ v: JSONValue) {
            switch v {
            case .object(let o):
                if let r = o["x-docket-rule"]?.stringValue { found.append(r) }
                o.values.forEach(walk)
            case .array(let a): a.forEach(walk)
            default: break
            }
        }
        walk(try DataLoader.load(path: Shipped.deliverable(id).schemaURL.path).value)
        #expect(!found.isEmpty)
        for rule in found {
            #expect(rule.hasPrefix(prefix) && known.contains(rule), "\(id): x-docket-rule \(rule)")
        }
    }

    /// Issue 13: the form's own "Yes" for a Yes/No answer, and a mistyped field name.
    @Test func humanMessagesOnDeliverableData() throws {
        let report = try Self.validate(Self.hqe, [("/commitment/publicStatement/exists", "Yes"), ("/entity/adress", "1 Main St")])
        let messages = Dictionary(report.errors.map { ($0.instanceLocation ?? "", $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(messages["/commitment/publicStatement/exists"] == #""Yes" is not true or false: write true or false (Yes → true)"#)
        #expect(messages["/entity/adress"]?.hasPrefix("unknown field 'adress' in entity") == true, "\(messages)")
        #expect(report.errors.first { $0.instanceLocation == "/entity/adress" }?.rule == "schema.additionalProperties")
    }
}
