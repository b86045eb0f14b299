import DocketCore
import Foundation

/// The calendar in one of its output formats: what `docket calendar` prints or writes, for any
/// front end (the workspace's feeds use the writers directly).
public struct CalendarRendering: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case agenda, ics, csv, md, json
    }

    public var format: Format
    /// iCalendar reminders, in days before the due date.
    public var reminders: [Int]
    /// A prior .ics publication (UID → DTSTART/SEQUENCE), to raise SEQUENCE for moved dates.
    public var previous: [String: ICSReader.PriorEvent]
    /// Added to the iCalendar name (the filters in force).
    public var nameSuffix: String?
    /// Colour in the agenda (a terminal).
    public var color: Bool
    /// The agenda's window in days around the query's end (`--upcoming`).
    public var upcoming: Int?

    public init(format: Format, reminders: [Int] = [], previous: [String: ICSReader.PriorEvent] = [:], nameSuffix: String? = nil,
                color: Bool = false, upcoming: Int? = nil) {
        self.format = format
        self.reminders = reminders
        self.previous = previous
        self.nameSuffix = nameSuffix
        self.color = color
        self.upcoming = upcoming
    }

    public func render(_ events: [CalendarEvent], schedule: Schedule, query: CalendarQuery) -> String {
        switch format {
        case .json: return JSONEventsWriter.write(events)
        case .csv: return CSVWriter.write(events)
        case .md: return MarkdownWriter.write(events, schedule: schedule, choices: schedule.resolvedChoices(query))
        case .ics: return ICSWriter(schedule: schedule, reminders: reminders, previous: previous, nameSuffix: nameSuffix).write(events)
        case .agenda:
            guard let upcoming, let start = query.to?.adding(days: -upcoming), let since = query.from else {
                return AgendaWriter(color: color).write(events)
            }
            return AgendaWriter(upcoming: .init(today: start, days: upcoming, overdueSince: since), color: color).write(events)
        }
    }
}

extension ICSReader {
    /// UID → DTSTART/SEQUENCE of the prior publication at `path`, or nothing when there is none.
    public static func priorEvents(path: String?) -> [String: PriorEvent] {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return [:] }
        return priorEvents(String(decoding: data, as: UTF8.self))
    }
}
