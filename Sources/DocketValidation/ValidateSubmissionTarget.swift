import DocketCore
import DocketDeliverables
import Foundation

/// Validation of filled submissions (.md, .docx): which deliverable the document is
/// (`--deliverable`, else its file name, else its content), its OnBase file name and due date,
/// and the format's own checks (`MarkdownSubmission`, `DocxSubmission`).
struct SubmissionCheck: FileCheck {
    var extensions: [String] { ["md", "markdown", "docx"] }

    func validate(path: String, options: ValidationOptions, facts: TemplateFacts) -> ValidationReport {
        var report = ValidationReport(file: path)
        guard let registry = options.registry else {
            report.fail(Diagnostic(.error, rule: "validate.deliverable",
                "cannot find Templates/ and Schemas/: run inside the Docket folder, set DOCKET_HOME, or install Docket with `make install`",
                location: SourceLocation(file: path)), .usage)
            return report
        }
        let isDocx = URL(fileURLWithPath: path).pathExtension.lowercased() == "docx"
        let document: any SubmissionDocument
        do {
            document = isDocx ? try DocxSubmission.read(path: path) : try MarkdownSubmission.read(path: path)
        } catch {
            report.fail(error.diagnostic, error.status)
            return report
        }
        let deliverable: Deliverable
        if let id = options.deliverable {
            guard let d = registry.deliverable(id: id) else {
                report.fail(Diagnostic(.error, rule: "validate.deliverable",
                    "unknown deliverable '\(id)'; known: \(registry.ids.joined(separator: ", "))", location: SourceLocation(file: path)), .usage)
                return report
            }
            deliverable = d
        } else if let d = registry.deliverables.first(where: { SubmissionName.matches(path, $0) }) ?? Self.best(registry, document, facts) {
            deliverable = d
        } else if isDocx {
            // Any .docx gets the accessibility checks, deliverable or not (docs/validation.md).
            report.diagnostics = [Diagnostic(.note, rule: "validate.deliverable",
                "not recognised as a deliverable (no OnBase name, no answer tags): only the accessibility checks ran; "
                    + "pass --deliverable <id> (\(registry.ids.joined(separator: ", "))) to check it as one",
                location: SourceLocation(file: path))] + document.accessibility
            return report
        } else {
            report.fail(Diagnostic(.error, rule: "validate.deliverable",
                "cannot tell which deliverable this document is: pass --deliverable <id> (\(registry.ids.joined(separator: ", ")))",
                location: SourceLocation(file: path)), .usage)
            return report
        }
        report.deliverable = deliverable.id
        report.entity = document.abbreviation
        let data = deliverable.readingHeadingFields(document.headingTexts, into: document.data)
        report.diagnostics = SubmissionName.check(path, deliverable, abbreviation: document.abbreviation, data: data,
                                                  options: options)
            + document.check(deliverable, options, facts)
        report.status = report.errors.isEmpty ? .success : .invalid
        return report
    }

    /// The one deliverable the content points to most (nil when none or a tie).
    static func best(_ registry: DeliverableRegistry, _ document: any SubmissionDocument, _ facts: TemplateFacts) -> Deliverable? {
        let scored = registry.deliverables.map { ($0, document.affinity($0, facts)) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        guard let top = scored.first, scored.dropFirst().first?.1 != top.1 else { return nil }
        return top.0
    }
}

/// A submission read into memory, ready for its checks.
protocol SubmissionDocument: Sendable {
    /// The entity abbreviation the document states, when it can be read.
    var abbreviation: String? { get }
    /// The data the document holds, as far as it can be read back (for choosing the calendar
    /// event it answers).
    var data: JSONValue { get }
    /// Accessibility findings, which hold for any document of the format (.docx: `DocxAccessibility`).
    var accessibility: [Diagnostic] { get }
    /// The text of every heading, in order (data the form states only in a heading, e.g. the PIP number).
    var headingTexts: [String] { get }
    /// How strongly the content marks it as `deliverable` (0: not at all); used when the name
    /// does not tell.
    func affinity(_ deliverable: Deliverable, _ facts: TemplateFacts) -> Int
    /// Every problem of the document for `deliverable` (the file name is checked separately).
    func check(_ deliverable: Deliverable, _ options: ValidationOptions, _ facts: TemplateFacts) -> [Diagnostic]
}

/// A submission that cannot be used: the message and the exit status. One rule for every file
/// (docs/validation.md): 2 when the file cannot be read at all (missing, no permission), 1 when
/// it was read and its content is not acceptable (damaged or refused package, not UTF-8, too
/// large) — as a YAML syntax error in a data file is.
struct SubmissionReadError: Error {
    var diagnostic: Diagnostic
    var status: ExitStatus
}

extension MarkdownSubmission: SubmissionDocument {
    var headingTexts: [String] { lines.indices.compactMap(heading) }

    /// Reads a Markdown file (at most 16 MB, valid UTF-8).
    static func read(path: String) throws(SubmissionReadError) -> MarkdownSubmission {
        let bytes = try SubmissionFile.read(path, limit: 16 << 20)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SubmissionReadError(diagnostic: Diagnostic(.error, rule: "submission.encoding",
                "the file is not valid UTF-8: save it as UTF-8 text", location: SourceLocation(file: path)), status: .invalid)
        }
        return MarkdownSubmission(path: path, text: text)
    }

    var abbreviation: String? { nil }
    var data: JSONValue { [:] }
    var accessibility: [Diagnostic] { [] }

    /// 1 when the template's first heading is among the first lines.
    func affinity(_ deliverable: Deliverable, _ facts: TemplateFacts) -> Int {
        guard let first = facts.requiredHeadings(deliverable).first else { return 0 }
        return lines.prefix(40).contains { MarkdownSubmission.headingText($0)?.range(of: first.pattern, options: .regularExpression) != nil } ? 1 : 0
    }

    func check(_ deliverable: Deliverable, _ options: ValidationOptions, _ facts: TemplateFacts) -> [Diagnostic] {
        check(deliverable, headings: facts.requiredHeadings(deliverable))
    }
}

/// Reading submission files with a size limit.
enum SubmissionFile {
    static func read(_ path: String, limit: Int) throws(SubmissionReadError) -> [UInt8] {
        let location = SourceLocation(file: path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SubmissionReadError(diagnostic: Diagnostic(.error, rule: "io.read", "cannot read \(path): no such file or not readable",
                                                              location: location), status: .usage)
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else {
            throw SubmissionReadError(diagnostic: Diagnostic(.error, rule: "submission.too-large",
                "the file is larger than \(limit >> 20) MB; a deliverable document is far smaller", location: location), status: .invalid)
        }
        return [UInt8](data)
    }
}

