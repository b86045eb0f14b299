import Foundation
import GRDB

/// The workspace's embedded store: one SQLite file (`workspace.sqlite` in the data folder), WAL,
/// migrations like the tracker's.
public final class SQLiteWorkspaceStore: WorkspaceStore, @unchecked Sendable {
    let queue: DatabaseQueue

    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("workspace-v1") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  name TEXT NOT NULL UNIQUE,
                  role TEXT NOT NULL CHECK (role IN ('admin','preparer','reviewer','viewer')),
                  entities TEXT NOT NULL DEFAULT '',
                  disabled INTEGER NOT NULL DEFAULT 0,
                  password_hash TEXT NOT NULL,
                  feed_token_hash TEXT UNIQUE
                );
                CREATE TABLE session (
                  token_hash TEXT PRIMARY KEY,
                  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                  csrf TEXT NOT NULL,
                  expires REAL NOT NULL
                );
                CREATE TABLE draft (
                  instance_id INTEGER NOT NULL,
                  version INTEGER NOT NULL,
                  author TEXT NOT NULL,
                  created TEXT NOT NULL,
                  data TEXT NOT NULL,
                  PRIMARY KEY (instance_id, version)
                );
                """)
        }
        return m
    }

    static func user(_ row: Row) -> WorkspaceUser {
        let entities: String = row["entities"]
        return WorkspaceUser(id: row["id"], name: row["name"], role: Role(rawValue: row["role"]) ?? .viewer,
                             entities: entities.split(separator: ",").map(String.init), disabled: row["disabled"],
                             passwordHash: row["password_hash"])
    }

    public func addUser(_ user: WorkspaceUser) throws -> WorkspaceUser {
        try queue.write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [user.name]) != nil {
                throw WorkspaceError.duplicateUser(user.name)
            }
            try db.execute(sql: "INSERT INTO user (name, role, entities, disabled, password_hash) VALUES (?, ?, ?, ?, ?)",
                           arguments: [user.name, user.role.rawValue, user.entities.joined(separator: ","), user.disabled, user.passwordHash])
            var saved = user
            saved.id = db.lastInsertedRowID
            return saved
        }
    }

    public func users() throws -> [WorkspaceUser] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").map(Self.user) }
    }

    public func user(named name: String) throws -> WorkspaceUser? {
        try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]).map(Self.user) }
    }

    public func user(id: Int64) throws -> WorkspaceUser? {
        try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map(Self.user) }
    }

    public func setDisabled(_ name: String, _ disabled: Bool) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE user SET disabled = ? WHERE name = ?", arguments: [disabled, name])
            guard db.changesCount == 1 else { throw WorkspaceError.unknownUser(name) }
            if disabled {
                try db.execute(sql: "DELETE FROM session WHERE user_id = (SELECT id FROM user WHERE name = ?)", arguments: [name])
            }
        }
    }

    public func setFeedToken(userID: Int64, hash: String) throws {
        try queue.write { db in try db.execute(sql: "UPDATE user SET feed_token_hash = ? WHERE id = ?", arguments: [hash, userID]) }
    }

    public func user(feedTokenHash: String) throws -> WorkspaceUser? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user WHERE feed_token_hash = ? AND disabled = 0", arguments: [feedTokenHash]).map(Self.user)
        }
    }

    public func createSession(_ session: WorkspaceSession) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO session (token_hash, user_id, csrf, expires) VALUES (?, ?, ?, ?)",
                           arguments: [session.tokenHash, session.userID, session.csrf, session.expires.timeIntervalSince1970])
        }
    }

    public func session(tokenHash: String) throws -> WorkspaceSession? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE token_hash = ?", arguments: [tokenHash]).map { row in
                WorkspaceSession(tokenHash: row["token_hash"], userID: row["user_id"], csrf: row["csrf"],
                                 expires: Date(timeIntervalSince1970: row["expires"]))
            }
        }
    }

    public func deleteSession(tokenHash: String) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func saveDraft(instanceID: Int64, author: String, created: String, data: String) throws -> DraftVersion {
        try queue.write { db in
            let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM draft WHERE instance_id = ?", arguments: [instanceID]) ?? 0
            try db.execute(sql: "INSERT INTO draft (instance_id, version, author, created, data) VALUES (?, ?, ?, ?, ?)",
                           arguments: [instanceID, last + 1, author, created, data])
            return DraftVersion(instanceID: instanceID, version: last + 1, author: author, created: created, data: data)
        }
    }

    public func drafts(instanceID: Int64) throws -> [DraftVersion] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM draft WHERE instance_id = ? ORDER BY version", arguments: [instanceID]).map { row in
                DraftVersion(instanceID: row["instance_id"], version: row["version"], author: row["author"],
                             created: row["created"], data: row["data"])
            }
        }
    }
}
