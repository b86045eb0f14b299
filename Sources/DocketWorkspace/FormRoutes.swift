import DocketCore
import DocketDeliverables
import DocketFill
import DocketForms
import DocketTracker
import Foundation
import Hummingbird

/// The form editor of an instance's deliverable: generated from its schema; Save draft (a
/// numbered version), Check (the CLI's schema + named-rule messages, an error summary linking to
/// each field), Preview (HTML), Download (.docx, .pdf, .md) named by the OnBase convention.
struct FormRoutes {
    let workspace: Workspace
    let instances: InstanceRoutes

    func form(for deliverable: Deliverable) throws -> SchemaForm { try workspace.form(for: deliverable) }

    func show(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let (user, i, tracker): (WorkspaceUser, Instance, Tracker)
        switch try instances.load(context) {
        case .refused(let r): return r
        case .granted(let u, let inst, let t): (user, i, tracker) = (u, inst, t)
        }
        guard let deliverable = workspace.deliverable(for: i) else { return Reply.notFound(context) }
        let entity = try tracker.entities().first { $0.abbreviation == i.entity }
        let (data, version) = try workspace.currentData(i, entity: entity)
        return render(i, deliverable, data: data, version: version, problems: [], notice: nil, editable: workspace.canEdit(user, i), context)
    }

    func render(_ i: Instance, _ deliverable: Deliverable, data: JSONValue, version: DraftVersion?, problems: [Diagnostic],
                notice: String?, editable: Bool, _ context: WorkspaceContext, status: HTTPResponse.Status = .ok) -> Response {
        let form: SchemaForm
        do { form = try self.form(for: deliverable) } catch { return Reply.badRequest(context, "The deliverable's schema cannot be read.") }
        var byField: [String: [String]] = [:]
        for d in problems where d.isError { byField[fieldPointer(d), default: []].append(message(d)) }
        let summary = HTML.errorSummary(problems.filter(\.isError).map { (message($0), fieldPointer($0)) })
        let warnings = problems.filter { $0.severity == .warning }
        let warningList = warnings.isEmpty ? "" : "<div class=\"notice\"><h2>Worth a look</h2><ul>" + warnings.map { "<li>\(HTML.esc($0.message))</li>" }.joined() + "</ul></div>"
        let saved = version.map { "<p>Version \($0.version), saved \(HTML.esc($0.created)) by \(HTML.esc($0.author)).</p>" } ?? "<p>Not saved yet.</p>"
        let buttons = editable
            ? "<button type=\"submit\" name=\"_action\" value=\"save\">Save draft</button><button type=\"submit\" name=\"_action\" value=\"check\">Check</button>"
            : ""
        let body = """
            \(summary)\(notice.map { "<p class=\"notice\" role=\"status\">\(HTML.esc($0))</p>" } ?? "")\(warningList)
            <p><a href="/instances/\(i.id)">Back to the deliverable</a></p>\(saved)
            <form method="post" action="/instances/\(i.id)/form" novalidate>\(Reply.csrf(context))
            \(form.render(data, errors: byField))
            <div class="actions">\(buttons)<button type="submit" class="secondary" name="_action" value="preview">Preview</button>
            \(Downloads.kinds.map { "<button type=\"submit\" class=\"secondary\" name=\"_action\" value=\"download-\($0.rawValue)\">Download .\($0.rawValue)</button>" }.joined(separator: "\n"))</div></form>
            \(editable ? importForm(i, context) : "")
            """
        return Reply.page("\(deliverable.title): \(i.entity)", context, body, status: status)
    }

    func importForm(_ i: Instance, _ context: WorkspaceContext) -> String {
        """
        <h2>Import</h2><form method="post" action="/instances/\(i.id)/import" enctype="multipart/form-data">\(Reply.csrf(context))
        <label for="import-file">A data file (.yaml, .json) or a filled .docx<span class="hint">Its answers become a new saved version</span></label>
        <input type="file" id="import-file" name="file" accept=".yaml,.yml,.json,.docx"><button type="submit" class="secondary">Import</button></form>
        """
    }

