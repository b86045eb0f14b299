import DocketTestSupport
import Foundation
import Testing
@testable import DocketTracker

@Suite struct StoreTests {
    /// A database made by the v1 schema (before reviews and triggers) is upgraded in place.
    @Test func upgradesAVersion1Database() throws {
        let path = TestPaths.temporaryDirectory("tracker-v1").appendingPathComponent("old.sqlite").path
        let old = try SQLiteTrackerStore(path: path, upTo: "v1")
        #expect(try old.appliedMigrations() == ["v1"])
        try old.execute("""
                INSERT INTO entity (abbreviation, name, type) VALUES ('OLDH', 'Old Hospital', 'hospital');
                INSERT INTO instance (entity, event_id, deliverable, title, program, due, due_status, source, status)
                VALUES ('OLDH', 'pip.hospital.pip1.midyear-planning', 'pip-midyear-report', 'PIP Mid-Year', 'pip',
                        '2023-09-30', 'explicit', 'D000-01 000:3;6', 'submitted');
                INSERT INTO event (instance_id, at, by, from_status, to_status)
                VALUES (1, '2023-09-29T00:00:00Z', 'old', 'uploaded', 'submitted');
                """)
        #expect(throws: (any Error).self) { try old.scalar("SELECT COUNT(*) FROM review") }

        let t = try makeTracker(today: "2023-10-15", path: path)
        let store = try #require(t.store as? SQLiteTrackerStore)
        #expect(try store.appliedMigrations() == ["v1", "v2"])
        let key = "OLDH/pip.hospital.pip1.midyear-planning"
        #expect(try t.instance(key).status == .submitted)
        let inst = try t.review(key, criteria: [CriterionRating(criterion: "key-contacts", rating: .didNotMeet),
                                                CriterionRating(criterion: "mid-year-narrative", rating: .met)],
                                resubmitBy: "2023-11-30")
        #expect(inst.resubmitBy == "2023-11-30")
        #expect(try t.history(key).events.map(\.to) == [.submitted, .reviewed, .resubmissionRequired])
        try t.recordTrigger("dsrip.x", date: "2023-10-01")
        #expect(try t.triggers().count == 1)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func databaseIsInWALMode() throws {
        let t = try makeTracker()
        let store = try #require(t.store as? SQLiteTrackerStore)
        #expect(try store.scalar("PRAGMA journal_mode") == "wal")
    }

    /// A writer that cannot get the lock within the busy timeout gets "database is busy, retry".
    @Test func busyWriterGetsAClearErrorAndWritesNothing() throws {
        let t = try makeTracker()
        try addPartners(t)
        let holder = try #require(t.store as? SQLiteTrackerStore)
        let other = try SQLiteTrackerStore(path: t.store.location, busyTimeout: 0.2)
        let second = Tracker(store: other, context: t.context)
        var error: TrackerError?
        try holder.execute("INSERT INTO entity (abbreviation, name, type) VALUES ('HOLD', 'Held', 'mco')") {
            error = trackerError { try second.addEntity(Entity(abbreviation: "LATE", name: "Late", type: "mco")) }
        }
        #expect(error?.kind == .busy)
        #expect(error?.diagnostic.message.hasPrefix("database is busy, retry") == true)
        #expect(try second.entities().map(\.abbreviation) == ["BACO", "BHOS", "HOLD"])
    }

    @Test func notADatabaseIsAnIOError() throws {
        let path = TestPaths.temporaryDirectory("tracker-bad").appendingPathComponent("x.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let e = trackerError { _ = try SQLiteTrackerStore(path: path) }
        #expect(e?.kind == .io)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(SQLiteTrackerStore.defaultPath(environment: ["XDG_DATA_HOME": "/x"]) == "/x/docket/tracker.sqlite")
        #expect(SQLiteTrackerStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/docket/tracker.sqlite")
        #expect(SQLiteTrackerStore.defaultPath(environment: ["DOCKET_DB": "/d.sqlite", "XDG_DATA_HOME": "/x"]) == "/d.sqlite")
    }
}
