import DocketCalendar
import DocketCore
import Foundation

/// The real calendar (`DocketCalendar.Schedule`) as the tracker's event source.
///
/// Entity types unknown to the schedule (e.g. the `obstetric` flag) are left out of the query;
/// the schedule matches an entity type's parent itself (an ACPP receives ACO events). Recorded
/// trigger dates are passed for the schedule's pending events, which then get due dates.
public struct CalendarScheduleProvider: ScheduleProvider, Sendable {
    public var schedule: Schedule
    /// Alternatives chosen for the schedule's ambiguous points (`--choose id=alternative`).
    public var choices: [String: String]

    public init(schedule: Schedule, choices: [String: String] = [:]) {
        self.schedule = schedule
        self.choices = choices
    }

    /// Loads the schedule at `path` (the environment's `schedulePath` unless one is given).
    public static func load(path: String, choices: [String: String] = [:]) throws -> CalendarScheduleProvider {
        CalendarScheduleProvider(schedule: try Schedule.load(from: URL(fileURLWithPath: path)), choices: choices)
    }

    /// Pending event ids that accept a trigger date.
    public var triggerIDs: [String] { schedule.triggerEventIds.sorted() }

    public func events(entityTypes: [String], from: String?, to: String?, triggers: [String: String]) throws -> [CalendarEvent] {
        let known = Set(schedule.entityTypes.map(\.id))
        let types = Set(entityTypes).intersection(known)
        guard !types.isEmpty else { return [] }
        let valid = Set(schedule.triggerEventIds)
        var dates: [String: LocalDate] = [:]
        for (id, date) in triggers where valid.contains(id) { dates[id] = LocalDate(date) }
        let query = CalendarQuery(entityTypes: types, from: from.flatMap { LocalDate($0) }, to: to.flatMap { LocalDate($0) },
                                  triggers: dates, choices: choices)
        return try schedule.events(options: query)
    }
}
