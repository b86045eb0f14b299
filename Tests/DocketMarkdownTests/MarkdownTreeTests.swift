import Foundation
import Testing
@testable import DocketMarkdown

@Suite struct MarkdownTreeTests {
    @Test func blocksAndInlinesBecomeSwiftValues() {
        let doc = MarkdownDocument.parse("""
            # Title

            Some **bold**, *italic*, ~~gone~~ and [a link](https://mass.gov "t").

            1. one
            2. two

            - [x] done
            - [ ] open

            | A | B |
            |:--|--:|
            | 1 | 2 |
            """)
        #expect(doc.blocks.count == 5)
        #expect(doc.blocks[0] == .heading(level: 1, [.text("Title")]))
        guard case .paragraph(let inl) = doc.blocks[1] else { Issue.record("paragraph expected"); return }
        #expect(inl.contains(.strong([.text("bold")])))
        #expect(inl.contains(.emphasis([.text("italic")])))
        #expect(inl.contains(.strikethrough([.text("gone")])))
        #expect(inl.contains(.link(destination: "https://mass.gov", title: "t", [.text("a link")])))
        guard case .list(let ordered, let start, _, let items) = doc.blocks[2] else { Issue.record("list expected"); return }
        #expect(ordered && start == 1 && items.count == 2)
        guard case .list(_, _, _, let tasks) = doc.blocks[3] else { Issue.record("task list expected"); return }
        #expect(tasks.map(\.checked) == [true, false])
        #expect(doc.blocks[4] == .table(alignments: [.left, .right], header: [[.text("A")], [.text("B")]], rows: [[[.text("1")], [.text("2")]]]))
    }

    @Test func htmlRendersGFMAndDropsRawHTML() {
        let html = MarkdownHTML.body("| a |\n|---|\n| ~~x~~ |\n\n<script>alert(1)</script>\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>x</del>"))
        #expect(!html.contains("<script>"))
    }

    @Test func parsingFromManyThreadsAtOnceKeepsExtensions() {
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 256) { _ in
            let doc = MarkdownDocument.parse("~~strike~~ and | a |\n")
            if case .paragraph(let inl) = doc.blocks.first, inl.first == .strikethrough([.text("strike")]) { return }
            failures.add()
        }
        #expect(failures.value == 0)
    }

    @Test func plainTextForWordCounts() {
        #expect(MarkdownDocument.parse("**Two** words\n\n- and three more").plainText == "Two words\nand three more")
    }
}

final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
