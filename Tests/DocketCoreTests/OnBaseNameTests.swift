import DocketCore
import Foundation
import Testing

/// One home for OnBase naming: both spellings, the rendered name, the regex, the example.
@Suite struct OnBaseNameTests {
    static let yaml = OnBaseName(pattern: "{{entity.abbreviation}}_PIPMidYearReport_{{mmddyyyy(docket.date)}}")
    static let schedule = OnBaseName(pattern: "<ABBR>_PIPMidYearReport_<MMDDYYYY>")

    @Test func bothSpellingsAreTheSamePattern() {
        #expect(Self.yaml == Self.schedule)
        #expect(Self.yaml.segments == [.field("entity.abbreviation"), .literal("_PIPMidYearReport_"), .date("docket.date")])
    }

    @Test func regexIsR00005sExpression() {
        #expect(Self.yaml.regex == #"^[A-Za-z0-9]+_PIPMidYearReport_(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{4}$"#)
        #expect("MBRH_PIPMidYearReport_09292023".range(of: Self.yaml.regex, options: .regularExpression) != nil)
        #expect("MBRH_PIPMidYearReport_13292023".range(of: Self.yaml.regex, options: .regularExpression) == nil)
    }

    @Test func rendersFromDataMarkingWhatIsMissing() {
        let data: JSONValue = ["entity": ["abbreviation": "MBRH"]]
        #expect(Self.yaml.render(data: data, date: "2023-09-29") == "MBRH_PIPMidYearReport_09292023")
        #expect(Self.yaml.render(data: [:], date: "2023-09-29") == "MISSING-entity.abbreviation_PIPMidYearReport_09292023")
        #expect(OnBaseName(pattern: "{{entity.abbreviation}}/x").render(data: data, date: "2023-09-29") == "MBRH-x")
    }

    @Test func calendarKeepsPlaceholdersItIsNotGiven() {
        #expect(Self.schedule.render(abbreviation: nil, date: LocalDate("2023-09-30")) == "<ABBR>_PIPMidYearReport_09302023")
        #expect(Self.schedule.render(abbreviation: "BACO", date: nil) == "BACO_PIPMidYearReport_<MMDDYYYY>")
        #expect(Self.yaml.example(abbreviation: nil) == "ABBR_PIPMidYearReport_MMDDYYYY")
    }

    @Test func trailingDateReadsMMDDYYYY() {
        #expect(OnBaseName.trailingDate("MBRH_PIPMidYearReport_10022023") == LocalDate("2023-10-02"))
        #expect(OnBaseName.trailingDate("MBRH_PIPMidYearReport_02302023") == nil)
        #expect(OnBaseName.trailingDate("plan") == nil)
    }
}
