import DocketCore
import Foundation

/// JSON: an array of {id, title, program, entityTypes, period, due, status, source}, sorted by due.
public enum JSONEventsWriter {
    public static func write(_ events: [CalendarEvent]) -> String {
        JSONWriter.string(.array(events.sorted(by: CalendarEvent.dueOrder).map(EventText.json)), pretty: true) + "\n"
    }
}

/// CSV (RFC 4180: CRLF, fields quoted when needed) for spreadsheets.
public enum CSVWriter {
    public static let header = ["id", "due", "title", "program", "entityTypes", "periodLabel", "periodStart", "periodEnd",
                                "status", "sourceDocument", "sourceLine", "reference", "quote", "fileName", "trigger", "note"]

    public static func write(_ events: [CalendarEvent]) -> String {
        var rows = [header]
        for e in events {
            rows.append([e.id, e.due ?? "", e.title, e.program, e.entityTypes.joined(separator: ";"), e.period?.label ?? "",
                         e.period?.start ?? "", e.period?.end ?? "", e.status.rawValue, e.source.document, e.source.line,
                         e.source.reference ?? "", e.source.quote, e.fileName ?? "", e.trigger ?? "", e.note ?? ""])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field holding a comma, quote or line break; doubles inner quotes. A leading
    /// `=`, `+`, `-` or `@` is kept as text by spreadsheets only when quoted, so those are quoted too.
    static func field(_ s: String) -> String {
        let needs = s.contains { ",\"\r\n".contains($0) } || s.first.map { "=+-@".contains($0) } ?? false
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// Markdown for reports: a table of dated events, then pending ones, then the choices in force.
public enum MarkdownWriter {
    public static func write(_ events: [CalendarEvent], schedule: Schedule, choices: [String: String]) -> String {
        var out = "# \(schedule.calendarName)\n\nSchedule version \(schedule.version). "
        let dated = events.filter { $0.due != nil }, pending = events.filter { $0.due == nil }
        out += "\(dated.count) dated deadline\(dated.count == 1 ? "" : "s"), \(pending.count) waiting for a trigger date.\n\n"
        if !dated.isEmpty {
            out += "| Due | Deliverable | Program | Entity types | Period covered | Status | Source |\n|---|---|---|---|---|---|---|\n"
            for e in dated {
                var title = cell(e.title)
                if let f = e.fileName { title += "<br>file: `\(cell(f))`" }
                out += "| \(e.due!) | \(title) | \(e.program) | \(e.entityTypes.joined(separator: ", ")) | \(cell(EventText.period(e.period))) | \(e.status.rawValue) | \(cell(EventText.sourceLine(e.source))) |\n"
            }
        }
        if !pending.isEmpty {
            out += "\n## Waiting for a trigger date\n\n| Deliverable | Entity types | Waits for | Source |\n|---|---|---|---|\n"
            for e in pending {
                out += "| \(cell(e.title)) (`\(e.id)`) | \(e.entityTypes.joined(separator: ", ")) | \(cell(e.trigger ?? "")) | \(cell(EventText.sourceLine(e.source))) |\n"
            }
        }
        out += sources(events)
        out += "\n## Choices in force\n\n"
        for c in schedule.choices {
            let alt = choices[c.id] ?? c.defaultAlternative
            out += "- `\(c.id)` = `\(alt)`\(alt == c.defaultAlternative ? " (default)" : ""): \(cell(c.question))\n"
        }
        return out
    }

    /// Each distinct source once, with its exact quote.
    static func sources(_ events: [CalendarEvent]) -> String {
        var seen = Set<EventSource>(), out = ""
        for e in events where seen.insert(e.source).inserted {
            out += "- \(cell(EventText.sourceLine(e.source))): “\(cell(e.source.quote))”\n"
        }
        return out.isEmpty ? "" : "\n## Sources\n\n" + out
    }

    /// Escapes table-breaking characters in a cell.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
