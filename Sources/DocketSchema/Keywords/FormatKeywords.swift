import DocketCore

/// Format vocabularies: `format` is an annotation unless `SchemaOptions.formatAssertion` is
/// on or the meta-schema declares the format-assertion vocabulary. Unknown formats are
/// never asserted. Only strings are checked (other types pass).
enum FormatKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        guard case .string(let format)? = c.object["format"] else { return [] }
        let asserting = c.options.formatAssertion || c.vocabularies.contains(.formatAssertion)
        guard asserting, let check = Formats.validator(format) else { return [] }
        return [CheckKeyword("format", c.absolute, {
            guard case .string(let s) = $0 else { return true }
            return check(s)
        }, { value in
            let message = "\(JSONWriter.string(value)) is not a valid \(format)"
            return hints[format].map { message + ": " + $0 } ?? message
        })]
    }

    /// How to write the formats people type in deliverable data.
    static let hints: [String: String] = [
        "date": "write a calendar date as YYYY-MM-DD, e.g. 2023-09-30",
        "date-time": "write a date and time as YYYY-MM-DDThh:mm:ssZ, e.g. 2023-09-30T17:00:00Z",
        "time": "write a time as hh:mm:ss with a zone, e.g. 17:00:00Z",
        "email": "write an email address such as name@example.org",
    ]
}
