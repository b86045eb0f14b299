import Foundation
import Hummingbird

/// Sign in and out: bcrypt passwords, a fresh session (and CSRF token) at every sign-in, cookie
/// HttpOnly + SameSite=Lax (+ Secure behind TLS), eight-hour expiry, throttled failures.
struct AuthRoutes {
    let workspace: Workspace
    static let lifetime: TimeInterval = 8 * 3600

    func loginPage(_ context: WorkspaceContext, problem: String? = nil, name: String = "", status: HTTPResponse.Status = .ok) -> Response {
        let summary = problem.map { HTML.errorSummary([($0, "/name")]) } ?? ""
        return Reply.page("Sign in", context, """
            \(summary)<form method="post" action="/login">
            <label for="\(HTML.fieldID("/name"))">User name</label><input type="text" id="\(HTML.fieldID("/name"))" name="name" value="\(HTML.esc(name))" autocomplete="username" required>
            <label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form>
            """, status: status)
    }

    func login(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let fields = try await FormBody.fields(request, context: context)
        let name = fields.value("name") ?? "", password = fields.value("password") ?? ""
        guard workspace.throttle.allowed(name) else {
            return loginPage(context, problem: "Too many failed attempts: wait five minutes and try again", name: name, status: .tooManyRequests)
        }
        guard let user = try workspace.store.user(named: name), !user.disabled, Secrets.verify(password, hash: user.passwordHash) else {
            workspace.throttle.failed(name)
            return loginPage(context, problem: "The user name or password is not right", name: name, status: .unauthorized)
        }
        workspace.throttle.succeeded(name)
        if let old = request.cookies[SessionMiddleware.cookie]?.value { try workspace.store.deleteSession(tokenHash: Secrets.sha256(old)) }
        let token = Secrets.token()
        try workspace.store.createSession(WorkspaceSession(tokenHash: Secrets.sha256(token), userID: user.id, csrf: Secrets.token(),
                                                           expires: Date().addingTimeInterval(Self.lifetime)))
        var response = Reply.redirect("/")
        response.setCookie(Cookie(name: SessionMiddleware.cookie, value: token, maxAge: Int(Self.lifetime), path: "/",
                                  secure: workspace.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    func logout(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let fields = try await FormBody.fields(request, context: context)
        guard Reply.csrfOK(fields.value("_csrf"), context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        if let session = context.session { try workspace.store.deleteSession(tokenHash: session.tokenHash) }
        var response = Reply.redirect("/login")
        response.setCookie(Cookie(name: SessionMiddleware.cookie, value: "", maxAge: 0, path: "/", secure: workspace.secureCookies,
                                  httpOnly: true, sameSite: .lax))
        return response
    }
}
