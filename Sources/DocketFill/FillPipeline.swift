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

    public init(input: Input, format: OutputKind, date: String, allowMissing: Bool = false, checkData: Bool = true) {
        self.input = input
        self.format = format
        self.date = date
        self.allowMissing = allowMissing
        self.checkData = checkData
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

    public init(target: any FillTarget, formats: Set<OutputKind>, catalog: SchemaCatalog = .shared) throws(DiagnosticList) {
        prepared = try PreparedFill(target: target, formats: formats)
        self.catalog = catalog
    }

    public var target: any FillTarget { prepared.target }

    public func fill(_ request: FillRequest) -> FillResult {
        let loaded: LoadedData
        switch request.input {
        case .data(let data): loaded = data
        case .file(let path):
            do {
                loaded = try DataLoader.load(path: path)
            } catch {
                return FillResult(status: error.isUnreadable ? .usage : .invalid, diagnostics: [error.diagnostic])
            }
        }
        var diagnostics: [Diagnostic] = []
        if request.checkData {
            diagnostics += target.check(loaded, catalog: catalog)
            if diagnostics.contains(where: \.isError) { return FillResult(status: .invalid, diagnostics: diagnostics) }
        }
        let data = DataCheck.withoutRoutingKeyValue(loaded.value)
        let (bytes, fillDiagnostics) = prepared.fill(data, kind: request.format, date: request.date, allowMissing: request.allowMissing,
                                                     imageBase: loaded.imageBase)
        diagnostics += fillDiagnostics.map { Self.placedInData($0, loaded) }
        guard let bytes, !diagnostics.contains(where: \.isError) else { return FillResult(status: .invalid, diagnostics: diagnostics) }
        let name = target.fileName(data: data, date: request.date) + "." + request.format.rawValue
        return FillResult(status: .success, diagnostics: diagnostics, bytes: bytes, fileName: name,
                          entity: data.value(at: "/entity/abbreviation")?.stringValue ?? data["abbreviation"]?.stringValue)
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
