import DocketCore
import DocketDOCX
import DocketForms
import DocketTestSupport
import Foundation
import Testing

/// `docket extract`'s library: data → fill → extract is the identity on every answer region.
@Suite struct ExtractTests {
    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
    func filledExampleExtractsToItsData(_ id: String) throws {
        let data = try Forms.example(id)
        let url = try Forms.fill(id, data)
        let answers = try DocxAnswers.read(docx: url)
        let extraction = try FormExtractor.extract(docx: url, registry: Forms.registry)
        #expect(extraction.deliverable == id)
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics.map(\.message))")
        #expect(extraction.found.count > 5 && extraction.found.allSatisfy { $0.foundBy == .tag })
        let wrong = Forms.mismatches(original: data, extraction: extraction, answers: answers, schema: try Forms.schema(id))
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test func outputIsInSchemaOrderAndReadsBack() throws {
        var example = try Forms.example("pip-midyear-report")
        example.setValue(.string("2023-10-27"), atDotted: "review.date")  // printed “October 27, 2023”
        let url = try Forms.fill("pip-midyear-report", example)
        let extraction = try FormExtractor.extract(docx: url, registry: Forms.registry)
        let yaml = extraction.yaml
        let keys = yaml.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(keys == ["entity", "contacts", "midYearPlanning", "review"])
        let back = try DataLoader.load(data: Data(yaml.utf8), path: "x.yaml").value
        #expect(back == extraction.data)
        let json = try DataLoader.load(data: Data(extraction.json.utf8), path: "x.json").value
        #expect(json == extraction.data)
        #expect(extraction.data.value(at: "/review/date") == .string("2023-10-27"))  // written “October 27, 2023”
    }

    @Test func datesAsPeopleWriteThem() {
        let schema = FormSchema(root: ["properties": ["d": ["type": "string", "format": "date"], "n": ["type": "integer"], "b": ["type": "boolean"]]])
        func answer(_ path: String, _ text: String) -> DocxAnswer {
            DocxAnswer(kind: .text, path: path, text: text, checked: nil, isPlaceholder: false, location: SourceLocation(file: "f"))
        }
        for (text, iso) in [("10/27/2023", "2023-10-27"), ("October 27, 2023", "2023-10-27"), ("2023-10-27", "2023-10-27"), ("Oct 7, 2023", "2023-10-07")] {
            let e = FormExtractor.extract(answers: [answer("d", text)], schema: schema, deliverable: "x")
            #expect(e.data["d"] == .string(iso), "\(text)")
        }
        let e = FormExtractor.extract(answers: [answer("n", "1,200"), answer("b", "Yes"), answer("d", "soon")], schema: schema, deliverable: "x")
        #expect(e.data["n"] == .int(1200) && e.data["b"] == .bool(true) && e.data["d"] == .string("soon"))
        #expect(e.diagnostics.map(\.rule) == ["extract.value"])
    }
}
