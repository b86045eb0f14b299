import DocketCore

/// Human-readable pieces of an event shared by the exporters.
public enum EventText {
    /// `doc line N (D000-01)`.
    public static func sourceLine(_ s: EventSource) -> String {
        "\(s.document) line \(s.line)" + (s.reference.map { " (\($0))" } ?? "")
    }

    /// `PIP PY1 (CY2023), 2023-01-01 – 2023-12-31`.
    public static func period(_ p: EventPeriod?) -> String {
        guard let p else { return "not stated" }
        guard let start = p.start, let end = p.end else { return p.label }
        return "\(p.label), \(start) – \(end)"
    }

    /// The multi-line description: status, period, source quote, file name, trigger and notes.
    public static func description(_ e: CalendarEvent) -> String {
        var lines = ["Status: \(e.status.rawValue)", "Period covered: \(period(e.period))",
                     "Source: \(sourceLine(e.source)): “\(e.source.quote)”"]
        if let name = e.fileName { lines.append("File name to upload: \(name)") }
        if let d = e.deliverable { lines.append("Docket deliverable: \(d)") }
        if let t = e.trigger { lines.append("Trigger: \(t)") }
        if let n = e.note { lines.append("Note: \(n)") }
        return lines.joined(separator: "\n")
    }

    /// The JSON form: exactly id, title, program, entityTypes, period, due, status, source.
    public static func json(_ e: CalendarEvent) -> JSONValue {
        var period: JSONValue = .null
        if let p = e.period {
            period = .object(["label": .string(p.label), "start": p.start.map(JSONValue.string) ?? .null,
                              "end": p.end.map(JSONValue.string) ?? .null])
        }
        let source: JSONValue = .object(["document": .string(e.source.document), "line": .string(e.source.line),
                                         "quote": .string(e.source.quote),
                                         "reference": e.source.reference.map(JSONValue.string) ?? .null])
        return .object(["id": .string(e.id), "title": .string(e.title), "program": .string(e.program),
                        "entityTypes": .array(e.entityTypes.map(JSONValue.string)), "period": period,
                        "due": e.due.map(JSONValue.string) ?? .null, "status": .string(e.status.rawValue), "source": source])
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `2023-09-30 Sat`.
    public static func dayLabel(_ due: String?) -> String {
        guard let due, let d = LocalDate(due) else { return "pending       " }
        return "\(d) \(weekdays[d.weekday - 1])"
    }
}
