import Foundation
import Hummingbird

/// The workspace as a Hummingbird application: every route, behind `SessionMiddleware`.
public enum WorkspaceApp {
    public static func router(_ workspace: Workspace) -> Router<WorkspaceContext> {
        let router = Router(context: WorkspaceContext.self)
        router.add(middleware: SessionMiddleware(workspace: workspace))
        let auth = AuthRoutes(workspace: workspace)
        let board = BoardRoutes(workspace: workspace)
        let instances = InstanceRoutes(workspace: workspace)
        let forms = FormRoutes(workspace: workspace, instances: instances)
        let check = CheckRoutes(workspace: workspace)
        let calendar = CalendarRoutes(workspace: workspace, board: board)
        let admin = AdminRoutes(workspace: workspace)
        router.get("/healthz") { _, _ in "ok" }
        router.get("/login") { _, context in auth.loginPage(context) }
        router.post("/login", use: auth.login)
        router.post("/logout", use: auth.logout)
        router.get("/", use: board.board)
        router.get("/board.csv", use: board.csv)
        router.get("/instances/:id", use: instances.show)
        router.post("/instances/:id/status", use: instances.setStatus)
        router.post("/instances/:id/review", use: instances.review)
        router.get("/instances/:id/form", use: forms.show)
        router.post("/instances/:id/form", use: forms.post)
        router.post("/instances/:id/import", use: forms.importFile)
        router.get("/instances/:id/versions/:version/:format", use: forms.version)
        router.get("/check", use: check.show)
        router.post("/check", use: check.check)
        router.get("/calendar", use: calendar.show)
        router.post("/calendar/feed", use: calendar.newFeed)
        router.get("/feeds/:file", use: calendar.feed)
        router.get("/admin", use: admin.show)
        router.post("/admin/users", use: admin.addUser)
        router.post("/admin/users/:name/disable", use: admin.disable)
        router.post("/admin/entities", use: admin.addEntity)
        let entityAdmin = AdminEntityRoutes(workspace: workspace, admin: admin)
        router.get("/admin/entities/:abbr", use: entityAdmin.show)
        router.post("/admin/entities/:abbr", use: entityAdmin.update)
        return router
    }

    /// The application listening on `host:port` (loopback by default).
    public static func application(_ workspace: Workspace, host: String = "127.0.0.1", port: Int = 8080) -> some ApplicationProtocol {
        Application(router: router(workspace), configuration: .init(address: .hostname(host, port: port), serverName: "docket"))
    }
}

extension WorkspaceApp {
    /// Serves until the process is stopped (a synchronous front end, e.g. the CLI, calls this).
    public static func runBlocking(_ workspace: Workspace, host: String, port: Int) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let app = application(workspace, host: host, port: port)
        Task {
            do { try await app.runService() } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.get() { throw error }
    }

    final class FailureBox: @unchecked Sendable {
        private var error: (any Error)?
        private let lock = NSLock()
        func set(_ e: any Error) { lock.withLock { error = e } }
        func get() -> (any Error)? { lock.withLock { error } }
    }
}
