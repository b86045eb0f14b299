import DocketCore
import DocketDeliverables
import Foundation

/// The OnBase file-name checks of a submission: the name against the deliverable's pattern and
/// the date in the name against the due date.
///
/// The pattern is `fileName:` of `Templates/<id>/deliverable.yaml` turned into a regular expression:
/// `{{mmddyyyy(…)}}` becomes a MMDDYYYY date, any other tag one or more letters or digits. For the
/// PIP report this is exactly the R000-05 expression of seed-rules.md,
/// `^[A-Za-z0-9]+_PIPMidYearReport_(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{4}$` (on the name
/// without extension). R000-05 is AMBIGUOUS on charset, case and extension: set
/// `ruleSettings: {R000-05: {fileNamePattern: "<regex>"}}` in deliverable.yaml to choose another.
enum SubmissionName {
    static let datePattern = "(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{4}"

    /// The seed rule a deliverable's naming and deadline come from (others: Docket's own ids).
    static let nameRule = ["pip-midyear-report": "R000-05"]
    static let dueRule = ["pip-midyear-report": ("R000-04", "D000-01"), "hqe-strategic-plan": ("R003-06", "D003-01")]

    /// `{{a}}_X_{{mmddyyyy(b)}}` → `^[A-Za-z0-9]+_X_<date>$`.
    static func regex(for pattern: String) -> String {
        var out = "^"
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            out += NSRegularExpression.escapedPattern(for: String(rest[..<open.lowerBound]))
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { rest = rest[open.lowerBound...]; break }
            let tag = rest[open.upperBound..<close.lowerBound]
            out += tag.contains("mmddyyyy(") ? datePattern : "[A-Za-z0-9]+"
            rest = rest[close.upperBound...]
        }
        return out + NSRegularExpression.escapedPattern(for: String(rest)) + "$"
    }

    /// The expected name regex of `deliverable` (setting, else its `fileName:` pattern).
    static func expected(_ deliverable: Deliverable) -> String {
        let settings = RuleSettings(json: deliverable.metadata["ruleSettings"])
        return settings.parameter(nameRule[deliverable.id] ?? "", "fileNamePattern")?.stringValue
            ?? regex(for: deliverable.fileNamePattern)
    }

    /// The base name without extension.
    static func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// Whether the file's name fits `deliverable` (for inferring the deliverable).
    static func matches(_ path: String, _ deliverable: Deliverable) -> Bool {
        stem(path).range(of: expected(deliverable), options: .regularExpression) != nil
    }

    /// Problems with the name of `path`: pattern, abbreviation vs the document's entity
    /// (`abbreviation`, when known), and lateness against `dueDate` of deliverable.yaml.
    static func check(_ path: String, _ deliverable: Deliverable, abbreviation: String?) -> [Diagnostic] {
        let where_ = SourceLocation(file: path, place: "file name")
        let stem = stem(path)
        let rule = nameRule[deliverable.id] ?? "submission.file-name"
        let pattern = expected(deliverable)
        var out: [Diagnostic] = []
        guard stem.range(of: pattern, options: .regularExpression) != nil else {
            let example = deliverable.fileNamePattern
                .replacingOccurrences(of: "{{mmddyyyy(docket.date)}}", with: "MMDDYYYY")
                .replacingOccurrences(of: "{{entity.abbreviation}}", with: abbreviation ?? "ABBR")
            out.append(Diagnostic(.error, rule: rule,
                "file name `\(stem)` does not follow the OnBase name \(example) (pattern \(pattern)); rename the file",
                location: where_))
            return out
        }
        if let abbreviation, !abbreviation.isEmpty, let first = stem.split(separator: "_").first, String(first) != abbreviation {
            out.append(Diagnostic(.error, rule: rule,
                "file name starts with `\(first)` but the document is for `\(abbreviation)`; rename it \(abbreviation)_…",
                location: where_))
        }
        if let due = deliverable.metadata["dueDate"]?.stringValue, let date = nameDate(stem), date > due {
            let (lateRule, deadline) = dueRule[deliverable.id] ?? ("submission.late", "")
            out.append(Diagnostic(.warning, rule: lateRule,
                "the date in the file name (\(date)) is after the due date \(due)\(deadline.isEmpty ? "" : " (\(deadline))"): the submission is late",
                location: where_))
        }
        return out
    }

    /// The MMDDYYYY date at the end of the name as `YYYY-MM-DD`, or nil.
    static func nameDate(_ stem: String) -> String? {
        guard let r = stem.range(of: datePattern + "$", options: .regularExpression) else { return nil }
        let s = Array(stem[r])
        return String(s[4..<8]) + "-" + String(s[0..<2]) + "-" + String(s[2..<4])
    }
}
