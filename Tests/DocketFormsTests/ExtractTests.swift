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

/// Files that are not a .docx, and how a blank form's missing answers are worded.
@Suite struct ExtractRefusalTests {
    @Test func aFileThatIsNotADocxIsRefusedWithWhatItIs() throws {
        let dir = TestPaths.temporaryDirectory("not-docx")
        let text = dir.appendingPathComponent("answers.docx")
        try Data("entity:\n  name: x\n".utf8).write(to: text)
        let doc = dir.appendingPathComponent("old.docx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: doc)
        for (url, kind, words) in [(text, PackageError.Kind.notAZip, "is not a .docx (a Word document)"), (doc, .legacyOrProtected, "Word 97–2003 .doc")] {
            #expect {
                _ = try FormExtractor.extract(docx: url, registry: Forms.registry)
            } throws: { error in
                guard let f = error as? FormExtractor.Failure else { return false }
                return f.kind == kind && f.status == .invalid && f.diagnostic.rule == "extract.not-docx" && f.diagnostic.message.contains(words)
            }
        }
        #expect {
            _ = try FormExtractor.extract(docx: dir.appendingPathComponent("none.docx"), registry: Forms.registry)
        } throws: { ($0 as? FormExtractor.Failure)?.status == .usage }
    }

    @Test func aBlankFormsRequiredAnswersAreMissingNotZeroCharactersLong() throws {
        let r = FormBuilder.build(try #require(Forms.registry.deliverable(id: "pip-midyear-report")), data: [:], date: "2023-09-29")
        let url = TestPaths.temporaryDirectory("blank-wording").appendingPathComponent(try #require(r.fileName))
        try #require(r.bytes).write(to: url)
        let messages = Forms.validate(url).errors.map(\.message)
        #expect(messages.contains("answer `midYearPlanning.response` is missing"), "\(messages)")
        #expect(!messages.contains { $0.contains("characters long") }, "\(messages)")
    }
}
