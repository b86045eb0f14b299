import DocketCalendar
import DocketCore
import DocketDeliverables
import Foundation

/// The calendar's due dates, as lateness checks need them: the events of the schedule (with the
/// choices in force), by id. Due dates come from here, never from deliverable.yaml.
public struct DueDates: Sendable {
    public let events: [String: CalendarEvent]

    public init(events: [CalendarEvent]) {
        var byID: [String: CalendarEvent] = [:]
        for e in events where byID[e.id] == nil { byID[e.id] = e }
        self.events = byID
    }

    /// Every event of `schedule` for every entity type, with `choices`.
    public init(schedule: Schedule, choices: [String: String] = [:]) throws(DiagnosticList) {
        self.init(events: try schedule.events(options: CalendarQuery(choices: choices)))
    }

    /// The due dates of the schedule at `schedulePath`, or nil when it cannot be read or computed
    /// (then no lateness check is made, as for a deliverable without a due event).
    public static func load(schedulePath: String, choices: [String: String] = [:]) -> DueDates? {
        guard let schedule = try? Schedule.load(from: URL(fileURLWithPath: schedulePath)) else { return nil }
        return try? DueDates(schedule: schedule, choices: choices)
    }

    /// Why no due date could be told for a submission.
    public enum Unknown: Error, Sendable, Hashable {
        /// The deliverable has no calendar event (e.g. the IA report, set by the State).
        case noEvent
        /// The data lacks the field that picks the event (e.g. `entity.type`).
        case missingField(String)
        /// The event id is not in the calendar.
        case unknownEvent(String)
        /// The event waits for a trigger date.
        case pending(String)
    }

    /// The event a submission of `deliverable` with `data` answers (`explicit` overrides it).
    /// When the data does not pick one event but every candidate has the same due date, that
    /// date is used (e.g. PIP 1's mid-year report is due 9/30/2023 for hospitals and ACOs alike).
    public func event(for deliverable: Deliverable, data: JSONValue, explicit: String? = nil) -> Result<(CalendarEvent, LocalDate), Unknown> {
        let ids: [String]
        if let explicit {
            ids = [explicit]
        } else {
            guard let due = deliverable.due else { return .failure(.noEvent) }
            switch due.eventIDs(for: data) {
            case .success(let found): ids = found
            case .failure(let missing): return .failure(.missingField(missing.field))
            }
        }
        var found: [(CalendarEvent, LocalDate)] = []
        for id in ids {
            guard let event = events[id] else { return .failure(.unknownEvent(id)) }
            guard let text = event.due, let date = LocalDate(text) else { return .failure(.pending(id)) }
            found.append((event, date))
        }
        guard let first = found.first else { return .failure(.noEvent) }
        guard found.allSatisfy({ $0.1 == first.1 }) else { return .failure(.missingField(deliverable.due?.fields.first?.from ?? "")) }
        return .success(first)
    }

    /// The schedule below a project root (`DocketEnvironment.scheduleRelativePath`), or nil.
    public static func load(root: URL, choices: [String: String] = [:]) -> DueDates? {
        load(schedulePath: root.appendingPathComponent(DocketEnvironment.scheduleRelativePath).path, choices: choices)
    }

    /// What a filled document may print of its due date (`docket.due`): `{date, event, deadline,
    /// status, title}` of the event `data` answers, or nil when the calendar cannot tell one.
    public func dueValue(for deliverable: Deliverable, data: JSONValue, explicit: String? = nil) -> JSONValue? {
        guard case .success(let (event, date)) = event(for: deliverable, data: data, explicit: explicit) else { return nil }
        return [
            "date": .string(date.description), "event": .string(event.id), "title": .string(event.title),
            "deadline": event.source.reference.map(JSONValue.string) ?? .null, "status": .string(event.status.rawValue),
        ]
    }
}
