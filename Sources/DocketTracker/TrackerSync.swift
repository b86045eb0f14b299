import DocketCalendar
import Foundation

/// Where deliverable instances come from: the calendar's events for one entity's types, with
/// recorded trigger dates so that pending "within N days of notification" events get due dates.
public protocol ScheduleProvider {
    /// Events applying to any of `entityTypes`, due in `from...to` (inclusive, `YYYY-MM-DD`, either
    /// may be nil). Pending events (no date) are included. `triggers` maps trigger ids to dates.
    func events(entityTypes: [String], from: String?, to: String?, triggers: [String: String]) throws -> [CalendarEvent]
}

/// A fixed list of events (a `docket calendar --format json` export, or a test fixture).
/// It filters by type and range; it cannot resolve pending events, which stay pending.
public struct StaticSchedule: ScheduleProvider, Sendable {
    public var events: [CalendarEvent]
    public init(events: [CalendarEvent]) { self.events = events }

    /// A JSON array of `CalendarEvent`, or an object with an `events` array, from `path`.
    public static func load(path: String) throws(TrackerError) -> StaticSchedule {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TrackerError.io("cannot read events file \(path)", path: path)
        }
        struct Wrapped: Decodable { var events: [CalendarEvent] }
        if let list = try? JSONDecoder().decode([CalendarEvent].self, from: data) { return StaticSchedule(events: list) }
        do {
            return StaticSchedule(events: try JSONDecoder().decode(Wrapped.self, from: data).events)
        } catch {
            throw TrackerError.invalid(rule: "track.bad-events-file",
                "\(path): not a JSON list of calendar events (\(error)); export one with `docket calendar --format json`")
        }
    }

    public func events(entityTypes: [String], from: String?, to: String?, triggers: [String: String]) throws -> [CalendarEvent] {
        events.filter { !Set($0.entityTypes).isDisjoint(with: entityTypes) }
    }
}

/// What `sync` did.
public struct SyncReport: Sendable, Hashable {
    /// One summary line, then `+ created`, `~ updated`, `? stale` lines.
    public var text: String {
        var out = "sync: \(created.count) created, \(updated.count) updated, \(unchanged) unchanged\n"
        for k in created { out += "  + \(k)\n" }
        for k in updated { out += "  ~ \(k)\n" }
        for k in stale { out += "  ? \(k): no longer in the calendar; left as it is\n" }
        return out
    }

    /// Keys (`ENTITY/EVENT-ID`) of new instances.
    public var created: [String] = []
    /// Keys whose due date, certainty or title changed (e.g. a trigger resolved a pending date).
    public var updated: [String] = []
    public var unchanged = 0
    /// Keys of instances whose event the calendar no longer produces (e.g. after `--choose`);
    /// they are left as they are. Only computed for a sync without `--from`/`--to`.
    public var stale: [String] = []
}

extension Tracker {
    /// Creates an instance for every calendar event of every entity (or one), in one transaction.
    /// Existing instances keep their status; a changed due date is recorded in their history.
    public func sync(from provider: any ScheduleProvider, from: String? = nil, to: String? = nil,
                     entity only: String? = nil) throws -> SyncReport {
        if let from { _ = try TrackDate.require(from, option: "--from") }
        if let to { _ = try TrackDate.require(to, option: "--to") }
        return try store.write { s in
            let all = try s.entities()
            let entities = try only.map { [try Self.requireEntity($0, in: s)] } ?? all
            if entities.isEmpty {
                throw TrackerError.invalid(rule: "track.no-entities",
                    "no entities to sync; add one with `docket track entity add ABBR --name … --type …`")
            }
            let triggers = try s.triggers()
            let existing = Dictionary(grouping: try s.instances(), by: \.entity)
            // Entities of the same types with the same trigger dates get the same events: ask once.
            var cache: [String: [CalendarEvent]] = [:]
            var report = SyncReport()
            for entity in entities {
                var map: [String: String] = [:]
                for t in triggers where t.entity == nil { map[t.trigger] = t.date }
                for t in triggers where t.entity == entity.abbreviation { map[t.trigger] = t.date }
                let types = entity.matchTypes + (entity.obstetric ? ["obstetric"] : [])
                let key = types.sorted().joined(separator: ",") + "|" + map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                let events: [CalendarEvent]
                if let hit = cache[key] { events = hit } else {
                    events = try provider.events(entityTypes: types, from: from, to: to, triggers: map)
                        .filter { Self.inRange($0.due, from: from, to: to) }
                        .sorted { ($0.due ?? "9999", $0.id) < ($1.due ?? "9999", $1.id) }
                    cache[key] = events
                }
                for event in events {
                    try apply(event, to: entity, in: s, report: &report)
                }
                if from == nil && to == nil {
                    let ids = Set(events.map(\.id))
                    report.stale += (existing[entity.abbreviation] ?? []).filter { !ids.contains($0.eventID) }.map(\.key)
                }
            }
            return report
        }
    }

    static func inRange(_ due: String?, from: String?, to: String?) -> Bool {
        guard let due else { return true }
        if let from, due < from { return false }
        if let to, due > to { return false }
        return true
    }

    func apply(_ event: CalendarEvent, to entity: Entity, in s: any TrackerSession, report: inout SyncReport) throws {
        let fresh = Self.instance(from: event, entity: entity.abbreviation)
        guard var existing = try s.instance(entity: entity.abbreviation, eventID: event.id) else {
            let inst = try s.insertInstance(fresh)
            try s.appendEvent(HistoryEvent(instanceID: inst.id, at: context.timestamp, by: context.user, from: nil,
                                           to: .planned, note: "created from calendar: \(Self.describeDue(fresh)); source \(fresh.source)"))
            report.created.append(inst.key)
            return
        }
        guard existing.due != fresh.due || existing.dueStatus != fresh.dueStatus || existing.title != fresh.title
                || existing.deliverable != fresh.deliverable else {
            report.unchanged += 1
            return
        }
        let before = Self.describeDue(existing)
        existing.due = fresh.due
        existing.dueStatus = fresh.dueStatus
        existing.title = fresh.title
        existing.deliverable = fresh.deliverable
        existing.trigger = fresh.trigger
        existing.source = fresh.source
        existing.period = fresh.period
        try s.updateInstance(existing)
        try s.appendEvent(HistoryEvent(instanceID: existing.id, at: context.timestamp, by: context.user,
                                       from: existing.status, to: existing.status,
                                       note: "calendar changed: \(before) → \(Self.describeDue(existing))"))
        report.updated.append(existing.key)
    }

    static func describeDue(_ i: Instance) -> String {
        if let due = i.due { return "due \(due) (\(i.dueStatus))" }
        return "due pending" + (i.trigger.map { " (waits for \($0))" } ?? "")
    }

    static func instance(from e: CalendarEvent, entity: String) -> Instance {
        var source = e.source.reference.map { "\($0) " } ?? ""
        source += "\(e.source.document):\(e.source.line)"
        return Instance(id: 0, entity: entity, eventID: e.id, deliverable: e.deliverable, title: e.title, program: e.program,
                        period: e.period?.label, due: e.due, dueStatus: e.status.rawValue, trigger: e.trigger,
                        source: source, status: .planned, resubmitBy: nil, file: nil, sha256: nil, validation: nil)
    }
}
