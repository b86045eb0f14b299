import Foundation
import Hummingbird

/// Reads the session cookie, and sends anyone not signed in to `/login` (303), except for the
/// public routes (sign-in, health, calendar feeds). Checks the CSRF token of every POST made in a
/// session. Answers 413 to bodies over the upload limit before reading them.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    let workspace: Workspace
    static let cookie = "docket_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.uploadLimit = workspace.maxUpload
        if let length = request.headers[.contentLength].flatMap(Int.init), length > workspace.maxUpload {
            return Response(status: .contentTooLarge, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "the upload is over \(workspace.maxUpload >> 20) MB")))
        }
        if let token = request.cookies[Self.cookie]?.value,
           let session = try workspace.store.session(tokenHash: Secrets.sha256(token)), session.expires > Date(),
           let user = try workspace.store.user(id: session.userID), !user.disabled {
            context.user = user
            context.session = session
        }
        let path = request.uri.path
        let open = path == "/login" || path == "/healthz" || path.hasPrefix("/feeds/")
        if context.user == nil && !open {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        return try await next(request, context)
    }
}
