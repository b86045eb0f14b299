import DocketCore
import DocketDOCX
import DocketForms
import DocketMarkdown
import DocketTestSupport
import Foundation
import Testing

/// pandoc docx→docx drops content controls and bookmarks: `extract` then finds the narrative
/// answers between the form's fixed text (`AnswerAlignment`), says so in a warning, and reads
/// their text back.
@Suite struct PandocAlignmentTests {
    /// Words only: the aligned text keeps paragraphs and words, not Markdown's marks.
    static func words(_ markdown: String) -> [String] {
        let plain = MarkdownDocument.parse(markdown).plainText
        return plain.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// The PIP report's narrative and the Strategic Plan's section answers are located; the IA
    /// report's narratives sit in repeated sections and tables, which alignment does not cover.
    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan"])
    func afterPandocNarrativesAreLocatedByTheFormsText(_ id: String) throws {
        let pandoc = try Tools.require("pandoc")
        let data = try Forms.example(id)
        let filled = try Forms.fill(id, data)
        let dir = TestPaths.temporaryDirectory("pandoc")
        let round = dir.appendingPathComponent(filled.lastPathComponent)  // the OnBase name tells the deliverable
        let r = try ProcessRunner.run(pandoc, [filled.path, "-f", "docx", "-t", "docx", "-o", round.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try DocxAnswers.read(docx: round).isEmpty, "pandoc kept tags or bookmarks?")
        let extraction = try FormExtractor.extract(docx: round, registry: Forms.registry)
        #expect(extraction.deliverable == id)
        #expect(!extraction.found.isEmpty && extraction.found.allSatisfy { $0.foundBy == .alignment }, "\(extraction.found.map(\.path))")
        #expect(extraction.diagnostics.contains { $0.rule == "extract.aligned" && $0.severity == .warning })
        for found in extraction.found {
            let want = try #require(data.value(atDotted: found.path)?.stringValue, "\(found.path) is not in the example")
            let got = extraction.data.value(atDotted: found.path)?.stringValue ?? ""
            #expect(Self.words(got) == Self.words(want), "\(id) \(found.path):\nwant \(want)\ngot  \(got)")
        }
    }

    /// Where the form's text does not pin an answer down, alignment gives none rather than a wrong one.
    @Test func whatAlignmentCannotPlaceIsLeftOutNotGuessed() throws {
        let pandoc = try Tools.require("pandoc")
        let id = "ia-midpoint-assessment"
        let data = try Forms.example(id)
        let filled = try Forms.fill(id, data)
        let round = TestPaths.temporaryDirectory("pandoc").appendingPathComponent(filled.lastPathComponent)
        #expect(try ProcessRunner.run(pandoc, [filled.path, "-f", "docx", "-t", "docx", "-o", round.path]).status == 0)
        let extraction = try FormExtractor.extract(docx: round, registry: Forms.registry, deliverable: id)
        for found in extraction.found {
            let want = data.value(atDotted: found.path)?.stringValue ?? ""
            #expect(Self.words(extraction.data.value(atDotted: found.path)?.stringValue ?? "") == Self.words(want), "\(found.path)")
        }
    }
}
