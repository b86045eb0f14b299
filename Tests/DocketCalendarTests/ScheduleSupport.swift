import DocketCore
import DocketTestSupport
import Foundation
@testable import DocketCalendar

/// Loads the shipped schedule and the reference files for the tests.
enum Fixtures {
    static let schedule: Schedule = {
        do { return try Schedule.bundledDefault(packageRoot: TestPaths.packageRoot) } catch {
            fatalError("shipped schedule does not load: \((error as? DiagnosticList)?.diagnostics.map(\.message) ?? [])")
        }
    }()

    static func events(_ q: CalendarQuery = CalendarQuery()) -> [CalendarEvent] {
        do { return try schedule.events(options: q) } catch { fatalError("\((error as? DiagnosticList)?.diagnostics.map(\.message) ?? [])") }
    }

    static func byId(_ q: CalendarQuery = CalendarQuery()) -> [String: CalendarEvent] {
        Dictionary(uniqueKeysWithValues: events(q).map { ($0.id, $0) })
    }

    static func seedLines(_ file: String) -> [String] {
        let url = TestPaths.shared.appendingPathComponent("seeds").appendingPathComponent(file)
        return (try? String(contentsOf: url, encoding: .utf8))?.components(separatedBy: "\n") ?? []
    }

    /// Rows of the reference deadline tables: id → cells.
    static let referenceRows: [String: [String]] = {
        let url = TestPaths.shared.appendingPathComponent("reference/seed-deadlines.md")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var rows: [String: [String]] = [:]
        for line in text.components(separatedBy: "\n") where line.hasPrefix("| D") || line.hasPrefix("| P") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            if let id = cells.first, rows[id] == nil, cells.count > 8 { rows[id] = Array(cells) }
        }
        return rows
    }()

    /// Curly quotes and whitespace normalised, as the reference's quote check does.
    static func normalise(_ s: String) -> String {
        let t = s.replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `3;6`, `41-46`, `362-363` → line numbers.
    static func lineNumbers(_ spec: String) -> [Int] {
        spec.split(separator: ";").flatMap { part -> [Int] in
            let ends = part.split(separator: "-").compactMap { Int($0) }
            return ends.count == 2 ? Array(ends[0]...ends[1]) : ends
        }
    }
}
