import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// The shipped IA example is the CCP report of the seed: filling it must reproduce that report's
/// headings (in order), Summary of Findings, finding sentences and recommendation lists.
@Suite struct IAReproductionTests {
    static let seedName = "ia-midpoint-assessment-community-care-partners.txt"
    let seed = Shipped.seed(Self.seedName)
    let filled: MarkdownReader = {
        let r = Shipped.markdown("ia-midpoint-assessment")
        precondition(!r.hasErrors, "\(r.diagnostics)")
        return MarkdownReader(r.output)
    }()

    /// Seed lines that are headings, in document order (R002-01, R002-06, R002-19), including the
    /// Results sub-headings of each focus area.
    static let headingLines = [
        1, 24, 31, 68, 74, 81, 102,
        104, 105, 115, 117, 120, 122, 126,
        154, 155, 170, 172, 179, 183, 188,
        222, 223, 232, 234, 241, 244,
        280, 281, 292, 294, 297, 300, 303,
        319, 320, 335, 337, 342, 346, 351, 355, 360,
        393, 407, 413, 422, 458, 462, 463, 468, 647, 650,
    ]

    @Test func headingsAreTheSeedHeadingsInOrder() {
        let expected = Self.headingLines.map { Shipped.seedLine(seed, $0) }
        // Docket adds the document title and Appendix I (the logic model as text, which the seed
        // has only as OCR of an image, R002-01): leave those out, the rest must be identical.
        var got = Array(filled.headings.dropFirst())
        if let a = got.firstIndex(where: { $0.hasPrefix("Appendix I:") }),
           let b = got.firstIndex(where: { $0.hasPrefix("Appendix II:") }) {
            got.removeSubrange(a..<b)
        }
        #expect(got == expected)
        #expect(filled.headings.first == "DSRIP Midpoint Assessment: Community Care Partners, LLC")
    }

    @Test func summaryOfFindingsMatchesTheSeedTable() {
        let section = filled.section("Summary of Findings")
        let rows = MarkdownReader.tableRows(section)
        let expected = stride(from: 86, through: 98, by: 3).map { [Shipped.seedLine(seed, $0), Shipped.seedLine(seed, $0 + 1)] }
        #expect(rows == expected)
        #expect(section.contains(Shipped.seedLine(seed, 82)))
    }

    @Test func findingSentencesMatchTheSeed() {
        let sentences = filled.lines.filter { $0.hasPrefix("The IA finds that CCP ") && $0.hasSuffix("focus area.") }
        // l.336 reads "CCP has an On track with limited recommendations" (R002-07 grammar variant):
        // the report's own wording is printed as written (focusAreas[].findingSentence), not corrected.
        let expected = [116, 171, 233, 293, 336].map { Shipped.seedLine(seed, $0) }
        #expect(sentences == expected)
    }

    @Test func recommendationListsMatchTheSeed() {
        var perArea: [[String]] = []
        var start = 0
        while let i = filled.lines[start...].firstIndex(where: { $0 == "### Recommendations" }) {
            let end = filled.lines[(i + 1)...].firstIndex { $0.hasPrefix("Promising practices") } ?? filled.lines.count
            perArea.append(MarkdownReader.items(filled.lines[(i + 1)..<end]))
            start = i + 1
        }
        let expected: [[Int]] = [[128], [], [], [305, 306, 307], [362]]
        #expect(perArea == expected.map { $0.map { Shipped.seedLine(seed, $0) } })
        #expect(filled.lines.contains(Shipped.seedLine(seed, 189)))
        #expect(filled.lines.contains(Shipped.seedLine(seed, 245)))
    }

    @Test func overallFindingsMatchTheSeed() {
        let section = filled.section("Overall Findings and Recommendations")
        let text = Array(section)
        #expect(text.contains(Shipped.seedLine(seed, 394)))
        #expect(text.contains(Shipped.seedLine(seed, 397)))
        #expect(text.contains(Shipped.seedLine(seed, 406)))
        let items = MarkdownReader.items(section)
        let expected = [395, 396, 399, 401, 402, 403, 405].map { Shipped.seedLine(seed, $0) }
        #expect(items == expected)
        let areaLabels = text.filter { $0.hasPrefix("**") }.map { $0.replacingOccurrences(of: "**", with: "") }
        #expect(areaLabels == [398, 400, 404].map { Shipped.seedLine(seed, $0) })
    }

    @Test func everyPromisingPracticeAndOnTrackItemAppears() {
        let ranges = [107...114, 130...153, 157...169, 191...221, 225...231, 247...279, 283...291, 309...318, 322...334, 364...392]
        let items = Set(filled.lines.compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.hasPrefix("- ") ? MarkdownReader.withoutFootnoteReferences(MarkdownReader.unescape(String(t.dropFirst(2)))) : nil
        })
        var missing: [String] = []
        for range in ranges {
            for n in range {
                let s = Shipped.seedLine(seed, n)
                if !s.isEmpty && !items.contains(s) { missing.append("l.\(n): \(s)") }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// The seed's twelve footnotes (2–13; the seed README calls their markers extraction
    /// artefacts) are GFM footnotes of the filled report, in the seed's order, with the seed's text,
    /// each referenced in the line that cites it in the seed.
    @Test func footnotesAreTheSeedFootnotes() {
        let expected = Shipped.seedFootnotes(seed)
        #expect(expected.map(\.number) == Array(2...13))
        let (definitions, order) = filled.footnotes
        #expect(order.count == 12, "\(order)")
        #expect(order.compactMap { definitions[$0]?.foldedWhitespace } == expected.map(\.text))
        for (label, note) in zip(order, expected) {
            // the words before the seed's marker stand before the reference in the filled report
            let raw = seed[note.line - 1]
            let marker = raw.range(of: "[footnoteRef:\(note.number)]")!
            let before = Shipped.seedLine([String(raw[..<marker.lowerBound])], 1)
            let cue = String(before.suffix(24))
            let line = filled.lines.first { MarkdownReader.unescape($0).contains(cue + "[^\(label)]") }
            #expect(line != nil, "footnote \(note.number) ([^\(label)]) not after “\(cue)”")
        }
    }
}
