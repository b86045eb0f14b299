import DocketCalendar
import DocketTestSupport
import Foundation
@testable import DocketTracker

/// A fresh tracker on a temporary database, with a fixed clock and user.
func makeTracker(today: String = "2023-09-01", user: String = "tester", path: String? = nil) throws -> Tracker {
    let db = path ?? TestPaths.temporaryDirectory("tracker").appendingPathComponent("t.sqlite").path
    let store = try SQLiteTrackerStore(path: db, busyTimeout: 2)
    let now = TrackDate.calendar.date(from: TrackDate.parse(today)!)!
    return Tracker(store: store, context: TrackerContext(now: now, user: user), rubrics: shippedRubrics)
}

/// The PIP report's review criteria as the shipped deliverable.yaml gives them (checked against
/// the registry in DocketDeliverablesTests.DerivationTests.reviewCriteriaAreTheRubricsIDs).
let shippedRubrics = ["pip-midyear-report": ["key-contacts", "mid-year-narrative"]]

/// The same database seen at another date / by another user.
func reopen(_ t: Tracker, today: String, user: String = "tester") throws -> Tracker {
    try makeTracker(today: today, user: user, path: t.store.location)
}

/// PIP PY1–PY2 events for ACOs and hospitals plus one pending DSRIP event (fixture file).
func pipEvents() throws -> [CalendarEvent] {
    let data = try Data(contentsOf: TestPaths.fixture("DocketTrackerTests", "pip-events.json"))
    return try JSONDecoder().decode([CalendarEvent].self, from: data)
}

/// A partnered ACO (BACO) and hospital (BHOS).
func addPartners(_ t: Tracker) throws {
    try t.addEntity(Entity(abbreviation: "BHOS", name: "Bay Hospital", type: "hospital", obstetric: true))
    try t.addEntity(Entity(abbreviation: "BACO", name: "Bay ACO", type: "acpp", partners: ["BHOS"],
                           contacts: [Contact(name: "Ann Lee", role: "PIP lead", email: "ann@example.org")], alsoTypes: ["aco"]))
}

/// A tracker with the partners synced from the PIP fixture.
func syncedPartners(today: String = "2023-09-01") throws -> Tracker {
    let t = try makeTracker(today: today)
    try addPartners(t)
    _ = try t.sync(from: StaticSchedule(events: try pipEvents()))
    return t
}

/// Resolves pending events as "trigger date + 30 days", like the calendar's trigger rules.
struct TriggerResolvingSchedule: ScheduleProvider {
    var events: [CalendarEvent]
    func events(entityTypes: [String], from: String?, to: String?, triggers: [String: String]) throws -> [CalendarEvent] {
        events.filter { !Set($0.entityTypes).isDisjoint(with: entityTypes) }.map { e in
            guard e.status == .pending, let date = triggers[e.id] else { return e }
            var out = e
            out.due = TrackDate.adding(30, to: date)
            out.status = .derived
            return out
        }
    }
}

/// The `TrackerError` thrown by `body`, or nil when it succeeds or throws something else.
func trackerError(_ body: () throws -> Void) -> TrackerError? {
    do { try body(); return nil } catch let e as TrackerError { return e } catch { return nil }
}
