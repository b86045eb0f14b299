import DocketCore
import DocketDOCX
import DocketForms
import DocketTestSupport
import Foundation
import Testing

/// The real client that drops content-control tags: LibreOffice 7.4 saving a .docx keeps the
/// `w:sdt` but not its `w:tag`, and keeps bookmarks. Answers come back by their bookmarks.
@Suite struct LibreOfficeRoundTripTests {
    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
    func savedByLibreOfficeExtractsAndValidates(_ id: String) throws {
        _ = try Tools.require("soffice")
        let data = try Forms.example(id)
        let filled = try Forms.fill(id, data)
        let saved = try Readers.libreOfficeConvert(filled, to: "docx")
        let answers = try DocxAnswers.read(docx: saved)
        #expect(!answers.isEmpty && answers.allSatisfy { $0.foundBy == .bookmark }, "LibreOffice kept the tags?")
        let before = try FormExtractor.extract(docx: filled, registry: Forms.registry)
        let after = try FormExtractor.extract(docx: saved, registry: Forms.registry)
        #expect(after.deliverable == id)
        #expect(Set(after.found.map(\.path)) == Set(before.found.map(\.path)))
        // LibreOffice flattens character formatting inside content controls: rich text is compared by its text.
        let wrong = Forms.mismatches(original: data, extraction: after, answers: answers, schema: try Forms.schema(id), plainMarkdown: true)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        let report = Forms.validate(saved)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.warnings.map(\.message) == Forms.validate(filled).warnings.map(\.message))
    }
}

/// A *form* pre-filled from data (`docket form --data`) and saved by LibreOffice 7.4: every answer,
/// inline ones included, comes back by its bookmark (inline answers are rich-text controls, which
/// LibreOffice keeps as text; it turns plain-text controls into fields and empties their bookmarks).
@Suite struct PrefilledFormAfterLibreOfficeTests {
    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
    func prefilledFormSavedByLibreOfficeExtractsTheSameData(_ id: String) throws {
        _ = try Tools.require("soffice")
        let data = try Forms.example(id)
        let r = FormBuilder.build(try #require(Forms.registry.deliverable(id: id)), data: data, date: "2023-09-29")
        let form = TestPaths.temporaryDirectory("form").appendingPathComponent(try #require(r.fileName))
        try #require(r.bytes).write(to: form)
        let saved = try Readers.libreOfficeConvert(form, to: "docx")
        let before = try FormExtractor.extract(docx: form, registry: Forms.registry)
        let after = try FormExtractor.extract(docx: saved, registry: Forms.registry)
        #expect(after.deliverable == id)
        let lost = Set(before.found.map(\.path)).subtracting(after.found.map(\.path))
        #expect(lost.isEmpty, "answers lost after LibreOffice: \(lost.sorted())")
        let answers = try DocxAnswers.read(docx: saved)
        let wrong = Forms.mismatches(original: data, extraction: after, answers: answers, schema: try Forms.schema(id), plainMarkdown: true)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }
}

/// A person edits a LibreOffice-saved report with another tool (python-docx rewrites text nodes):
/// extract shows the change; a required answer emptied is named by validate, at its place.
@Suite struct EditedAfterLibreOfficeTests {
    static let edit = """
        import sys, docx
        from docx.oxml.ns import qn
        d = docx.Document(sys.argv[1])
        for t in d.element.body.iter(qn('w:t')):
            if t.text == 'Dr. Samuel Okafor': t.text = 'Dr. Ada Lovelace'
            if t.text == 'Merrimack Bay Regional Hospital': t.text = ''
        d.save(sys.argv[2])
        """

    @Test func editedAnswerReadsBackAndEmptiedOneIsNamed() throws {
        _ = try Tools.require("soffice")
        let saved = try Readers.libreOfficeConvert(try Forms.fill("pip-midyear-report", try Forms.example("pip-midyear-report")), to: "docx")
        let edited = TestPaths.temporaryDirectory("edited").appendingPathComponent(saved.lastPathComponent)
        let r = try Readers.runPython(Self.edit, [saved.path, edited.path])
        #expect(r.status == 0, "\(r.stderr)")
        let extraction = try FormExtractor.extract(docx: edited, registry: Forms.registry)
        #expect(extraction.data.value(at: "/contacts/clinicalLead/name") == .string("Dr. Ada Lovelace"))
        #expect(extraction.found.first { $0.path == "contacts.clinicalLead.name" }?.foundBy == .bookmark)
        #expect(extraction.data.value(at: "/entity/name") == nil)
        let report = Forms.validate(edited)
        let named = try #require(report.errors.first { $0.instanceLocation == "/entity/name" }, "\(report.errors.map(\.message))")
        #expect(named.location?.place?.contains("table 1, row 2") == true, "\(String(describing: named.location))")
    }
}