    /// Import: a data file's data, or a filled .docx's answers (read back as `docket extract` does),
    /// saved as the next version.
    func importFile(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let (user, i, tracker): (WorkspaceUser, Instance, Tracker)
        switch try instances.load(context) {
        case .refused(let r): return r
        case .granted(let u, let inst, let t): (user, i, tracker) = (u, inst, t)
        }
        guard let deliverable = workspace.deliverable(for: i) else { return Reply.notFound(context) }
        guard let upload = try await FormBody.upload(request, context: context, field: "file") else {
            return Reply.badRequest(context, "Choose a file to import.")
        }
        guard Reply.csrfOK(upload.fields["_csrf"], context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        guard workspace.canEdit(user, i) else { return Reply.forbidden(context, "Only the entity's preparers change this form.") }
        let entity = try tracker.entities().first { $0.abbreviation == i.entity }
        let (base, version) = try workspace.currentData(i, entity: entity)
        let ext = URL(fileURLWithPath: upload.fileName).pathExtension.lowercased()
        var data: JSONValue
        var notes: [Diagnostic] = []
        if ext == "docx" {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-import-\(Secrets.token())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("import.docx")
            try Data(upload.bytes).write(to: path)
            do {
                let extraction = try FormExtractor.extract(docx: path, registry: workspace.registry, deliverable: deliverable.id)
                data = extraction.data
                notes = extraction.diagnostics
            } catch {
                return render(i, deliverable, data: base, version: version, problems: [error.diagnostic], notice: nil, editable: true, context,
                              status: .unprocessableContent)
            }
            // What the document does not hold (entity type, partners…) is kept from the saved data.
            data = Self.merged(base, over: data)
        } else if ["yaml", "yml", "json"].contains(ext) {
            do { data = DataCheck.withoutRoutingKeyValue(try DataLoader.load(data: Data(upload.bytes), path: upload.fileName).value) } catch {
                return render(i, deliverable, data: base, version: version, problems: [error.diagnostic], notice: nil, editable: true, context,
                              status: .unprocessableContent)
            }
        } else {
            return Reply.badRequest(context, "Import a .yaml, .json or .docx file.")
        }
        let saved = try workspace.store.saveDraft(instanceID: i.id, author: user.name, created: ISO8601DateFormatter().string(from: Date()),
                                                  data: JSONWriter.string(data))
        return render(i, deliverable, data: data, version: saved, problems: notes,
                      notice: "Imported \(upload.fileName) as version \(saved.version).", editable: true, context)
    }

    /// `top` with the keys only `base` has added back, object by object.
    static func merged(_ base: JSONValue, over top: JSONValue) -> JSONValue {
        guard case .object(var o) = top, case .object(let b) = base else { return top }
        for (k, v) in b { o[k] = o[k].map { merged(v, over: $0) } ?? v }
        return .object(o)
    }

    /// A saved version as a file (`/instances/<id>/versions/<n>/docx|pdf|md`), named by the OnBase
    /// convention; a version whose data does not fill shows the form with its problems.
    func version(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let (user, i): (WorkspaceUser, Instance)
        switch try instances.load(context) {
        case .refused(let r): return r
        case .granted(let u, let inst, _): (user, i) = (u, inst)
        }
        guard let deliverable = workspace.deliverable(for: i), let n = context.parameters.get("version", as: Int.self),
              let draft = try workspace.store.drafts(instanceID: i.id).first(where: { $0.version == n }),
              let (data, _) = try? JSONParser.parse(draft.data) else { return Reply.notFound(context) }
        guard let kind = context.parameters.get("format").flatMap(OutputKind.init(rawValue:)), Downloads.kinds.contains(kind) else {
            return Reply.notFound(context)
        }
        let result = await workspace.downloads.fill(try workspace.pipeline(deliverable, kind),
                                                    FillRequest(input: .data(LoadedData(value: data, path: "version \(n)")), format: kind,
                                                                date: workspace.today.description, instance: workspace.instanceFill(i)),
                                                    searchPath: workspace.environment.searchPath)
        guard let bytes = result.bytes, let name = result.fileName else {
            return render(i, deliverable, data: data, version: draft, problems: result.diagnostics, notice: nil,
                          editable: workspace.canEdit(user, i), context, status: Self.failedStatus(result))
        }
        return Reply.file([UInt8](bytes), name: name, type: Downloads.mimeType(kind))
    }

    /// A fill that wrote nothing: 422 for the data's problems, 503 when the converter is missing or failed.
    static func failedStatus(_ result: FillResult) -> HTTPResponse.Status {
        result.status == .usage ? .serviceUnavailable : .unprocessableContent
    }

    /// The message as a form shows it: a missing answer is named by its label.
    func message(_ d: Diagnostic) -> String {
        guard let property = d.property, d.keywordLocation?.hasSuffix("/required") == true else { return d.message }
        return "\(SchemaForm.label(property, [:])): an answer is required"
    }

    /// The field a diagnostic belongs beside: the missing property's, else its pointer.
    func fieldPointer(_ d: Diagnostic) -> String {
        let at = d.instanceLocation ?? ""
        return d.property.map { JSONPointer.appending(at, $0) } ?? at
    }

    func post(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let (user, i, tracker): (WorkspaceUser, Instance, Tracker)
        switch try instances.load(context) {
        case .refused(let r): return r
        case .granted(let u, let inst, let t): (user, i, tracker) = (u, inst, t)
        }
        guard let deliverable = workspace.deliverable(for: i) else { return Reply.notFound(context) }
        let fields = try await FormBody.fields(request, context: context)
        guard Reply.csrfOK(fields.value("_csrf"), context) else { return Reply.forbidden(context, "The form has expired: reload the page and try again.") }
        let action = fields.value("_action") ?? "save"
        let entity = try tracker.entities().first { $0.abbreviation == i.entity }
        let (base, version) = try workspace.currentData(i, entity: entity)
        let data = try form(for: deliverable).read(fields, base: base)
        let editable = workspace.canEdit(user, i)
        let loaded = LoadedData(value: data, path: "form")
        let date = workspace.today.description
        let output = action == "preview" ? OutputKind.html : Downloads.kinds.first { "download-\($0.rawValue)" == action }
        switch (action, output) {
        case ("save", _), ("check", _):
            guard editable else { return Reply.forbidden(context, "Only the entity's preparers change this form.") }
            let saved = try workspace.store.saveDraft(instanceID: i.id, author: user.name, created: ISO8601DateFormatter().string(from: Date()),
                                                      data: JSONWriter.string(data))
            if action == "save" {
                return render(i, deliverable, data: data, version: saved, problems: [], notice: "Saved as version \(saved.version).", editable: editable, context)
            }
            let problems = DeliverableTarget(deliverable: deliverable).check(loaded, catalog: workspace.catalog)
            let clean = !problems.contains(where: \.isError)
            return render(i, deliverable, data: data, version: saved, problems: problems,
                          notice: clean ? "No problems found: the deliverable is ready to download." : nil, editable: editable, context,
                          status: clean ? .ok : .unprocessableContent)
        case (_, let kind?):
            let result = await workspace.downloads.fill(try workspace.pipeline(deliverable, kind),
                                                        FillRequest(input: .data(loaded), format: kind, date: date, instance: workspace.instanceFill(i)),
                                                        searchPath: workspace.environment.searchPath)
            guard let bytes = result.bytes, let name = result.fileName else {
                return render(i, deliverable, data: data, version: version, problems: result.diagnostics, notice: nil, editable: editable, context,
                              status: Self.failedStatus(result))
            }
            if kind == .html { return Reply.html(String(decoding: bytes, as: UTF8.self)) }
            return Reply.file([UInt8](bytes), name: name, type: Downloads.mimeType(kind))
        default:
            guard editable else { return Reply.forbidden(context, "Only the entity's preparers change this form.") }
            return render(i, deliverable, data: data, version: version, problems: [], notice: nil, editable: editable, context)
        }
    }
}
