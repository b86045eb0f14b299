import DocketCore
import DocketDOCX
import DocketMarkdown
import DocketTestSupport
import Foundation
import Testing

/// The sources' footnotes are real footnotes (Word, GFM Markdown, HTML), referenced where the
/// source cites them; the IA report has a table of contents; small layout and marking fixes.
@Suite struct FootnoteTOCTests {
    static let iaSeed = Shipped.seed(IAReproductionTests.seedName)

    static func docx(_ id: String, data: JSONValue? = nil) throws -> URL {
        let d = Shipped.deliverable(id)
        let template = try DocxTemplate.load(d.docxFolderURL)
        let (bytes, diagnostics) = template.fill(data: d.enrich(data ?? Shipped.example(id), date: Shipped.date))
        let data = try #require(bytes, "\(diagnostics.map(\.message))")
        let url = TestPaths.temporaryDirectory("footnotes").appendingPathComponent("\(id).docx")
        try data.write(to: url)
        return url
    }

    /// In document order: each footnote reference's paragraph text (up to the reference) and the
    /// note's text, read from the package with python's zipfile + ElementTree; and the style ids.
    static let readNotes = """
        import sys, json, zipfile, xml.etree.ElementTree as ET
        W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
        z = zipfile.ZipFile(sys.argv[1])
        notes = {}
        root = ET.fromstring(z.read('word/footnotes.xml'))
        kinds = [n.get(W + 'type') for n in root.findall(W + 'footnote')]
        for n in root.findall(W + 'footnote'):
            if n.get(W + 'type') is None:
                notes[n.get(W + 'id')] = ''.join(t.text or '' for t in n.iter(W + 't')).strip()
        refs = []
        for p in ET.fromstring(z.read('word/document.xml')).iter(W + 'p'):
            text = ''
            for e in p.iter():
                if e.tag == W + 't': text += e.text or ''
                if e.tag == W + 'footnoteReference':
                    refs.append({'before': text, 'note': notes.get(e.get(W + 'id')), 'id': e.get(W + 'id')})
        runs = [r for r in ET.fromstring(z.read('word/document.xml')).iter(W + 'r') if r.find(W + 'footnoteReference') is not None]
        styled = all(r.find(W + 'rPr/' + W + 'rStyle') is not None and r.find(W + 'rPr/' + W + 'rStyle').get(W + 'val') == 'FootnoteReference' for r in runs)
        types = z.read('[Content_Types].xml').decode()
        rels = z.read('word/_rels/document.xml.rels').decode()
        styles = z.read('word/styles.xml').decode()
        print(json.dumps({'kinds': kinds, 'refs': refs, 'styled': styled, 'notes': len(notes),
                          'override': '/word/footnotes.xml' in types, 'rel': 'footnotes.xml' in rels,
                          'styles': all(('w:styleId="%s"' % s) in styles for s in ['FootnoteText', 'FootnoteReference'])}))
        """

    struct Notes: Decodable {
        struct Ref: Decodable { var before: String; var note: String?; var id: String }
        var kinds: [String?]; var refs: [Ref]; var styled: Bool; var notes: Int; var override: Bool; var rel: Bool; var styles: Bool
    }

