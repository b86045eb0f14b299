import GRDB

/// Versioned schema. Never edit a shipped migration: add a new one.
///
/// - `v1`: entities, deliverable instances, append-only history events.
/// - `v2`: rubric reviews (R000-15..R000-17), State notification trigger dates, and the
///   instance's resubmission date and last validation result.
public enum TrackerMigrations {
    public static let versions = ["v1", "v2"]

    /// The migrator, optionally stopped after `upTo` (tests use `"v1"` to build an old database).
    public static func migrator() -> DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE entity (
                    abbreviation TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    obstetric INTEGER NOT NULL DEFAULT 0,
                    partner_exempt INTEGER NOT NULL DEFAULT 0,
                    partners TEXT NOT NULL DEFAULT '[]',
                    contacts TEXT NOT NULL DEFAULT '[]',
                    also_types TEXT NOT NULL DEFAULT '[]'
                );
                CREATE TABLE instance (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    entity TEXT NOT NULL REFERENCES entity(abbreviation),
                    event_id TEXT NOT NULL,
                    deliverable TEXT,
                    title TEXT NOT NULL,
                    program TEXT NOT NULL,
                    period TEXT,
                    due TEXT,
                    due_status TEXT NOT NULL,
                    trigger_id TEXT,
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    file TEXT,
                    sha256 TEXT,
                    UNIQUE (entity, event_id)
                );
                CREATE INDEX instance_deliverable ON instance(entity, deliverable);
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    instance_id INTEGER NOT NULL REFERENCES instance(id),
                    at TEXT NOT NULL,
                    by TEXT NOT NULL,
                    from_status TEXT,
                    to_status TEXT NOT NULL,
                    note TEXT,
                    file TEXT,
                    sha256 TEXT
                );
                CREATE INDEX event_instance ON event(instance_id, id);
                CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
                CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
                """)
        }
        m.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE instance ADD COLUMN resubmit_by TEXT;
                ALTER TABLE instance ADD COLUMN validation TEXT;
                CREATE TABLE review (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    instance_id INTEGER NOT NULL REFERENCES instance(id),
                    at TEXT NOT NULL,
                    by TEXT NOT NULL,
                    comment TEXT,
                    resubmit_by TEXT
                );
                CREATE TABLE review_criterion (
                    review_id INTEGER NOT NULL REFERENCES review(id),
                    criterion TEXT NOT NULL,
                    rating TEXT NOT NULL CHECK (rating IN ('met', 'partially-met', 'did-not-meet')),
                    comment TEXT,
                    PRIMARY KEY (review_id, criterion)
                );
                CREATE TABLE trigger_date (
                    trigger_id TEXT NOT NULL,
                    entity TEXT NOT NULL DEFAULT '',
                    date TEXT NOT NULL,
                    note TEXT,
                    PRIMARY KEY (trigger_id, entity)
                );
                """)
        }
        return m
    }
}
