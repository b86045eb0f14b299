import DocketCore
import DocketDeliverables
import DocketSchema
import Foundation

/// One fill: the data (a file to load or data already loaded), the format, the submission date
/// and the options. Writing the bytes and tracking them are the caller's.
public struct FillRequest: Sendable {
    public enum Input: Sendable {
        /// A YAML or JSON data file.
        case file(String)
        /// Data already loaded (a web form, a test).
        case data(LoadedData)
    }

    public var input: Input
    public var format: OutputKind
    /// Submission date `YYYY-MM-DD` (file name and `docket.date`).
    public var date: String
    /// Render `[MISSING: field]` instead of failing on missing fields.
    public var allowMissing: Bool
    /// Check the data against the deliverable's schema and named rules first.
    public var checkData: Bool
    /// The tracker instance filled (`--instance`): its event's options go into the data and its
    /// due date is the one printed.
    public var instance: InstanceFill?
    /// Print the data's translations in this language (a BCP 47 tag, e.g. `es`; `Translations`);
    /// nil: as written (English).
    public var language: String?

    public init(input: Input, format: OutputKind, date: String, allowMissing: Bool = false, checkData: Bool = true,
                instance: InstanceFill? = nil, language: String? = nil) {
        self.input = input
        self.format = format
        self.date = date
        self.allowMissing = allowMissing
        self.checkData = checkData
        self.instance = instance
        self.language = language
    }
}

/// What a fill produced: the document's bytes and OnBase file name, or why not.
public struct FillResult: Sendable {
    /// `.success`; `.invalid` (bad data or template problems: exit 1); `.usage` (unreadable file: exit 2).
    public var status: ExitStatus
    public var diagnostics: [Diagnostic]
    public var bytes: Data?
    /// The OnBase file name with extension, e.g. `MBRH_PIPMidYearReport_09292023.docx`.
    public var fileName: String?
    /// The entity abbreviation of the data (for tracking).
    public var entity: String?

    public init(status: ExitStatus, diagnostics: [Diagnostic], bytes: Data? = nil, fileName: String? = nil, entity: String? = nil) {
        self.status = status
        self.diagnostics = diagnostics
        self.bytes = bytes
        self.fileName = fileName
        self.entity = entity
    }
}

/// The fill pipeline: load → schema + named rules → enrich → render → package. The templates
/// are compiled once (`PreparedFill`), then any number of requests are filled, also in parallel.
public struct FillPipeline: Sendable {
    public let prepared: PreparedFill
    public let catalog: SchemaCatalog
    /// The converter for `.pdf` requests (`withPDF`, FillPDF.swift).
    public var pdf: PDFOutput?

    /// The calendar's due dates: what `docket.due` prints (nil: not known).
    public let dueDates: DueDates?

    /// `dueDates` defaults to the schedule of the deliverable's project (`Schemas/schedule/`).
    public init(target: any FillTarget, formats: Set<OutputKind>, catalog: SchemaCatalog = .shared,
                dueDates: DueDates? = nil) throws(DiagnosticList) {
        prepared = try PreparedFill(target: target, formats: formats)
        self.catalog = catalog
        self.dueDates = dueDates ?? (target as? DeliverableTarget).flatMap { DueDates.load(root: $0.deliverable.rootURL) }
    }

    public var target: any FillTarget { prepared.target }

    public func fill(_ request: FillRequest) -> FillResult {
        var loaded: LoadedData
        switch request.input {
        case .data(let data): loaded = data
        case .file(let path):
            do {
                loaded = try DataLoader.load(path: path)
            } catch {
                return FillResult(status: error.isUnreadable ? .usage : .invalid, diagnostics: [error.diagnostic])
            }
            // `carryForwardFrom:` (the PIP reports): earlier reports' data files, relative to this one.
            switch PIPCarryForward.resolve(loaded, deliverable: target.deliverableID) {
            case .success(let carried): loaded = carried
            case .failure(let f): return FillResult(status: f.unreadable ? .usage : .invalid, diagnostics: f.diagnostics)
            }
        }
        var diagnostics: [Diagnostic] = []
        let deliverable = (target as? DeliverableTarget)?.deliverable
        if let instance = request.instance, let deliverable {
            (loaded, diagnostics) = instance.apply(to: loaded, deliverable: deliverable)
            if !diagnostics.isEmpty { return FillResult(status: .invalid, diagnostics: diagnostics) }
        }
        if request.checkData {
            diagnostics += target.check(loaded, catalog: catalog)
            if diagnostics.contains(where: \.isError) { return FillResult(status: .invalid, diagnostics: diagnostics) }
        }
        var data = DataCheck.withoutRoutingKeyValue(loaded.value)
        if let deliverable {
            let due = dueDates?.dueValue(for: deliverable, data: data, explicit: request.instance?.event.id)
            data.setValue(due ?? .null, at: ["docket", "due"])
        }
        var language: (Translations.Language, Translations.Result)? = nil
        if let tag = request.language {
            switch translated(data, loaded, tag) {
            case .failure(let f): return f.result
            case .success(let t): (language, data, diagnostics) = (t, t.1.data, diagnostics + t.1.diagnostics)
            }
        }
        let (bytes, fillDiagnostics) = prepared.fill(data, kind: request.format, date: request.date, allowMissing: request.allowMissing,
                                                     language: language?.0, translated: language?.1.translated ?? [], imageBase: loaded.imageBase)
        diagnostics += fillDiagnostics.map { Self.placedInData($0, loaded) }
        guard let bytes, !diagnostics.contains(where: \.isError) else { return FillResult(status: .invalid, diagnostics: diagnostics) }
        let name = target.fileName(data: data, date: request.date) + "." + request.format.rawValue
        let result = FillResult(status: .success, diagnostics: diagnostics, bytes: bytes, fileName: name,
                                entity: data.value(at: "/entity/abbreviation")?.stringValue ?? data["abbreviation"]?.stringValue)
        return request.format == .pdf ? convertedToPDF(result) : result
    }

    /// An image problem (`image.*`, with the field's pointer) points at the field in the data file,
    /// where it is fixed; the template's place stays in `place`.
    static func placedInData(_ d: Diagnostic, _ loaded: LoadedData) -> Diagnostic {
        guard d.rule.hasPrefix("image."), let pointer = d.instanceLocation, loaded.sourceMap.position(for: pointer) != nil else { return d }
        var out = d
        let template = d.location.map { [$0.prefix, $0.place].compactMap { $0 }.joined(separator: ", ") }
        out.location = SourceLocation(file: loaded.path, position: loaded.sourceMap.position(for: pointer),
                                      place: template.map { "template \($0)" })
        return out
    }

    /// Fills every request in parallel on `jobs` threads; results in request order (the same
    /// output for the same inputs). `progress(done, total)` is called after each fill, from any thread.
    public func fillAll(_ requests: [FillRequest], jobs: Int, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> [FillResult] {
        let done = AtomicCounter()
        let pipeline = self
        return ParallelMap.map(requests.count, jobs: jobs) { i in
            let result = pipeline.fill(requests[i])
            progress(done.increment(), requests.count)
            return result
        }
    }
}
