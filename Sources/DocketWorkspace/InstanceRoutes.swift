import DocketTracker
import Foundation
import Hummingbird

/// One instance: due date with its source and certainty, history, lifecycle actions legal from
/// its status (with the OnBase two-step reminder), and the review form for reviewers.
struct InstanceRoutes {
    let workspace: Workspace

    enum Access {
        case granted(WorkspaceUser, Instance, Tracker)
        case refused(Response)
    }

    /// The instance of the `id` parameter, if the user may read it.
    func load(_ context: WorkspaceContext) throws -> Access {
        guard let user = context.user else { return .refused(Reply.redirect("/login")) }
        let tracker = workspace.tracker(for: user)
        guard let id = context.parameters.get("id", as: Int64.self), id > 0,
              let instance = try? tracker.instance(String(id)) else { return .refused(Reply.notFound(context)) }
        guard workspace.canRead(user, instance, entities: try tracker.entities()) else {
            return .refused(Reply.forbidden(context, "This deliverable belongs to an entity you do not work for."))
        }
        return .granted(user, instance, tracker)
    }

    func show(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let (user, i, tracker): (WorkspaceUser, Instance, Tracker)
        switch try load(context) {
        case .refused(let r): return r
        case .granted(let u, let inst, let t): (user, i, tracker) = (u, inst, t)
        }
        let (_, events, reviews) = try tracker.history(String(i.id))
        var body = "<dl><dt>Entity</dt><dd>\(HTML.esc(i.entity))</dd><dt>Due</dt><dd>\(HTML.esc(i.effectiveDue ?? "pending: waits for a date the State sets"))"
        body += " (\(HTML.esc(i.dueStatus)))</dd><dt>Source</dt><dd>\(HTML.esc(i.source))</dd><dt>Status</dt><dd>\(HTML.esc(i.status.rawValue))</dd></dl>"
        if i.status == .uploaded {
            body += "<p class=\"notice\">Uploaded to OnBase but not submitted: in OnBase, click “submit”, then record it here.</p>"
        }
        if workspace.deliverable(for: i) != nil {
            body += "<p><a href=\"/instances/\(i.id)/form\">Open the form</a></p>"
        }
        if workspace.canEdit(user, i) {
            let next = i.status.legalNext.filter { $0 != i.status }
            if !next.isEmpty {
                body += "<form method=\"post\" action=\"/instances/\(i.id)/status\">\(Reply.csrf(context))<label for=\"status\">Record a step</label><select id=\"status\" name=\"status\">"
                body += next.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
                body += "</select><label for=\"note\">Note</label><input type=\"text\" id=\"note\" name=\"note\"><button type=\"submit\">Record</button></form>"
            }
        }
        if user.role == .reviewer || user.role == .admin, Lifecycle.reviewEntry.contains(i.status) {
            body += reviewForm(i, context)
        }
        body += "<h2>History</h2><table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">From → to</th><th scope=\"col\">Note</th><th scope=\"col\">File hash</th></tr></thead><tbody>"
        for e in events {
            body += "<tr><td>\(HTML.esc(e.at))</td><td>\(HTML.esc(e.by))</td><td>\(HTML.esc(e.from?.rawValue ?? "—")) → \(HTML.esc(e.to.rawValue))</td><td>\(HTML.esc(e.note ?? ""))</td><td>\(HTML.esc(e.sha256.map { String($0.prefix(12)) } ?? ""))</td></tr>"
        }
        body += "</tbody></table>"
        if !reviews.isEmpty {
            body += "<h2>Reviews</h2><ul>" + reviews.map { r in
                "<li>\(HTML.esc(r.at)) by \(HTML.esc(r.by)): " + r.criteria.map { "\(HTML.esc($0.criterion)) \(HTML.esc($0.rating.rawValue))" }.joined(separator: ", ")
                    + (r.resubmitBy.map { "; resubmit by \(HTML.esc($0))" } ?? "") + "</li>"
            }.joined() + "</ul>"
        }
        let drafts = try workspace.store.drafts(instanceID: i.id)
        if !drafts.isEmpty {
            body += "<h2>Saved versions</h2><ul>" + drafts.reversed().map { d in
                "<li>Version \(d.version), \(HTML.esc(d.created)) by \(HTML.esc(d.author)): "
                    + "<a href=\"/instances/\(i.id)/versions/\(d.version)/docx\">.docx</a> · <a href=\"/instances/\(i.id)/versions/\(d.version)/md\">.md</a></li>"
            }.joined() + "</ul>"
        }
        return Reply.page(i.title, context, body)
    }

