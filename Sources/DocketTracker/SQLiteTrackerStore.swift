import DocketCore
import Foundation
import GRDB

/// The embedded default store: one SQLite file in WAL mode, migrated on open, with a bounded
/// busy wait. A writer that cannot get the lock within `busyTimeout` fails with
/// `TrackerError.busy` ("database is busy, retry"); SQLite's journal keeps the file intact.
public final class SQLiteTrackerStore: TrackerStore {
    public let location: String
    public let busyTimeout: Double
    let queue: DatabaseQueue

    /// Opens (creating folders and the file on first use) and migrates to `upTo` (default: latest).
    public init(path: String, busyTimeout: Double = 5, upTo version: String? = nil) throws {
        self.location = path
        self.busyTimeout = busyTimeout
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw TrackerError.io("cannot create folder \(dir.path): \(error.localizedDescription)", path: path)
        }
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "docket-tracker"
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            let migrator = TrackerMigrations.migrator()
            if let version { try migrator.migrate(queue, upTo: version) } else { try migrator.migrate(queue) }
        } catch {
            throw Self.map(error, path: path, timeout: busyTimeout)
        }
    }

    /// The default path: `$DOCKET_DB`, else `$XDG_DATA_HOME/docket/tracker.sqlite`,
    /// else `~/.local/share/docket/tracker.sqlite`.
    /// (Resolved by `DocketEnvironment`, the one place that reads these variables.)
    public static func defaultPath(environment: [String: String]) -> String {
        (try? DocketEnvironment.resolve(variables: environment.filter { $0.key != "DOCKET_NOW" }, executable: "", currentDirectory: "/"))?
            .databasePath ?? "tracker.sqlite"
    }

    public func read<T>(_ body: (any TrackerSession) throws -> T) throws -> T {
        do { return try queue.read { db in try body(SQLiteSession(db: db)) } }
        catch { throw Self.map(error, path: location, timeout: busyTimeout) }
    }

    public func write<T>(_ body: (any TrackerSession) throws -> T) throws -> T {
        do { return try queue.write { db in try body(SQLiteSession(db: db)) } }
        catch { throw Self.map(error, path: location, timeout: busyTimeout) }
    }

    /// Applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try TrackerMigrations.migrator().appliedMigrations(db) }
    }

    /// `PRAGMA integrity_check` result ("ok" when healthy).
    public func integrityCheck() throws -> String {
        try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// Runs raw SQL statements in one write transaction; `during` runs inside it, while the
    /// write lock is held (tests and maintenance).
    public func execute(_ sql: String, during: () throws -> Void = {}) throws {
        do {
            try queue.write { db in
                try db.execute(sql: sql)
                try during()
            }
        } catch { throw Self.map(error, path: location, timeout: busyTimeout) }
    }

    /// The first column of the first row of `sql`, as text.
    public func scalar(_ sql: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: sql) }
    }

    static func map(_ error: Error, path: String, timeout: Double) -> Error {
        if error is TrackerError { return error }
        if let e = error as? DatabaseError {
            if e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                return TrackerError.busy(path: path, seconds: timeout)
            }
            if e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
                return TrackerError.io("\(path) is not a Docket tracker database (\(e.message ?? "\(e.resultCode)"))", path: path)
            }
            return TrackerError.io("database error: \(e.message ?? "\(e.resultCode)")", path: path)
        }
        return error
    }
}
