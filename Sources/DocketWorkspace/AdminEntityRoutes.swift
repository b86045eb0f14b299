import DocketTracker
import Foundation
import HTTPTypes
import Hummingbird

/// Admin: one entity's details edited in the page (name, type, partners, obstetric services,
/// partner exemption), then its calendar synced again so its deliverables follow the change.
struct AdminEntityRoutes {
    let workspace: Workspace
    let admin: AdminRoutes

    func show(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user else { return Reply.redirect("/login") }
        guard user.role == .admin else { return Reply.forbidden(context, "Only admins manage users and entities.") }
        guard let abbr = context.parameters.get("abbr"),
              let entity = try workspace.tracker(for: user).entities().first(where: { $0.abbreviation == abbr }) else { return Reply.notFound(context) }
        return Reply.page("Entity \(entity.abbreviation)", context, form(entity, context))
    }

    func form(_ e: Entity, _ context: WorkspaceContext, problem: String? = nil) -> String {
        var body = problem.map { HTML.errorSummary([($0, "/name")]) } ?? ""
        body += "<p>Abbreviation <strong>\(HTML.esc(e.abbreviation))</strong> (the key in OnBase file names; it cannot change).</p>"
        body += "<form method=\"post\" action=\"/admin/entities/\(HTML.esc(e.abbreviation))\">\(Reply.csrf(context))"
        body += "<label for=\"\(HTML.fieldID("/name"))\">Name</label><input type=\"text\" id=\"\(HTML.fieldID("/name"))\" name=\"name\" value=\"\(HTML.esc(e.name))\">"
        body += "<label for=\"e-type\">Type</label><select id=\"e-type\" name=\"type\">"
            + Entity.knownTypes.map { "<option value=\"\($0)\"\($0 == e.type ? " selected" : "")>\($0)</option>" }.joined() + "</select>"
        body += "<label for=\"e-partners\">Partners<span class=\"hint\">Abbreviations, separated by commas (ACO ↔ hospital)</span></label>"
            + "<input type=\"text\" id=\"e-partners\" name=\"partners\" value=\"\(HTML.esc(e.partners.joined(separator: ", ")))\">"
        body += "<div class=\"check\"><input type=\"checkbox\" id=\"e-obstetric\" name=\"obstetric\" value=\"1\"\(e.obstetric ? " checked" : "")>"
            + "<label for=\"e-obstetric\">Provides obstetric delivery services (PIP 2 then focuses on Preventive, Perinatal, or Pediatric Care, R000-26/R000-27)</label></div>"
        body += "<div class=\"check\"><input type=\"checkbox\" id=\"e-exempt\" name=\"partnerExempt\" value=\"1\"\(e.partnerExempt ? " checked" : "")>"
            + "<label for=\"e-exempt\">Partner exempt entity (still files PIP deliverables, R000-02)</label></div>"
        return body + "<button type=\"submit\">Save and sync its calendar</button></form><p><a href=\"/admin\">Back to admin</a></p>"
    }

    func update(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user, user.role == .admin else { return Reply.forbidden(context, "Only admins manage users and entities.") }
        let fields = try await FormBody.fields(request, context: context)
        guard Reply.csrfOK(fields.value("_csrf"), context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        let tracker = workspace.tracker(for: user)
        guard let abbr = context.parameters.get("abbr"),
              var entity = try tracker.entities().first(where: { $0.abbreviation == abbr }) else { return Reply.notFound(context) }
        let type = fields.value("type") ?? entity.type
        if type != entity.type { entity.alsoTypes = Entity.impliedTypes[type] ?? [] }
        entity.name = (fields.value("name") ?? entity.name).trimmingCharacters(in: .whitespaces)
        entity.type = type
        entity.partners = (fields.value("partners") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        entity.obstetric = fields.value("obstetric") == "1"
        entity.partnerExempt = fields.value("partnerExempt") == "1"
        do {
            try tracker.addEntity(entity)
            let report = try tracker.sync(from: CalendarScheduleProvider.load(path: workspace.environment.schedulePath), entity: abbr)
            return try admin.page(context, notice: "Saved \(abbr): \(report.created.count) deliverables added, \(report.updated.count) updated from the calendar.")
        } catch let e as TrackerError {
            return Reply.page("Entity \(abbr)", context, form(entity, context, problem: e.diagnostic.message), status: .unprocessableContent)
        }
    }
}
