import DocketCore
import DocketValidation
import Foundation
import Hummingbird

/// Check a submission: upload any .docx/.md/.yaml/.json and get the located report. Nothing is
/// kept: the upload is written to a private temporary file for the validator and removed.
struct CheckRoutes {
    let workspace: Workspace

    func page(_ context: WorkspaceContext, report: ValidationReport? = nil, problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        var body = problem.map { HTML.errorSummary([($0, "/file")]) } ?? ""
        body += """
            <p>Upload a filled deliverable (.docx or .md) or its data (.yaml, .json). It is checked as <code>docket validate</code> does and not kept.</p>
            <form method="post" action="/check" enctype="multipart/form-data">\(Reply.csrf(context))
            <label for="\(HTML.fieldID("/file"))">File</label><input type="file" id="\(HTML.fieldID("/file"))" name="file" accept=".docx,.md,.yaml,.yml,.json">
            <button type="submit">Check</button></form>
            """
        if let report {
            let verdict = report.valid ? "No errors" : "\(report.errors.count) error\(report.errors.count == 1 ? "" : "s")"
            body += "<h2>\(HTML.esc(report.file)): \(verdict), \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")</h2>"
            if let d = report.deliverable { body += "<p>Checked as <strong>\(HTML.esc(d))</strong>.</p>" }
            body += "<table><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Message</th><th scope=\"col\">Where</th></tr></thead><tbody>"
            for d in report.placedDiagnostics {
                let place = [d.location?.position.map { "line \($0.line)" }, d.location?.place].compactMap { $0 }.joined(separator: ", ")
                body += "<tr><td>\(d.severity.rawValue)</td><td>\(HTML.esc(d.rule))</td><td>\(HTML.esc(d.message))</td><td>\(HTML.esc(place))</td></tr>"
            }
            body += "</tbody></table>"
        }
        return Reply.page("Check a submission", context, body, status: status)
    }

    func show(_ request: Request, _ context: WorkspaceContext) async throws -> Response { page(context) }

    func check(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        guard let upload = try await FormBody.upload(request, context: context, field: "file") else {
            return page(context, problem: "Choose a file to check", status: .badRequest)
        }
        guard Reply.csrfOK(upload.fields["_csrf"], context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        let name = upload.fileName.filter { $0.isLetter || $0.isNumber || "._-".contains($0) }
        guard !name.isEmpty, SubmissionValidator.supports(name) else {
            return page(context, problem: "Upload a .docx, .md, .yaml or .json file", status: .badRequest)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-check-\(Secrets.token())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try Data(upload.bytes).write(to: URL(fileURLWithPath: path))
        let validator = SubmissionValidator(options: ValidationOptions(registry: workspace.registry,
            calendar: workspace.calendar.get(workspace.environment.schedulePath)?.dueDates))
        var report = validator.validate(path)
        report.file = name
        report.diagnostics = report.diagnostics.map { d in
            var d = d
            if d.location?.file == path { d.location?.file = name }
            return d
        }
        return page(context, report: report, status: report.valid ? .ok : .unprocessableContent)
    }
}
