import DocketCalendar
import DocketFill
import DocketCore
import DocketDeliverables
import DocketSchema
import Foundation

/// What every file check of a validation run shares: the options given, the deliverables, the
/// compiled schemas (each schema file is compiled once per run) and the calendar due dates
/// come from.
public struct ValidationOptions: Sendable {
    /// `--deliverable`: the deliverable every file is for (else inferred per file).
    public var deliverable: String?
    /// `--schema`: a JSON Schema to check data (of files or rebuilt from a .docx) against instead
    /// of the deliverable's; named rules are not run then.
    public var schemaPath: String?
    public var catalog: SchemaCatalog
    /// The shipped deliverables (nil when no project folder was found).
    public var registry: DeliverableRegistry?
    /// The calendar lateness is judged against (nil: no lateness check).
    public var calendar: DueDates?
    /// The calendar event every submission answers (overrides the one found from the data).
    public var dueEvent: String?

    public init(deliverable: String? = nil, schemaPath: String? = nil, catalog: SchemaCatalog = SchemaCatalog(),
                registry: DeliverableRegistry?, calendar: DueDates? = nil, dueEvent: String? = nil) {
        self.deliverable = deliverable
        self.schemaPath = schemaPath
        self.catalog = catalog
        self.registry = registry
        self.calendar = calendar
        self.dueEvent = dueEvent
    }

    /// The schema for data of `deliverable`: `--schema`, else the deliverable's.
    func schemaURL(for deliverable: Deliverable) -> URL {
        schemaPath.map { URL(fileURLWithPath: $0) } ?? deliverable.schemaURL
    }
}

/// The result of checking one file.
public struct ValidationReport: Sendable {
    /// How a file failed: data problems are `.invalid` (exit 1); files that cannot be read,
    /// unknown deliverables and unusable schemas are `.usage` (exit 2).
    public var status: ExitStatus = .success
    public var file: String
    public var deliverable: String?
    public var diagnostics: [Diagnostic] = []
    /// The entity abbreviation the file states (data or document), when it can be read.
    public var entity: String?

    public init(file: String) { self.file = file }

    public var valid: Bool { status == .success }

    /// The entity to record this check on: a data file's `entity.abbreviation`, else the
    /// `<ABBR>_` prefix of an OnBase file name.
    public var trackingEntity: String? {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        if ["yaml", "yml", "json"].contains(ext) { return entity }
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        guard let underscore = base.firstIndex(of: "_"), underscore != base.startIndex else { return nil }
        return String(base[..<underscore])
    }
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The diagnostics as printed: one with a JSON Pointer and no human place gets the pointer
    /// as its place (in this file when it has no location of its own).
    public var placedDiagnostics: [Diagnostic] {
        diagnostics.map { d in
            var shown = d
            if let at = d.instanceLocation, shown.location?.place == nil {
                shown.location = shown.location ?? SourceLocation(file: file)
                shown.location?.place = at.isEmpty ? "/" : at
            }
            return shown
        }
    }

    /// The JSON form: `{"file","deliverable","valid","errors":[…],"warnings":[…]}`, each
    /// diagnostic as `Diagnostic.json` (docs/diagnostics.md), located in this file at least
    /// (the JSON Pointer is its own field, not the place).
    public var json: JSONValue {
        let placed = diagnostics.map { d in
            var d = d
            d.location = d.location ?? SourceLocation(file: file)
            return d
        }
        return .object([
            "file": .string(file), "deliverable": deliverable.map(JSONValue.string) ?? .null, "valid": .bool(valid),
            "errors": .array(placed.filter(\.isError).map(\.json)),
            "warnings": .array(placed.filter { $0.severity == .warning }.map(\.json)),
        ])
    }

    mutating func fail(_ diagnostic: Diagnostic, _ status: ExitStatus) {
        diagnostics.append(diagnostic)
        self.status = status
    }
}

