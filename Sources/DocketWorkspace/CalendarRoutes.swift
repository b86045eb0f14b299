import DocketCalendar
import DocketTracker
import Foundation
import Hummingbird

/// The calendar: upcoming deadlines of the user's entities, and a private subscription feed
/// (`/feeds/<token>.ics`, the token stored hashed, reset at will) that reflects tracker state.
struct CalendarRoutes {
    let workspace: Workspace
    let board: BoardRoutes

    func show(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user else { return Reply.redirect("/login") }
        let upcoming = try board.rows(for: user, entity: nil, program: nil).filter { ($0.daysLeft ?? Int.max) <= 90 }
        var body = "<h2>Due in the next 90 days, and overdue</h2><ul>"
        body += upcoming.map { "<li><a href=\"/instances/\($0.instance.id)\">\(HTML.esc($0.instance.title))</a> (\(HTML.esc($0.instance.entity))): \(HTML.esc($0.instance.effectiveDue ?? ""))</li>" }.joined()
        body += "</ul><h2>Your calendar feed</h2><p>Subscribe in Outlook, Google or Apple Calendar. The link is private: anyone with it sees your deadlines. A new link stops the old one.</p>"
        body += "<form method=\"post\" action=\"/calendar/feed\">\(Reply.csrf(context))<button type=\"submit\">Make a new feed link</button></form>"
        return Reply.page("Calendar", context, body)
    }

    func newFeed(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user else { return Reply.redirect("/login") }
        let fields = try await FormBody.fields(request, context: context)
        guard Reply.csrfOK(fields.value("_csrf"), context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        let token = Secrets.token()
        try workspace.store.setFeedToken(userID: user.id, hash: Secrets.sha256(token))
        let host = request.head.authority ?? "localhost"
        return Reply.page("Calendar", context, """
            <p class="notice" role="status">Your new feed link (shown once):</p>
            <p><a href="/feeds/\(token).ics">https://\(HTML.esc(host))/feeds/\(token).ics</a></p>
            <p><a href="webcal://\(HTML.esc(host))/feeds/\(token).ics">Subscribe with webcal://</a></p>
            """)
    }

    func feed(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let file = context.parameters.get("file"), file.hasSuffix(".ics"),
              let user = try workspace.store.user(feedTokenHash: Secrets.sha256(String(file.dropLast(4)))) else {
            return Response(status: .notFound)
        }
        let rows = try board.rows(for: user, entity: nil, program: nil)
        var events: [CalendarEvent] = []
        for r in rows {
            let i = r.instance
            let status = EventStatus(rawValue: i.dueStatus) ?? .explicit
            let source = EventSource(document: "tracker", line: "", quote: i.source)
            let done = [InstanceStatus.submitted, .reviewed, .accepted].contains(i.status)
            if let due = i.due {
                events.append(CalendarEvent(id: "\(i.entity).\(i.eventID)", title: (done ? "[\(i.status.rawValue)] " : "") + "\(i.entity): \(i.title)",
                                            program: i.program, entityTypes: [], due: due, status: status, source: source))
            }
            if let again = i.resubmitBy {
                events.append(CalendarEvent(id: "\(i.entity).\(i.eventID).resubmission", title: "\(i.entity): resubmit \(i.title)",
                                            program: i.program, entityTypes: [], due: again, status: .explicit, source: source))
            }
        }
        guard let schedule = workspace.calendar.get(workspace.environment.schedulePath)?.schedule else {
            return Response(status: .internalServerError)
        }
        let text = ICSWriter(schedule: schedule, nameSuffix: user.name).write(events)
        let etag = "\"" + Secrets.sha256(text).prefix(32) + "\""
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .eTag: etag, .cacheControl: "private, max-age=300"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
