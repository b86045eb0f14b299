import Foundation
import DocketCore

/// Renders board rows as a text table (coloured on a terminal), JSON or CSV. Same rows → same bytes.
public enum BoardFormat {
    static let headers = ["ID", "ENTITY", "DUE", "DAYS", "STATUS", "DELIVERABLE", "FLAGS"]

    static func cells(_ r: BoardRow) -> [String] {
        let i = r.instance
        return ["#\(i.id)", i.entity, i.effectiveDue ?? "pending", days(r), i.status.rawValue, i.eventID,
                r.flags.map(\.id).joined(separator: ",")]
    }

    static func days(_ r: BoardRow) -> String {
        guard let d = r.daysLeft else { return "-" }
        if !r.instance.status.isOpenForEntity { return "" }
        if d < 0 { return "\(-d)d late" }
        return d == 0 ? "today" : "\(d)d"
    }

    /// A table with a heading per section (overdue, then each status) and a legend of flags.
    public static func text(_ rows: [BoardRow], today: String, color: Bool, title: String = "board") -> String {
        if rows.isEmpty { return "\(title) as of \(today): nothing to show\n" }
        let all = rows.map(cells)
        var widths = headers.map(\.count)
        for c in all { for (k, v) in c.enumerated() { widths[k] = max(widths[k], v.count) } }
        func line(_ c: [String]) -> String {
            c.enumerated().map { k, v in k == c.count - 1 ? v : v.padding(toLength: widths[k], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = "\(title) as of \(today)\n"
        out += paint(line(headers), "1", color) + "\n"
        var section = ""
        for (r, c) in zip(rows, all) {
            let name = r.overdue ? "overdue" : r.instance.status.rawValue
            if name != section {
                section = name
                out += paint("-- \(name)", r.overdue ? "1;31" : "1", color) + "\n"
            }
            let code = r.overdue ? "31" : (r.flags.contains { $0.id == "uploaded-not-submitted" } ? "35"
                : ((r.daysLeft ?? 99) <= 14 && r.instance.status.isOpenForEntity ? "33" : ""))
            out += (code.isEmpty ? line(c) : paint(line(c), code, color)) + "\n"
        }
        for r in rows { for f in r.flags where f.id == "uploaded-not-submitted" || f.id == "resubmission-required" {
            out += "  #\(r.instance.id) \(r.instance.key): \(f.message)\n"
        } }
        out += summary(rows) + "\n"
        return out
    }

    /// "12 instances: 1 overdue, 1 uploaded, 10 planned" (board section order).
    public static func summary(_ rows: [BoardRow]) -> String {
        var parts: [String] = []
        let late = rows.filter(\.overdue).count
        if late > 0 { parts.append("\(late) overdue") }
        for s in Board.sectionOrder {
            let n = rows.filter { $0.instance.status == s }.count
            if n > 0 { parts.append("\(n) \(s.rawValue)") }
        }
        return "\(rows.count) instance\(rows.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    /// `{"today": …, "rows": [...]}` with every field and flag message.
    public static func json(_ rows: [BoardRow], today: String) -> String {
        let items: [JSONValue] = rows.map { r in
            let i = r.instance
            var o: [String: JSONValue] = [
                "id": .int(Int(i.id)), "key": .string(i.key), "entity": .string(i.entity), "event": .string(i.eventID),
                "title": .string(i.title), "program": .string(i.program), "status": .string(i.status.rawValue),
                "dueStatus": .string(i.dueStatus), "source": .string(i.source), "overdue": .bool(r.overdue),
                "flags": .array(r.flags.map { .object(["id": .string($0.id), "message": .string($0.message)]) }),
            ]
            o["due"] = i.due.map(JSONValue.string) ?? .null
            o["effectiveDue"] = i.effectiveDue.map(JSONValue.string) ?? .null
            o["daysLeft"] = r.daysLeft.map(JSONValue.int) ?? .null
            o["deliverable"] = i.deliverable.map(JSONValue.string) ?? .null
            o["resubmitBy"] = i.resubmitBy.map(JSONValue.string) ?? .null
            o["file"] = i.file.map(JSONValue.string) ?? .null
            o["sha256"] = i.sha256.map(JSONValue.string) ?? .null
            o["validation"] = i.validation.map(JSONValue.string) ?? .null
            return .object(o)
        }
        return JSONWriter.string(.object(["today": .string(today), "rows": .array(items)]), pretty: true) + "\n"
    }

    /// RFC 4180 CSV with a header row.
    public static func csv(_ rows: [BoardRow]) -> String {
        var out = "id,entity,event,deliverable,title,status,due,effective_due,days_left,overdue,flags\n"
        for r in rows {
            let i = r.instance
            let fields = ["\(i.id)", i.entity, i.eventID, i.deliverable ?? "", i.title, i.status.rawValue, i.due ?? "",
                          i.effectiveDue ?? "", r.daysLeft.map(String.init) ?? "", r.overdue ? "true" : "false",
                          r.flags.map(\.id).joined(separator: ";")]
            out += fields.map(quoteCSV).joined(separator: ",") + "\n"
        }
        return out
    }

    static func quoteCSV(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func paint(_ s: String, _ code: String, _ color: Bool) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