/// One kind of file validation can check: data files (`DataFileCheck`) and submission
/// documents (`SubmissionCheck`, .docx and .md).
protocol FileCheck: Sendable {
    /// Lower-case file extensions handled, without the dot.
    var extensions: [String] { get }
    func validate(path: String, options: ValidationOptions, facts: TemplateFacts) -> ValidationReport
}

/// The validation pipeline for data files (.yaml/.yml/.json) and filled submissions (.md,
/// .docx): deliverable inference, answer read-back, schema + named rules, the OnBase name and
/// due-date checks, leftovers. Returns typed reports; printing them is the caller's.
public struct SubmissionValidator: Sendable {
    public let options: ValidationOptions
    let facts = TemplateFacts()
    static let checks: [any FileCheck] = [DataFileCheck(), SubmissionCheck()]

    public init(options: ValidationOptions) { self.options = options }

    /// Extensions that can be validated, without the dot.
    public static var supportedExtensions: [String] { checks.flatMap(\.extensions) }

    /// Whether `path` has a type validation can check.
    public static func supports(_ path: String) -> Bool { check(for: path) != nil }

    static func check(for path: String) -> (any FileCheck)? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return checks.first { $0.extensions.contains(ext) }
    }

    public func validate(_ path: String) -> ValidationReport {
        guard let check = Self.check(for: path) else {
            var report = ValidationReport(file: path)
            report.fail(Diagnostic(.error, rule: "validate.file-type",
                "cannot validate '\(path)': unsupported file type; expected "
                    + Self.supportedExtensions.map { "." + $0 }.joined(separator: ", "), location: SourceLocation(file: path)), .usage)
            return report
        }
        return check.validate(path: path, options: options, facts: facts)
    }

    /// Validates every file, in parallel on `jobs` threads; reports in input order.
    public func validateAll(_ paths: [String], jobs: Int) -> [ValidationReport] {
        let validator = self
        return ParallelMap.map(paths.count, jobs: jobs) { validator.validate(paths[$0]) }
    }

    /// Totals for a run's summary line: errors, warnings, and "N files, valid" / "K of N files invalid".
    public static func summary(_ reports: [ValidationReport]) -> (errors: Int, warnings: Int, subject: String) {
        let invalid = reports.filter { !$0.valid }.count
        let files = reports.count == 1 ? "1 file" : "\(reports.count) files"
        return (reports.map(\.errors.count).reduce(0, +), reports.map(\.warnings.count).reduce(0, +),
                "\(files), " + (invalid == 0 ? "valid" : "\(invalid) of \(files) invalid"))
    }

    /// The exit status for `reports`: 2 if any file was unusable, else 1 if any was invalid (or,
    /// with `strict`, had warnings), else 0.
    public static func exitStatus(_ reports: [ValidationReport], strict: Bool) -> ExitStatus {
        if reports.contains(where: { $0.status == .usage }) { return .usage }
        if reports.contains(where: { $0.status == .invalid }) { return .invalid }
        if strict && reports.contains(where: { !$0.warnings.isEmpty }) { return .invalid }
        return .success
    }
}

/// What validation reads from a deliverable's templates (answer tags, headings), read once per
/// deliverable and shared by the threads of a run.
final class TemplateFacts: @unchecked Sendable {
    private var tags: [String: [TemplateAnswerTags.Tag]] = [:]
    private var headings: [String: [TemplateHeadings.Heading]] = [:]
    private let lock = NSLock()

    func answerTags(_ deliverable: Deliverable) -> [TemplateAnswerTags.Tag] {
        if let hit = lock.withLock({ tags[deliverable.id] }) { return hit }
        let found = TemplateAnswerTags.read(deliverable)
        lock.withLock { tags[deliverable.id] = found }
        return found
    }

    func requiredHeadings(_ deliverable: Deliverable) -> [TemplateHeadings.Heading] {
        if let hit = lock.withLock({ headings[deliverable.id] }) { return hit }
        let found = TemplateHeadings.required(deliverable)
        lock.withLock { headings[deliverable.id] = found }
        return found
    }
}
