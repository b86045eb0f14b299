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
        }, { "\(JSONWriter.string($0)) is not a valid \(format)" })]
    }
}