    func reviewForm(_ i: Instance, _ context: WorkspaceContext) -> String {
        // The deliverable's rubric (deliverable.yaml): each criterion with its domain and text.
        let rubric = workspace.deliverable(for: i)?.rubric.criteria ?? []
        let criteria = rubric.isEmpty ? [("overall", "Overall")] : rubric.map { ($0.id, [$0.domain, $0.criteria, $0.rule.map { "(\($0))" }].compactMap { $0 }.joined(separator: ": ")) }
        var out = "<h2>Record the review</h2><form method=\"post\" action=\"/instances/\(i.id)/review\">\(Reply.csrf(context))"
        for (c, label) in criteria {
            out += "<label for=\"r-\(c)\">\(HTML.esc(label))</label><select id=\"r-\(c)\" name=\"criterion:\(c)\">"
            out += Rating.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined() + "</select>"
        }
        out += "<label for=\"comment\">Comments</label><textarea id=\"comment\" name=\"comment\"></textarea>"
        out += "<label for=\"resubmitBy\">Resubmit by<span class=\"hint\">Required when a criterion is not Met</span></label><input type=\"date\" id=\"resubmitBy\" name=\"resubmitBy\">"
        return out + "<button type=\"submit\">Record review</button></form>"
    }

    enum Posted {
        case granted(WorkspaceUser, Instance, Tracker, [(String, String)])
        case refused(Response)
    }

    /// A form posted about the instance: loaded as `load` does, its fields read, its CSRF token checked.
    func posted(_ request: Request, _ context: WorkspaceContext) async throws -> Posted {
        switch try load(context) {
        case .refused(let r): return .refused(r)
        case .granted(let u, let i, let t):
            let fields = try await FormBody.fields(request, context: context)
            guard Reply.csrfOK(fields.value("_csrf"), context) else {
                return .refused(Reply.forbidden(context, "The form has expired: reload the page and try again."))
            }
            return .granted(u, i, t, fields)
        }
    }

    func setStatus(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let (user, i, tracker, fields): (WorkspaceUser, Instance, Tracker, [(String, String)])
        switch try await posted(request, context) {
        case .refused(let r): return r
        case .granted(let u, let inst, let t, let f): (user, i, tracker, fields) = (u, inst, t, f)
        }
        guard workspace.canEdit(user, i) else { return Reply.forbidden(context, "Only the entity's preparers record its steps.") }
        guard let status = fields.value("status").flatMap(InstanceStatus.init(rawValue:)) else { return Reply.badRequest(context, "Choose a step.") }
        do {
            _ = try tracker.setStatus(String(i.id), to: status, note: fields.value("note").flatMap { $0.isEmpty ? nil : $0 })
        } catch let e as TrackerError {
            return Reply.badRequest(context, e.diagnostic.message)
        }
        return Reply.redirect("/instances/\(i.id)")
    }

    func review(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let (user, i, tracker, fields): (WorkspaceUser, Instance, Tracker, [(String, String)])
        switch try await posted(request, context) {
        case .refused(let r): return r
        case .granted(let u, let inst, let t, let f): (user, i, tracker, fields) = (u, inst, t, f)
        }
        guard user.role == .reviewer || user.role == .admin else { return Reply.forbidden(context, "Only reviewers record reviews.") }
        let ratings = fields.filter { $0.0.hasPrefix("criterion:") }.compactMap { k, v in
            Rating(rawValue: v).map { CriterionRating(criterion: String(k.dropFirst("criterion:".count)), rating: $0) }
        }
        let resubmit = fields.value("resubmitBy").flatMap { $0.isEmpty ? nil : $0 }
        do {
            try tracker.review(String(i.id), criteria: ratings, comment: fields.value("comment").flatMap { $0.isEmpty ? nil : $0 }, resubmitBy: resubmit)
        } catch let e as TrackerError {
            return Reply.badRequest(context, e.diagnostic.message)
        }
        return Reply.redirect("/instances/\(i.id)")
    }
}
