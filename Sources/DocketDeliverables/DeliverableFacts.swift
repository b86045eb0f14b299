import DocketCore
import Foundation

extension Deliverable {
    /// The OnBase name of a deliverable (`fileName:` and `naming:` in deliverable.yaml).
    public struct Naming: Sendable, Hashable {
        public var pattern: OnBaseName
        /// The seed rule that states the name (R000-05 for the PIP report), or nil when the
        /// source states none and the pattern is Docket's choice.
        public var rule: String?
        /// The rule id messages cite: the seed rule, else `submission.file-name`.
        public var ruleID: String { rule ?? "submission.file-name" }
        /// A name that breaks a pattern the form states is an error; one that breaks Docket's own
        /// choice is a warning (R003-06 note: the Strategic Plan has no naming rule).
        public var severity: Severity { rule == nil ? .warning : .error }

        init(metadata: JSONValue, id: String) {
            pattern = OnBaseName(pattern: metadata["fileName"]?.stringValue ?? "{{entity.abbreviation}}_\(id)_{{mmddyyyy(docket.date)}}")
            rule = metadata["naming"]?["rule"]?.stringValue
        }
    }

    /// The calendar event a submission of this deliverable answers: an event id pattern whose
    /// `{name}` parts come from the data (`due:` in deliverable.yaml), e.g.
    /// `pip.{entityType}.pip{pip}.midyear-planning` with `entityType` from `entity.type`.
    public struct DueEvent: Sendable, Hashable {
        public struct Field: Sendable, Hashable {
            public var name: String
            /// Dotted data path the value comes from.
            public var from: String
            /// Data value → event id part (e.g. `acute-hospital` → `hospital`).
            public var map: [String: String]
            /// Used when the data has no value.
            public var defaultValue: String?
        }

        public var eventPattern: String
        /// The seed rule of the deadline (R000-04, R003-06), cited in lateness warnings.
        public var rule: String
        public var fields: [Field]

        init?(json: JSONValue?) {
            guard let json, let pattern = json["event"]?.stringValue else { return nil }
            eventPattern = pattern
            rule = json["rule"]?.stringValue ?? "submission.late"
            fields = (json["fields"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { name, spec in
                var map: [String: String] = [:]
                for (k, v) in spec["map"]?.objectValue ?? [:] { if let v = v.stringValue { map[k] = v } }
                return Field(name: name, from: spec["from"]?.stringValue ?? name, map: map,
                             defaultValue: spec["default"].flatMap { OnBaseNameText.text($0) })
            }
        }

        /// The event ids `data` can answer: one when the data gives every field; when a field
        /// with a value map is missing, one per mapped value (the caller may accept them when their
        /// due dates agree). Fails with the field when a missing one has no map and no default.
        public func eventIDs(for data: JSONValue) -> Result<[String], MissingField> {
            var ids = [eventPattern]
            for field in fields {
                let raw = data.value(atDotted: field.from).flatMap { OnBaseNameText.text($0) } ?? field.defaultValue
                let parts: [String]
                if let raw {
                    parts = [field.map[raw] ?? raw]
                } else if !field.map.isEmpty {
                    parts = Array(Set(field.map.values)).sorted()
                } else {
                    return .failure(MissingField(field: field.from))
                }
                ids = ids.flatMap { id in parts.map { id.replacingOccurrences(of: "{\(field.name)}", with: $0) } }
            }
            return .success(ids)
        }

        public struct MissingField: Error, Sendable, Hashable {
            public var field: String
        }
    }

    /// A data field a submission states only in a heading (`headingFields:` in deliverable.yaml),
    /// e.g. the PIP number in "Mid-Year Planning for PIP 2:": read back for the lateness check.
    public struct HeadingField: Sendable, Hashable {
        /// Dotted data path.
        public var field: String
        /// Regular expression over the heading text; its first group is the value (a whole
        /// number becomes an integer).
        public var heading: String

        init?(json: JSONValue) {
            guard let field = json["field"]?.stringValue, let heading = json["heading"]?.stringValue else { return nil }
            self.field = field
            self.heading = heading
        }
    }

    /// `data` with each `headingFields` value the data lacks taken from the first matching heading.
    public func readingHeadingFields(_ headings: [String], into data: JSONValue) -> JSONValue {
        var data = data
        for field in headingFields where data.value(atDotted: field.field) == nil {
            guard let regex = try? NSRegularExpression(pattern: field.heading) else { continue }
            for text in headings {
                let range = NSRange(text.startIndex..., in: text)
                guard let match = regex.firstMatch(in: text, range: range), match.numberOfRanges > 1,
                      let group = Range(match.range(at: 1), in: text) else { continue }
                let value = String(text[group])
                data.setValue(Int(value).map(JSONValue.int) ?? .string(value), atDotted: field.field)
                break
            }
        }
        return data
    }

    /// A word limit on a narrative section of a Markdown submission.
    public struct WordLimit: Sendable, Hashable {
        public var rule: String
        /// Regular expression for the section's heading text.
        public var heading: String
        /// Words are counted after the first line containing this marker (e.g. "Response:").
        public var after: String?
        public var maxWords: Int
        public var severity: Severity
        /// The form's wording, e.g. "suggested 500 words or less".
        public var what: String

        init?(json: JSONValue) {
            guard let rule = json["rule"]?.stringValue, let heading = json["heading"]?.stringValue,
                  let max = json["maxWords"]?.intValue else { return nil }
            self.rule = rule
            self.heading = heading
            self.after = json["after"]?.stringValue
            self.maxWords = max
            self.severity = json["severity"]?.stringValue == "error" ? .error : .warning
            self.what = json["what"]?.stringValue ?? "\(max) words or less"
        }
    }

    /// A fixed key-contact row of the PIP form (R000-08).
    public struct KeyContactRole: Sendable, Hashable {
        public var key: String
        public var label: String

        init?(json: JSONValue) {
            guard let key = json["key"]?.stringValue else { return nil }
            self.key = key
            self.label = json["label"]?.stringValue ?? key
        }
    }

    /// The review rubric: criteria and the ratings that require resubmission (R000-15).
    public struct Rubric: Sendable, Hashable {
        public struct Criterion: Sendable, Hashable {
            public var key: String
            /// The id a recorded review rates (`docket track review --criterion <id>=…`).
            public var id: String
            public var domain: String?
            public var criteria: String?
            public var rule: String?
        }

        public var criteria: [Criterion]
        public var resubmissionRatings: [String]

        init(metadata: JSONValue) {
            criteria = (metadata["rubric"]?.arrayValue ?? []).compactMap { c in
                c["key"]?.stringValue.map { Criterion(key: $0, id: c["id"]?.stringValue ?? $0, domain: c["domain"]?.stringValue,
                                                      criteria: c["criteria"]?.stringValue, rule: c["rule"]?.stringValue) }
            }
            resubmissionRatings = (metadata["resubmissionRatings"]?.arrayValue ?? []).compactMap(\.stringValue)
        }
    }
}

/// Scalar data values as text (event id parts).
enum OnBaseNameText {
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return d.rounded() == d ? String(Int(d)) : String(d)
        case .bool(let b): return String(b)
        default: return nil
        }
    }
}
