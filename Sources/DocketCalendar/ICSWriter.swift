import DocketCore
import Foundation

/// RFC 5545 content lines: TEXT escaping and folding at 75 octets on UTF-8 boundaries.
public enum ICSText {
    /// Escapes a TEXT value (RFC 5545 § 3.3.11): backslash, semicolon, comma and newlines.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds one content line (RFC 5545 § 3.1): no physical line longer than 75 octets, a
    /// continuation starts with a space, and a UTF-8 sequence is never split. Joined with CRLF.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        if bytes.count <= 75 { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 25)
        var start = 0, limit = 75
        while bytes.count - start > limit {
            // Cut before a continuation byte (10xxxxxx) never happens: step back to a lead byte.
            var cut = start + limit
            while bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            out += bytes[start..<cut]
            out += [0x0D, 0x0A, 0x20]
            start = cut
            limit = 74 // the leading space counts
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }
}

/// Writes events as an iCalendar (RFC 5545) publication: one all-day VEVENT per dated deadline.
public struct ICSWriter: Sendable {
    public var schedule: Schedule
    /// Days before the due date for VALARM reminders (`--remind 30,7,1`).
    public var reminders: [Int]
    /// Prior publication (UID → DTSTART and SEQUENCE), so a changed date raises SEQUENCE.
    public var previous: [String: ICSReader.PriorEvent]
    /// Calendar name suffix (e.g. the filter in force).
    public var nameSuffix: String?

    public init(schedule: Schedule, reminders: [Int] = [], previous: [String: ICSReader.PriorEvent] = [:], nameSuffix: String? = nil) {
        self.schedule = schedule
        self.reminders = reminders
        self.previous = previous
        self.nameSuffix = nameSuffix
    }

    /// A UID stable across runs and unique per event and entity.
    public static func uid(for e: CalendarEvent) -> String {
        var local = e.id
        if let entity = e.entity { local += "." + entity.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" } }
        return "\(local)@docket.masshealth"
    }

    /// The whole calendar; events without a due date (pending) are left out.
    public func write(_ events: [CalendarEvent]) -> String {
        let stamp = "\(schedule.published.basic)T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Docket//MassHealth deadlines \(schedule.version)//EN",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        let name = schedule.calendarName + (nameSuffix.map { " (\($0))" } ?? "")
        lines += ["X-WR-CALNAME:\(ICSText.escape(name))", "X-WR-CALDESC:\(ICSText.escape("Deadlines computed by Docket from schedule \(schedule.version)"))",
                  "REFRESH-INTERVAL;VALUE=DURATION:\(schedule.refreshInterval)", "X-PUBLISHED-TTL:\(schedule.refreshInterval)"]
        for e in events {
            guard let dueText = e.due, let due = LocalDate(dueText) else { continue }
            let uid = ICSWriter.uid(for: e)
            lines += ["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(due.basic)",
                      "DTEND;VALUE=DATE:\(due.adding(days: 1).basic)", "SEQUENCE:\(sequence(uid: uid, start: due.basic))",
                      "SUMMARY:\(ICSText.escape(e.title))", "DESCRIPTION:\(ICSText.escape(EventText.description(e)))",
                      "CATEGORIES:\(([e.program.uppercased()] + e.entityTypes + [e.status.rawValue]).map(ICSText.escape).joined(separator: ","))",
                      "STATUS:\(e.status == .explicit ? "CONFIRMED" : "TENTATIVE")", "TRANSP:TRANSPARENT", "CLASS:PUBLIC"]
            for days in reminders.sorted(by: >) {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY",
                          "DESCRIPTION:\(ICSText.escape("\(e.title) is due \(due) (in \(days) day\(days == 1 ? "" : "s"))"))",
                          "TRIGGER:-P\(days)D", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICSText.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// SEQUENCE: the prior one when the date is unchanged, one more when it moved, 0 for new events.
    func sequence(uid: String, start: String) -> Int {
        guard let prior = previous[uid] else { return 0 }
        return prior.start == start ? prior.sequence : prior.sequence + 1
    }
}

/// Reads back what Docket needs from a prior publication: UID, DTSTART and SEQUENCE per event.
public enum ICSReader {
    public struct PriorEvent: Sendable, Hashable {
        public var start: String
        public var sequence: Int
    }

    public static func priorEvents(_ text: String) -> [String: PriorEvent] {
        // Unfold (CRLF or LF followed by a space or tab), then read property by property.
        let unfolded = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n ", with: "")
            .replacingOccurrences(of: "\n\t", with: "")
        var out: [String: PriorEvent] = [:]
        var uid: String?, start: String?, sequence = 0
        for line in unfolded.split(separator: "\n") {
            let (name, value) = split(String(line))
            switch name {
            case "BEGIN" where value == "VEVENT": uid = nil; start = nil; sequence = 0
            case "UID": uid = value
            case "DTSTART": start = value
            case "SEQUENCE": sequence = Int(value) ?? 0
            case "END" where value == "VEVENT":
                if let uid, let start { out[uid] = PriorEvent(start: start, sequence: sequence) }
            default: break
            }
        }
        return out
    }

    /// Property name (without parameters) and value.
    static func split(_ line: String) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (line, "") }
        let head = line[..<colon]
        let name = head.split(separator: ";").first.map(String.init) ?? ""
        return (name.uppercased(), String(line[line.index(after: colon)...]))
    }
}
