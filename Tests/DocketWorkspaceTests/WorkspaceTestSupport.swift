import DocketCalendar
import DocketCore
import DocketDeliverables
import DocketTestSupport
import DocketTracker
import DocketWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A workspace on temporary SQLite files: a hospital (MBRH) and its partner ACO (NSCC), a third
/// entity (OTHR), the real calendar synced, and one user per role.
struct WorkspaceFixture {
    let workspace: Workspace
    let dir: URL
    static let password = "correct horse battery"

    /// `path`: the server's `$PATH` (where PDF downloads find LibreOffice); none by default.
    init(maxUpload: Int = 20 << 20, path: String = "") throws {
        dir = TestPaths.temporaryDirectory("workspace")
        let env = try DocketEnvironment.resolve(variables: ["DOCKET_NOW": "2023-09-20", "DOCKET_HOME": TestPaths.packageRoot.path, "PATH": path],
                                                executable: "", currentDirectory: dir.path)
        let registry = try DeliverableRegistry.load(root: TestPaths.packageRoot)
        let tracker = try SQLiteTrackerStore(path: dir.appendingPathComponent("tracker.sqlite").path)
        let store = try SQLiteWorkspaceStore(path: dir.appendingPathComponent("workspace.sqlite").path)
        workspace = Workspace(environment: env, registry: registry, trackerStore: tracker, store: store, bcryptCost: 4, maxUpload: maxUpload)
        let t = Tracker(store: tracker, context: TrackerContext(environment: env, by: "setup"))
        try t.addEntity(Entity(abbreviation: "MBRH", name: "Merrimack Bay Regional Hospital", type: "hospital"))
        try t.addEntity(Entity(abbreviation: "NSCC", name: "North Shore Community Care ACO", type: "aco", partners: ["MBRH"]))
        try t.addEntity(Entity(abbreviation: "OTHR", name: "Other Hospital", type: "hospital"))
        _ = try t.sync(from: CalendarScheduleProvider.load(path: env.schedulePath))
        for (name, role, entities) in [("ada", Role.admin, [String]()), ("pat", .preparer, ["MBRH"]), ("rita", .reviewer, []), ("vic", .viewer, [])] {
            _ = try workspace.addUser(name: name, role: role, entities: entities, password: Self.password)
        }
    }

    var app: some ApplicationProtocol { WorkspaceApp.application(workspace, host: "127.0.0.1", port: 0) }

    /// The id of an instance by key.
    func instance(_ key: String) throws -> Int64 {
        let t = Tracker(store: workspace.trackerStore, context: TrackerContext(now: Date(), user: "test"))
        return try t.instance(key).id
    }
}

/// A signed-in test client: keeps the session cookie, reads CSRF tokens from pages.
struct Browser {
    let client: any TestClientProtocol
    var cookie: String? = nil

    init(_ client: any TestClientProtocol) { self.client = client }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(string: fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
    }

    func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
        var h = extra
        if let cookie { h[.cookie] = "docket_session=\(cookie)" }
        return h
    }

    func get(_ uri: String, _ extra: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers(extra), body: nil)
    }

    func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: headers([.contentType: "application/x-www-form-urlencoded"]), body: Self.form(fields))
    }

    /// Signs in as `name`; returns the response of the sign-in.
    @discardableResult mutating func signIn(_ name: String, password: String = WorkspaceFixture.password) async throws -> TestResponse {
        let r = try await post("/login", [("name", name), ("password", password)])
        if let set = r.headers[.setCookie], let start = set.range(of: "docket_session=") {
            cookie = String(set[start.upperBound...].prefix { $0 != ";" })
        }
        return r
    }

    /// The CSRF token on the page at `uri`.
    func csrf(_ uri: String = "/") async throws -> String {
        let page = String(buffer: try await get(uri).body)
        guard let r = page.range(of: "name=\"_csrf\" value=\"") else { return "" }
        return String(page[r.upperBound...].prefix { $0 != "\"" })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
