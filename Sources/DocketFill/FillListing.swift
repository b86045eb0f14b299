import DocketCalendar
import DocketCore
import Foundation

/// What `docket list` (and any front end) shows of the fill targets.
public enum FillListing {
    /// One line per deliverable: id, formats, title; then, indented, each calendar event it
    /// answers (`docket fill --instance ABBR/<event>`) with its due date and the data it sets.
    public static func text(_ targets: [DeliverableTarget], calendar: DueDates? = nil) -> String {
        targets.map { t in
            let formats = (t.docxTemplate != nil ? ["docx"] : []) + (t.markdownTemplate != nil ? ["md", "html"] : [])
            let head = "\(t.displayName.padding(toLength: 24, withPad: " ", startingAt: 0)) \(formats.joined(separator: ",").padding(toLength: 14, withPad: " ", startingAt: 0)) \(t.title)\n"
            return head + events(of: t, calendar).map { e in
                let options = (e.deliverableOptions ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: " ")
                return "    \(e.id.padding(toLength: 44, withPad: " ", startingAt: 0)) due \(e.due ?? "pending")\(options.isEmpty ? "" : "  " + options)\n"
            }.joined()
        }.joined()
    }

    /// `[{"id","title","markdownTemplate","docxTemplate","schema","events":[{"id","due","status","options"}]}]`.
    public static func json(_ targets: [DeliverableTarget], calendar: DueDates? = nil) -> JSONValue {
        .array(targets.map { t in
            .object(["id": .string(t.displayName), "title": .string(t.title),
                     "markdownTemplate": t.markdownTemplate.map { .string($0.path) } ?? .null,
                     "docxTemplate": t.docxTemplate.map { .string($0.path) } ?? .null,
                     "schema": t.schemaURL.map { .string($0.path) } ?? .null,
                     "events": .array(events(of: t, calendar).map { e in
                         .object(["id": .string(e.id), "due": e.due.map(JSONValue.string) ?? .null, "status": .string(e.status.rawValue),
                                  "options": .object((e.deliverableOptions ?? [:]).mapValues(\.json))])
                     })])
        })
    }

    /// The calendar events a deliverable answers, by due date then id.
    static func events(of target: DeliverableTarget, _ calendar: DueDates?) -> [CalendarEvent] {
        (calendar.map { Array($0.events.values) } ?? []).filter { $0.deliverable == target.deliverableID }
            .sorted { ($0.due ?? "9999", $0.id) < ($1.due ?? "9999", $1.id) }
    }

    /// The JSON object of one data file's fill (`docket fill --error-format json`):
    /// `{"file","written","valid","errors","warnings"}`, diagnostics as `Diagnostic.json`.
    public static func report(file: String, diagnostics: [Diagnostic], written: String?, failed: Bool) -> JSONValue {
        .object(["file": .string(file), "written": written.map(JSONValue.string) ?? .null, "valid": .bool(!failed),
                 "errors": .array(diagnostics.filter(\.isError).map(\.json)),
                 "warnings": .array(diagnostics.filter { $0.severity == .warning }.map(\.json))])
    }
}

extension FillResult {
    /// `results` with every output name that an earlier input also produced turned into a failure
    /// (`fill.batch-name-clash`): neither file overwrites the other. `files` are the inputs.
    public static func refusingClashes(_ results: [FillResult], files: [String]) -> [FillResult] {
        let clashes = BatchInput.clashes(results.map { $0.status == .success ? $0.fileName : nil })
        return results.enumerated().map { i, r in
            guard let first = clashes[i] else { return r }
            return FillResult(status: .invalid, diagnostics: [Diagnostic(.error, rule: "fill.batch-name-clash",
                "\(files[i]) and \(files[first]) both produce \(r.fileName ?? ""): give each entity its own abbreviation",
                location: SourceLocation(file: files[i]))])
        }
    }
}
