import Testing
@testable import DocketTracker

@Suite struct BoardTests {
    func board(today: String) throws -> (Tracker, Board) {
        let t = try syncedPartners()
        for s in [InstanceStatus.filled, .validated, .uploaded] { try t.setStatus("BACO/pip.aco.pip1.midyear-planning", to: s) }
        let later = try reopen(t, today: today)
        return (later, Board(instances: try later.instances(), today: today))
    }

    @Test func overdueFirstThenByStatusAndDate() throws {
        let (_, b) = try board(today: "2023-10-05")
        let first = try #require(b.rows.first)
        // Both PY1 mid-year reports are past 2023-09-30; the uploaded one is still with the entity.
        #expect(b.overdue.map(\.instance.key) == ["BHOS/pip.hospital.pip1.midyear-planning", "BACO/pip.aco.pip1.midyear-planning"]
                || b.overdue.map(\.instance.key) == ["BACO/pip.aco.pip1.midyear-planning", "BHOS/pip.hospital.pip1.midyear-planning"])
        #expect(first.overdue && first.daysLeft == -5)
        #expect(b.rows.last?.instance.due == nil) // pending last
        let flagged = try #require(b.rows.first { $0.instance.key == "BACO/pip.aco.pip1.midyear-planning" })
        #expect(flagged.flags.map(\.id).contains("uploaded-not-submitted"))
    }

    @Test func upcomingWindowAndFormats() throws {
        let (_, b) = try board(today: "2023-09-20")
        #expect(b.upcoming(days: 10).map(\.instance.key).sorted() == ["BACO/pip.aco.pip1.midyear-planning", "BHOS/pip.hospital.pip1.midyear-planning"])
        #expect(b.upcoming(days: 5).isEmpty)
        let text = BoardFormat.text(b.rows, today: b.today, color: false)
        #expect(text.contains("10d") && text.contains("-- uploaded") && !text.contains("\u{1B}"))
        #expect(text.contains("click \"submit\" in OnBase"))
        #expect(BoardFormat.text(b.rows, today: b.today, color: true).contains("\u{1B}[35m"))
        let csv = BoardFormat.csv(b.rows)
        #expect(csv.split(separator: "\n").count == b.rows.count + 1)
        #expect(csv.contains("\"PIP Key Contact Form & Mid-Year Planning Report (PIP 1)\"") == false) // no comma, no quotes
        #expect(BoardFormat.quoteCSV("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(BoardFormat.json(b.rows, today: b.today) == BoardFormat.json(b.rows, today: b.today))
    }
}
