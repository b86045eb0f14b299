import DocketCore
import DocketSchema
import Foundation

/// What every file check of `docket validate` shares: the options given and the compiled
/// schemas (each schema file is compiled once per run).
struct ValidationSettings {
    var deliverable: String?
    var schemaPath: String?
    var catalog: SchemaCatalog
    /// The project folder holding `Schemas/` (nil when none was found).
    var projectRoot: URL?
}

/// The result of checking one file.
struct FileReport {
    /// How a file failed, for the exit status: data problems are `.invalid` (1); files that
    /// cannot be read, unknown deliverables and unusable schemas are `.usage` (2).
    var status: ExitStatus = .success
    var file: String
    var deliverable: String?
    var diagnostics: [Diagnostic] = []

    var valid: Bool { status == .success }
    var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The `--format json` object: `{"file","deliverable","valid","errors","warnings"}`.
    var json: JSONValue {
        func item(_ d: Diagnostic) -> JSONValue {
            .object([
                "rule": .string(d.rule), "message": .string(d.message),
                "instanceLocation": d.instanceLocation.map(JSONValue.string) ?? .null,
                "keywordLocation": d.keywordLocation.map(JSONValue.string) ?? .null,
                "where": .string(d.location.map { l in l.place.map { "\(l.prefix): \($0)" } ?? l.prefix } ?? file),
            ])
        }
        return .object([
            "file": .string(file), "deliverable": deliverable.map(JSONValue.string) ?? .null, "valid": .bool(valid),
            "errors": .array(errors.map(item)), "warnings": .array(warnings.map(item)),
        ])
    }
}

/// One kind of file `docket validate` can check. Data files (.yaml/.yml/.json) are handled by
/// `DataFileTarget`; submission documents (.docx, .md) can plug in by adding a conformer to
/// `ValidationTargets.all`.
protocol ValidationTarget: Sendable {
    /// Lower-case file extensions handled, without the dot.
    var extensions: [String] { get }
    func validate(path: String, settings: ValidationSettings) -> FileReport
}

enum ValidationTargets {
    static let all: [any ValidationTarget] = [DataFileTarget(), SubmissionTarget()]

    static var supportedExtensions: [String] { all.flatMap(\.extensions) }

    static func target(for path: String) -> (any ValidationTarget)? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return all.first { $0.extensions.contains(ext) }
    }
}
