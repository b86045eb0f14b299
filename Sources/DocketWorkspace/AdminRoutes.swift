import DocketCalendar
import DocketTracker
import Foundation
import Hummingbird

/// Admin: users and their roles/entities, and the entities.
struct AdminRoutes {
    let workspace: Workspace

    func show(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user else { return Reply.redirect("/login") }
        guard user.role == .admin else { return Reply.forbidden(context, "Only admins manage users and entities.") }
        return try page(context, notice: nil)
    }

    func page(_ context: WorkspaceContext, notice: String?, problem: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        let users = try workspace.store.users()
        let entities = try workspace.tracker(for: context.user ?? WorkspaceUser(name: "admin", role: .admin, passwordHash: "")).entities()
        var body = problem.map { HTML.errorSummary([($0, "/name")]) } ?? ""
        body += notice.map { "<p class=\"notice\" role=\"status\">\(HTML.esc($0))</p>" } ?? ""
        body += "<h2>Users</h2><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\">Entities</th><th scope=\"col\">State</th></tr></thead><tbody>"
        for u in users {
            let action = u.disabled ? "disabled"
                : "<form method=\"post\" action=\"/admin/users/\(HTML.esc(u.name))/disable\" class=\"inline\">\(Reply.csrf(context))<button type=\"submit\" class=\"warning\">Disable \(HTML.esc(u.name))</button></form>"
            body += "<tr><td>\(HTML.esc(u.name))</td><td>\(u.role.rawValue)</td><td>\(HTML.esc(u.entities.joined(separator: ", ")))</td><td>\(action)</td></tr>"
        }
        body += "</tbody></table><h2>Add a user</h2><form method=\"post\" action=\"/admin/users\">\(Reply.csrf(context))"
        body += "<label for=\"\(HTML.fieldID("/name"))\">User name</label><input type=\"text\" id=\"\(HTML.fieldID("/name"))\" name=\"name\" autocomplete=\"off\">"
        body += "<label for=\"role\">Role</label><select id=\"role\" name=\"role\">" + Role.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined() + "</select>"
        body += "<label for=\"entities\">Entities<span class=\"hint\">For preparers: abbreviations, separated by commas</span></label><input type=\"text\" id=\"entities\" name=\"entities\">"
        body += "<label for=\"password\">Password<span class=\"hint\">At least 8 characters</span></label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"new-password\">"
        body += "<button type=\"submit\">Add user</button></form>"
        body += "<h2>Entities</h2><ul>" + entities.map { "<li><a href=\"/admin/entities/\(HTML.esc($0.abbreviation))\">\(HTML.esc($0.abbreviation))</a> — \(HTML.esc($0.name)) (\(HTML.esc($0.type)))\($0.partners.isEmpty ? "" : ", partners: " + HTML.esc($0.partners.joined(separator: ", ")))</li>" }.joined() + "</ul>"
        body += "<h2>Add an entity</h2><form method=\"post\" action=\"/admin/entities\">\(Reply.csrf(context))"
        body += "<label for=\"e-abbr\">Abbreviation<span class=\"hint\">As in OnBase file names, e.g. MBRH</span></label><input type=\"text\" id=\"e-abbr\" name=\"abbreviation\">"
        body += "<label for=\"e-name\">Name</label><input type=\"text\" id=\"e-name\" name=\"name\">"
        body += "<label for=\"e-type\">Type</label><select id=\"e-type\" name=\"type\">" + Entity.knownTypes.map { "<option value=\"\($0)\">\($0)</option>" }.joined() + "</select>"
        body += "<label for=\"e-partner\">Partner<span class=\"hint\">Optional: the partner's abbreviation (ACO ↔ hospital)</span></label><input type=\"text\" id=\"e-partner\" name=\"partner\">"
        body += "<button type=\"submit\">Add entity and sync its calendar</button></form>"
        return Reply.page("Admin", context, body, status: status)
    }

    func addUser(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard context.user?.role == .admin else { return Reply.forbidden(context, "Only admins manage users and entities.") }
        let fields = try await FormBody.fields(request, context: context)
        guard Reply.csrfOK(fields.value("_csrf"), context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        let name = fields.value("name") ?? ""
        let role = fields.value("role").flatMap(Role.init(rawValue:)) ?? .viewer
        let entities = (fields.value("entities") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            _ = try workspace.addUser(name: name, role: role, entities: entities, password: fields.value("password") ?? "")
        } catch let e as WorkspaceError {
            let why: String
            switch e {
            case .duplicateUser(let n): why = "A user named \(n) already exists"
            case .unknownUser(let n): why = "No user named \(n)"
            case .invalid(let m): why = m.prefix(1).uppercased() + m.dropFirst()
            }
            return try page(context, notice: nil, problem: why, status: .unprocessableContent)
        }
        return try page(context, notice: "Added \(name) (\(role.rawValue)).")
    }

    func addEntity(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user, user.role == .admin else { return Reply.forbidden(context, "Only admins manage users and entities.") }
        let fields = try await FormBody.fields(request, context: context)
        guard Reply.csrfOK(fields.value("_csrf"), context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        let abbr = (fields.value("abbreviation") ?? "").trimmingCharacters(in: .whitespaces)
        let partner = (fields.value("partner") ?? "").trimmingCharacters(in: .whitespaces)
        let entity = Entity(abbreviation: abbr, name: fields.value("name") ?? "", type: fields.value("type") ?? "",
                            partners: partner.isEmpty ? [] : [partner], alsoTypes: Entity.impliedTypes[fields.value("type") ?? ""] ?? [])
        let tracker = workspace.tracker(for: user)
        do {
            try tracker.addEntity(entity)
            let report = try tracker.sync(from: CalendarScheduleProvider.load(path: workspace.environment.schedulePath), entity: abbr)
            return try page(context, notice: "Added \(abbr): \(report.created.count) deliverables from the calendar.")
        } catch let e as TrackerError {
            return try page(context, notice: nil, problem: e.diagnostic.message, status: .unprocessableContent)
        }
    }

    func disable(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard context.user?.role == .admin else { return Reply.forbidden(context, "Only admins manage users and entities.") }
        let fields = try await FormBody.fields(request, context: context)
        guard Reply.csrfOK(fields.value("_csrf"), context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        guard let name = context.parameters.get("name") else { return Reply.notFound(context) }
        do { try workspace.store.setDisabled(name, true) } catch { return Reply.notFound(context) }
        return try page(context, notice: "Disabled \(name).")
    }
}
