import DocketTracker
import Foundation
import Hummingbird

/// The board: the team's instances, overdue first, days left, "uploaded, not submitted" flagged,
/// filters by entity and program; CSV download.
struct BoardRoutes {
    let workspace: Workspace

    func rows(for user: WorkspaceUser, entity: String?, program: String?, entities known: [Entity]? = nil) throws -> [BoardRow] {
        let tracker = workspace.tracker(for: user)
        let entities = try known ?? tracker.entities()
        let board = Board(instances: try tracker.instances(), today: workspace.today.description)
        return board.rows.filter { row in
            workspace.canRead(user, row.instance, entities: entities)
                && (entity.map { row.instance.entity == $0 } ?? true) && (program.map { row.instance.program == $0 } ?? true)
        }
    }

    func board(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user else { return Reply.redirect("/login") }
        let q = request.uri.queryParameters
        let entity = q["entity"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let program = q["program"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let all = try workspace.tracker(for: user).entities()
        let every = try rows(for: user, entity: entity, program: program, entities: all)
        // By default the board shows what is current: deliverables more than a year overdue (e.g.
        // DSRIP periods long past) are counted, not listed; `?all=1` lists them too.
        let showAll = q["all"] == "1"
        let rows = showAll ? every : every.filter { ($0.daysLeft ?? 0) >= -365 }
        let hidden = every.count - rows.count
        let entities = all.filter { e in user.role != .preparer || user.entities.contains(e.abbreviation) }
        let entityOptions = entities.map { "<option value=\"\(HTML.esc($0.abbreviation))\"\(entity == $0.abbreviation ? " selected" : "")>\(HTML.esc($0.abbreviation)) — \(HTML.esc($0.name))</option>" }.joined()
        let programs = ["pip", "hqe", "dsrip", "dsti"].map { "<option value=\"\($0)\"\(program == $0 ? " selected" : "")>\($0.uppercased())</option>" }.joined()
        var lines: [String] = []
        lines.reserveCapacity(rows.count + 2)
        lines.append("<table><caption>Deliverables due, overdue first (today \(workspace.today))</caption><thead><tr><th scope=\"col\">Entity</th><th scope=\"col\">Deliverable</th><th scope=\"col\">Due</th><th scope=\"col\">Days left</th><th scope=\"col\">Status</th><th scope=\"col\">Flags</th></tr></thead><tbody>")
        for r in rows {
            let i = r.instance
            let days = r.daysLeft.map { $0 < 0 ? "<span class=\"overdue\">\(-$0) days overdue</span>" : "\($0)" } ?? "—"
            let flags = r.flags.map { "<span class=\"flag\">\(HTML.esc($0.message))</span>" }.joined(separator: " ")
            lines.append("<tr><td>\(HTML.esc(i.entity))</td><td><a href=\"/instances/\(i.id)\">\(HTML.esc(i.title))</a></td><td>\(HTML.esc(i.effectiveDue ?? "pending"))</td><td>\(days)</td><td>\(HTML.esc(i.status.rawValue))</td><td>\(flags)</td></tr>")
        }
        lines.append("</tbody></table>")
        let table = lines.joined()
        let empty = rows.isEmpty ? "<p class=\"notice\">No deliverables yet. An admin adds entities and syncs the calendar (<code>docket track sync</code>).</p>" : ""
        return Reply.page("Board", context, """
            <form method="get" action="/" class="filters"><div><label for="entity">Entity</label><select id="entity" name="entity"><option value="">All</option>\(entityOptions)</select></div>
            <div><label for="program">Program</label><select id="program" name="program"><option value="">All</option>\(programs)</select></div>
            <button type="submit">Filter</button></form>
            <p><a href="/board.csv">Download as CSV</a> · <a href="/calendar">Calendar and ICS feed</a></p>
            \(hidden > 0 ? "<p class=\"notice\">\(hidden) deliverable\(hidden == 1 ? " was" : "s were") due more than a year ago and \(hidden == 1 ? "is" : "are") not listed. <a href=\"/?all=1\(entity.map { "&amp;entity=\(HTML.esc($0))" } ?? "")\(program.map { "&amp;program=\(HTML.esc($0))" } ?? "")\">Show all</a></p>" : "")
            \(empty)\(rows.isEmpty ? "" : table)
            """)
    }

    func csv(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let user = context.user else { return Reply.redirect("/login") }
        let text = BoardFormat.csv(try rows(for: user, entity: nil, program: nil))
        return Reply.file(Array(text.utf8), name: "docket-board.csv", type: "text/csv; charset=utf-8")
    }
}
