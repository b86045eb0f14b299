import Hummingbird

/// Response helpers: pages, redirects, errors, downloads.
enum Reply {
    static func page(_ title: String, _ context: WorkspaceContext, _ body: String, status: HTTPResponse.Status = .ok) -> Response {
        html(HTML.page(title, user: context.user, csrf: context.session?.csrf, body: body), status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func forbidden(_ context: WorkspaceContext, _ why: String) -> Response {
        page("Not allowed", context, "<p>\(HTML.esc(why))</p><p><a href=\"/\">Back to the board</a></p>", status: .forbidden)
    }

    static func notFound(_ context: WorkspaceContext) -> Response {
        page("Not found", context, "<p>There is nothing here.</p><p><a href=\"/\">Back to the board</a></p>", status: .notFound)
    }

    static func badRequest(_ context: WorkspaceContext, _ why: String) -> Response {
        page("Cannot do that", context, "<p>\(HTML.esc(why))</p><p><a href=\"/\">Back to the board</a></p>", status: .badRequest)
    }

    static func file(_ bytes: [UInt8], name: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The hidden CSRF field of every form.
    static func csrf(_ context: WorkspaceContext) -> String {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.esc(context.session?.csrf ?? ""))\">"
    }

    /// Whether the posted `_csrf` is the session's.
    static func csrfOK(_ given: String?, _ context: WorkspaceContext) -> Bool {
        guard let expected = context.session?.csrf, let given else { return false }
        return Secrets.equal(given, expected)
    }
}
