import DocketCore
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
        // Same due date: the board's section order decides (uploaded before planned).
        #expect(b.overdue.map(\.instance.key) == ["BACO/pip.aco.pip1.midyear-planning", "BHOS/pip.hospital.pip1.midyear-planning"])
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
        let (json, _) = try JSONParser.parse(BoardFormat.json(b.rows, today: b.today))
        #expect(json["today"] == "2023-09-20")
        let rows = try #require(json["rows"]?.arrayValue)
        #expect(rows.count == b.rows.count)
        let aco = try #require(rows.first { $0["key"] == "BACO/pip.aco.pip1.midyear-planning" })
        #expect(aco["status"] == "uploaded")
        #expect(aco["due"] == "2023-09-30")
        #expect(aco["daysLeft"] == .int(10))
        #expect(aco["overdue"] == .bool(false))
        #expect(aco["flags"]?[0]?["id"] == "uploaded-not-submitted")
        #expect(rows.last?["due"] == .null)
    }

    @Test func mostOverdueComesFirst() throws {
        // A year later both PY1 reports and the PY2 ones due 2024-09-30 are overdue: the oldest first.
        let (_, b) = try board(today: "2024-11-01")
        let dues = b.overdue.compactMap(\.instance.effectiveDue)
        #expect(dues.count >= 3)
        #expect(dues == dues.sorted(), "\(dues)")
        #expect(b.rows.prefix(dues.count).allSatisfy { $0.overdue })
    }
}