    static func notes(_ url: URL) throws -> Notes {
        let r = try Readers.runPython(readNotes, [url.path])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Notes.self, from: Data(r.stdout.utf8))
    }

    @Test func iaFootnotesAreWordFootnotesWhereTheSeedCitesThem() throws {
        let n = try Self.notes(try Self.docx("ia-midpoint-assessment"))
        let seed = Shipped.seedFootnotes(Self.iaSeed)
        #expect(n.kinds.prefix(2) == ["separator", "continuationSeparator"])
        #expect(n.notes == 12 && n.refs.count == 12)
        #expect(n.override && n.rel && n.styles && n.styled)
        #expect(n.refs.map { ($0.note ?? "").foldedWhitespace } == seed.map(\.text))
        for (ref, note) in zip(n.refs, seed) {
            let raw = Self.iaSeed[note.line - 1]
            let marker = try #require(raw.range(of: "[footnoteRef:\(note.number)]"))
            let cue = String(Shipped.seedLine([String(raw[..<marker.lowerBound])], 1).suffix(24))
            #expect(ref.before.foldedWhitespace.hasSuffix(cue), "footnote \(note.number): “\(ref.before.suffix(60))” should end “\(cue)”")
        }
    }

    @Test func hqeSmartieNoteIsAFootnoteOfTheGoalsParagraph() throws {
        let n = try Self.notes(try Self.docx("hqe-strategic-plan"))
        #expect(n.refs.count == 1 && n.notes == 1)
        let ref = try #require(n.refs.first)
        #expect(ref.before.hasSuffix("Provide 3-5 preliminary health equity strategic goals"))
        #expect(ref.note?.hasPrefix("Goals should be Specific, Measurable, Achievable, Relevant, Time bound, Inclusive, and Equitable (SMARTIE).") == true)
        let md = Shipped.markdown("hqe-strategic-plan").output
        #expect(!md.contains("*Goals should be Specific"), "the note is no longer an italic paragraph")
        #expect(MarkdownDocument.parse(md).footnotes.count == 1)
    }

    /// LibreOffice lays the notes out as footnotes: numbered 1…12, each at the foot of the page
    /// that cites it (after that page's body text), and the contents list shows the headings.
    @Test func libreOfficeShowsFootnotesAndTheContents() throws {
        _ = try Tools.require("pdftotext")
        let pdf = try Readers.libreOfficeConvert(try Self.docx("ia-midpoint-assessment"), to: "pdf")
        let r = try ProcessRunner.run(try Tools.require("pdftotext"), ["-layout", pdf.path, "-"])
        let pages = r.stdout.components(separatedBy: "\u{0C}")
        let seed = Shipped.seedFootnotes(Self.iaSeed)
        for (k, note) in seed.enumerated() {
            let start = String(note.text.prefix(30))
            // LibreOffice sets the note's number (superscript) on the line above its text
            func noteLine(_ lines: [String]) -> Int? {
                lines.indices.dropLast().first { lines[$0] == "\(k + 1)" && lines[$0 + 1].hasPrefix(start) }
            }
            let page = pages.firstIndex { p in
                noteLine(p.components(separatedBy: "\n").map(\.foldedWhitespace).filter { !$0.isEmpty }) != nil
            }
            #expect(page != nil, "footnote \(k + 1) “\(start)” is not a numbered note")
            if let page {
                // the note's text comes after the page's body text (its foot)
                let lines = pages[page].components(separatedBy: "\n").map(\.foldedWhitespace).filter { !$0.isEmpty }
                let at = noteLine(lines)!
                #expect(at > lines.count / 2, "footnote \(k + 1) is not at the foot of page \(page + 1)")
            }
        }
        let first = try #require(pages.firstIndex { $0.contains("Added by Docket (not part of the source report): this table of contents.") })
        let contents = pages[first...].prefix(2).joined()
        for entry in ["List of Sources for Infographic", "INTRODUCTION", "Summary of Findings", "Overall Findings and Recommendations",
                      "Appendix II: Methodology", "APPENDIX IV: CP COMMENT"] {
            #expect(contents.contains(entry), "contents lack “\(entry)”")
        }
    }

    @Test func tocFieldIsWordsTableOfContents() throws {
        let url = try Self.docx("ia-midpoint-assessment")
        let code = """
            import sys, zipfile
            import xml.etree.ElementTree as ET
            z = zipfile.ZipFile(sys.argv[1]); d = z.read('word/document.xml').decode(); s = z.read('word/settings.xml').decode()
            W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
            print('gallery' if 'w:docPartGallery w:val="Table of Contents"' in d else '')
            instr = [t.text.strip() for t in ET.fromstring(d).iter(W + 'instrText')]
            print('field' if 'TOC \\\\o "1-3" \\\\h \\\\z \\\\u' in instr else repr(instr))
            print(d.count('w:pStyle w:val="TOC1"'), d.count('w:anchor="_Toc_dk'))
            print('update' if '<w:updateFields w:val="true"/>' in s else '')
            """
        let r = try Readers.runPython(code, [url.path])
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.prefix(2) == ["gallery", "field"], "\(r.stdout) \(r.stderr)")
        let counts = lines[2].split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 2 && counts[0] >= 10 && counts[1] > counts[0])
        #expect(lines[3] == "update")
    }

    /// pandoc reads the DOCX notes and the Markdown notes as notes.
    @Test func pandocReadsTheNotes() throws {
        let md = try Readers.pandocText(try Self.docx("ia-midpoint-assessment"), to: "markdown")
        #expect(md.contains("[^1]") && md.contains("[^12]") && !md.contains("[^13]"))
        let pandoc = try Tools.require("pandoc")
        let filled = TestPaths.temporaryDirectory("footnotes").appendingPathComponent("ia.md")
        try Shipped.markdown("ia-midpoint-assessment").output.write(to: filled, atomically: true, encoding: .utf8)
        let r = try ProcessRunner.run(pandoc, ["-f", "gfm", "-t", "markdown", "--wrap=none", filled.path])
        #expect(r.stdout.contains("[^12]") && !r.stdout.contains("[^13]"), "\(r.stderr)")
    }

    @Test func htmlRendersGFMFootnotes() {
        let html = MarkdownHTML.body(Shipped.markdown("ia-midpoint-assessment").output)
        #expect(html.contains("<section class=\"footnotes\""))
        #expect(html.components(separatedBy: "<li id=\"fn-").count - 1 == 12)
    }

    /// A footnote in a Markdown answer reads back as a GFM footnote (fill → extract).
    @Test func markdownAnswerFootnotesReadBack() throws {
        let answers = try DocxAnswers.read(docx: try Self.docx("ia-midpoint-assessment"))
        let results = try #require(answers.map(\.markdown).first { $0.contains("Qualifying Activity[^") })
        let doc = MarkdownDocument.parse(results)
        #expect(doc.footnotes.count == 1)
        #expect(doc.footnotes.first.map { MarkdownDocument(blocks: $0).plainText }?.hasPrefix("Qualifying Activities are activities") == true)
    }

    @Test func hqeSwotHeaderRowIsMarkedAsDocketsAddition() {
        let lines = Shipped.markdown("hqe-strategic-plan").output.components(separatedBy: "\n")
        let headers = lines.indices.filter { lines[$0].hasPrefix("| Strengths | Weaknesses |") }
        #expect(!headers.isEmpty)
        for i in headers { #expect(lines[i - 2] == "*Added by Docket: the header row of this table.*", "\(lines[i - 2])") }
    }

    /// The PIP review outcome keeps with the rubric: every rubric row keeps with what follows.
    @Test func pipReviewOutcomeKeepsWithTheRubric() throws {
        let xml = try String(contentsOf: Shipped.deliverable("pip-midyear-report").docxFolderURL.appendingPathComponent("word/document.xml"), encoding: .utf8)
        let rubric = try #require(xml.range(of: "<w:t xml:space=\"preserve\">Rubric</w:t>"))
        let outcome = try #require(xml.range(of: "Review outcome:"))
        let table = xml[rubric.upperBound..<outcome.lowerBound]
        let cells = table.components(separatedBy: "<w:pStyle w:val=\"TableText\"/>").dropFirst()
        #expect(cells.count >= 8)
        #expect(cells.allSatisfy { $0.hasPrefix("<w:keepNext/>") })
        // LibreOffice: the outcome shares its page with the rubric's last comments.
        let pdf = try Readers.libreOfficeConvert(try Self.docx("pip-midyear-report"), to: "pdf")
        let r = try ProcessRunner.run(try Tools.require("pdftotext"), [pdf.path, "-"])
        let page = try #require(r.stdout.components(separatedBy: "\u{0C}").first { $0.contains("Review outcome:") })
        #expect(page.foldedWhitespace.contains("health equity goals informed measure selection"), "\(page)")
    }
}
