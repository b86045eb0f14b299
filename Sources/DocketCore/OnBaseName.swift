import Foundation

/// The one home of OnBase file naming (R000-05: "ACO/HospitalAbbreviation_PIPMidYearReport_MMDDYYYY").
///
/// A pattern is literal text with fields. Two spellings are read, and both mean the same:
/// - deliverable.yaml / `options.fileNamePattern`: `{{entity.abbreviation}}_PIPMidYearReport_{{mmddyyyy(docket.date)}}`
/// - the schedule's `fileName:`: `<ABBR>_PIPMidYearReport_<MMDDYYYY>`
///
/// From one pattern come the name of a filled file (`render`), the regular expression a
/// submitted file's name must match (`regex`), and the human example used in messages.
public struct OnBaseName: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// A data field (dotted path), e.g. `entity.abbreviation`.
        case field(String)
        /// A `YYYY-MM-DD` data field written as MMDDYYYY, e.g. `docket.date`.
        case date(String)
    }

    public var segments: [Segment]

    public init(segments: [Segment]) { self.segments = segments }

    /// The entity abbreviation field and the submission date field.
    public static let abbreviationField = "entity.abbreviation"
    public static let dateField = "docket.date"
    /// MMDDYYYY with a real month and day (R000-05's expression).
    public static let datePattern = "(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{4}"
    /// What a field matches in a submitted name.
    public static let fieldPattern = "[A-Za-z0-9]+"

    /// `<ABBR>_<Document>_<MMDDYYYY>`: the convention for a template without its own pattern.
    public static func standard(document: String) -> OnBaseName {
        OnBaseName(segments: [.field(abbreviationField), .literal("_\(document)_"), .date(dateField)])
    }

    /// Reads either spelling. Text that is not a recognised field stays literal.
    public init(pattern: String) {
        var out: [Segment] = []
        var literal = ""
        var rest = Substring(pattern)
        func flush() { if !literal.isEmpty { out.append(.literal(literal)); literal = "" } }
        while let c = rest.first {
            if rest.hasPrefix("{{"), let close = rest.range(of: "}}") {
                let tag = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                flush()
                if tag.hasPrefix("mmddyyyy("), tag.hasSuffix(")") {
                    out.append(.date(String(tag.dropFirst("mmddyyyy(".count).dropLast())))
                } else {
                    out.append(.field(tag))
                }
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<ABBR>") {
                flush(); out.append(.field(Self.abbreviationField)); rest = rest.dropFirst("<ABBR>".count)
            } else if rest.hasPrefix("<MMDDYYYY>") {
                flush(); out.append(.date(Self.dateField)); rest = rest.dropFirst("<MMDDYYYY>".count)
            } else {
                literal.append(c); rest = rest.dropFirst()
            }
        }
        flush()
        segments = out
    }

    /// The name for `value(field)`; a field without a value renders as `MISSING-<field>` so the
    /// name shows what is wrong. Characters a file name cannot hold (`/ \ : * ? " < > |`,
    /// newlines) become `-`.
    public func render(_ value: (String) -> String?) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .field(let path): out += value(path) ?? "MISSING-\(path)"
            case .date(let path):
                let text = value(path)
                out += text.flatMap(LocalDate.init)?.mmddyyyy ?? text ?? "MISSING-\(path)"
            }
        }
        return String(out.map { "/\\:*?\"<>|\n\r".contains($0) ? "-" : $0 })
    }

    /// The name for `data` (dotted paths into it) submitted on `date`.
    public func render(data: JSONValue, date: String) -> String {
        render { path in
            if path == Self.dateField, data.value(atDotted: path) == nil { return date }
            return data.value(atDotted: path).flatMap(Self.text)
        }
    }

    /// The name with `abbreviation` and `date` given directly (the calendar's file names):
    /// what is not given stays a placeholder (`<ABBR>`, `<MMDDYYYY>`, `<FIELD>`), as the schedule writes it.
    public func render(abbreviation: String?, date: LocalDate?) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): return text
            case .field(let path): return path == Self.abbreviationField ? (abbreviation ?? "<ABBR>") : "<\(path.uppercased())>"
            case .date(let path): return path == Self.dateField ? (date?.mmddyyyy ?? "<MMDDYYYY>") : "<MMDDYYYY>"
            }
        }.joined()
    }

    /// The regular expression (anchored, without extension) a submitted file's name must match.
    public var regex: String {
        "^" + segments.map { segment in
            switch segment {
            case .literal(let text): return Self.escape(text)
            case .field: return Self.fieldPattern
            case .date: return Self.datePattern
            }
        }.joined() + "$"
    }

    /// The field values a submitted name (`stem`, without extension) carries, by field path, when it
    /// matches this pattern: `MBRH_PIP2Remeasurement1Report_09262025` gives `entity.abbreviation` MBRH,
    /// `pip` 2 and `remeasurement` 1 for `<ABBR>_PIP{{pip}}Remeasurement{{remeasurement}}Report_<MMDDYYYY>`.
    /// Nil when it does not match.
    public func values(in stem: String) -> [String: String]? {
        var fields: [String] = []
        let pattern = "^" + segments.map { segment -> String in
            switch segment {
            case .literal(let text): return Self.escape(text)
            case .field(let path): fields.append(path); return "(?<f\(fields.count - 1)>" + Self.fieldPattern + ")"
            case .date: return "(?:" + Self.datePattern + ")"
            }
        }.joined() + "$"
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let match = expression.firstMatch(in: stem, range: NSRange(stem.startIndex..., in: stem)) else { return nil }
        var out: [String: String] = [:]
        for (i, path) in fields.enumerated() {
            if let range = Range(match.range(withName: "f\(i)"), in: stem), out[path] == nil { out[path] = String(stem[range]) }
        }
        return out
    }

    /// A human example such as `MBRH_PIPMidYearReport_MMDDYYYY`.
    public func example(abbreviation: String?) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): return text
            case .field(let path): return path == Self.abbreviationField ? (abbreviation ?? "ABBR") : path.uppercased()
            case .date: return "MMDDYYYY"
            }
        }.joined()
    }

    /// The MMDDYYYY date at the end of `stem`, or nil.
    public static func trailingDate(_ stem: String) -> LocalDate? {
        let digits = stem.suffix(8)
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let s = Array(digits)
        return LocalDate(String(s[4..<8]) + "-" + String(s[0..<2]) + "-" + String(s[2..<4]))
    }

    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default: return nil
        }
    }

    /// Regular-expression escaping for literal text.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\^$.|?*+()[]{}-/".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension JSONValue {
    /// The value at a dotted path (`entity.abbreviation`; numeric segments index arrays).
    public func value(atDotted path: String) -> JSONValue? {
        var node: JSONValue? = self
        for key in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let current = node else { return nil }
            if let i = Int(key), let a = current.arrayValue { node = a.indices.contains(i) ? a[i] : nil } else { node = current[String(key)] }
        }
        if case .null = node { return nil }
        return node
    }
}
