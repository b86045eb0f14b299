import Foundation

/// What a user may do (docs/workspace.md): an admin manages users and entities; a preparer edits
/// the deliverables of their entities (and reads their partners' PIP instances); a reviewer reads
/// everything and records reviews; a viewer reads.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin, preparer, reviewer, viewer
}

/// A workspace user.
public struct WorkspaceUser: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var role: Role
    /// Entity abbreviations a preparer works for (empty for other roles: they see all).
    public var entities: [String]
    public var disabled: Bool
    public var passwordHash: String

    public init(id: Int64 = 0, name: String, role: Role, entities: [String] = [], disabled: Bool = false, passwordHash: String) {
        self.id = id
        self.name = name
        self.role = role
        self.entities = entities
        self.disabled = disabled
        self.passwordHash = passwordHash
    }
}

/// A signed-in session: the cookie holds a random token, the store only its SHA-256.
public struct WorkspaceSession: Sendable, Hashable {
    public var tokenHash: String
    public var userID: Int64
    /// The CSRF token every state-changing form must send back.
    public var csrf: String
    public var expires: Date

    public init(tokenHash: String, userID: Int64, csrf: String, expires: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrf = csrf
        self.expires = expires
    }
}

/// One saved version of an instance's form data.
public struct DraftVersion: Sendable, Hashable {
    public var instanceID: Int64
    public var version: Int
    public var author: String
    public var created: String
    /// The data as JSON text.
    public var data: String
}

/// Why a workspace operation was refused.
public enum WorkspaceError: Error, Sendable, Equatable {
    case duplicateUser(String)
    case unknownUser(String)
    case invalid(String)
}

/// Where the workspace keeps users, sessions and drafts. `SQLiteWorkspaceStore` is the embedded
/// default; a PostgreSQL store implements the same protocol (as the tracker's `TrackerStore`).
public protocol WorkspaceStore: Sendable {
    func addUser(_ user: WorkspaceUser) throws -> WorkspaceUser
    func users() throws -> [WorkspaceUser]
    func user(named name: String) throws -> WorkspaceUser?
    func user(id: Int64) throws -> WorkspaceUser?
    func setDisabled(_ name: String, _ disabled: Bool) throws
    func setFeedToken(userID: Int64, hash: String) throws
    func user(feedTokenHash: String) throws -> WorkspaceUser?

    func createSession(_ session: WorkspaceSession) throws
    func session(tokenHash: String) throws -> WorkspaceSession?
    func deleteSession(tokenHash: String) throws

    func saveDraft(instanceID: Int64, author: String, created: String, data: String) throws -> DraftVersion
    func drafts(instanceID: Int64) throws -> [DraftVersion]
}
