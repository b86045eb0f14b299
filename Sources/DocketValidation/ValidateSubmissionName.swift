import DocketCore
import DocketDeliverables
import Foundation

/// The OnBase file-name checks of a submission: the name against the deliverable's pattern
/// (`OnBaseName`: for the PIP report exactly R000-05's expression,
/// `^[A-Za-z0-9]+_PIPMidYearReport_(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{4}$`, on the name
/// without extension), the abbreviation against the document's entity, and the date in the name
/// against the due date of the calendar event the submission answers.
///
/// R000-05 is AMBIGUOUS on charset, case and extension: set
/// `ruleSettings: {R000-05: {fileNamePattern: "<regex>"}}` in deliverable.yaml to choose another.
/// A deliverable whose form states no name (HQE, IA) has Docket's pattern, and a name that breaks
/// it is a warning that says so.
enum SubmissionName {
    /// The expected name regex of `deliverable` (setting, else its pattern).
    static func expected(_ deliverable: Deliverable) -> String {
        let settings = RuleSettings(json: deliverable.metadata["ruleSettings"])
        return deliverable.naming.rule.flatMap { settings.parameter($0, "fileNamePattern")?.stringValue }
            ?? deliverable.naming.pattern.regex
    }

    /// The base name without extension.
    static func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// Whether the file's name fits `deliverable` (for inferring the deliverable).
    static func matches(_ path: String, _ deliverable: Deliverable) -> Bool {
        stem(path).range(of: expected(deliverable), options: .regularExpression) != nil
    }

    /// Problems with the name of `path`: pattern, abbreviation vs the document's entity
    /// (`abbreviation`, when known), and lateness against the calendar.
    static func check(_ path: String, _ deliverable: Deliverable, abbreviation: String?, data: JSONValue,
                      options: ValidationOptions) -> [Diagnostic] {
        let where_ = SourceLocation(file: path, place: "file name")
        let stem = stem(path)
        let naming = deliverable.naming
        let pattern = expected(deliverable)
        var out: [Diagnostic] = []
        guard stem.range(of: pattern, options: .regularExpression) != nil else {
            let example = naming.pattern.example(abbreviation: abbreviation)
            let whose = naming.rule == nil
                ? "Docket's suggested name \(example) (the form states no file name: this is Docket's choice, set fileName: in deliverable.yaml)"
                : "the OnBase name \(example)"
            out.append(Diagnostic(naming.severity, rule: naming.ruleID,
                "file name `\(stem)` does not follow \(whose) (pattern \(pattern)); rename the file", location: where_))
            return out
        }
        if let abbreviation, !abbreviation.isEmpty, let first = stem.split(separator: "_").first, String(first) != abbreviation {
            out.append(Diagnostic(naming.severity, rule: naming.ruleID,
                "file name starts with `\(first)` but the document is for `\(abbreviation)`; rename it \(abbreviation)_…",
                location: where_))
        }
        // What the document cannot hold as an answer but its name states (the PIP reports' `pip` and
        // `remeasurement` numbers) picks the calendar event too.
        var data = data
        for (path, value) in naming.pattern.values(in: stem) ?? [:] where data.value(atDotted: path) == nil {
            data.setValue(.string(value), atDotted: path)
        }
        if let calendar = options.calendar, let date = OnBaseName.trailingDate(stem),
           case .success(let (event, due)) = calendar.event(for: deliverable, data: data, explicit: options.dueEvent), date > due {
            let reference = " (\(event.source.reference ?? event.id))"
            out.append(Diagnostic(.warning, rule: deliverable.due?.rule ?? "submission.late",
                "the date in the file name (\(date)) is after the due date \(due)\(reference): the submission is late",
                location: where_))
        }
        return out
    }
}
