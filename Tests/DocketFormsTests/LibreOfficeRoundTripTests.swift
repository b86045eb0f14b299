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
