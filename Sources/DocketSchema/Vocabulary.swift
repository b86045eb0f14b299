import DocketCore

/// The draft 2020-12 vocabularies, plus Docket's own (`x-docket-*`, always on).
enum Vocabulary: String, CaseIterable, Sendable {
    case core, applicator, unevaluated, validation
    case metaData = "meta-data"
    case formatAnnotation = "format-annotation"
    case formatAssertion = "format-assertion"
    case content

    static let prefix = "https://json-schema.org/draft/2020-12/vocab/"
    var uri: String { Self.prefix + rawValue }

    /// What a schema without `$schema` (or with the standard meta-schema) uses.
    static let standard: Set<Vocabulary> = Set(allCases).subtracting([.formatAssertion])

    /// The vocabularies a meta-schema's `$vocabulary` declares. Unknown vocabularies marked
    /// required (`true`) cannot be honoured and are reported; optional ones are ignored.
    static func declared(by metaschema: JSONValue) -> (Set<Vocabulary>, unknownRequired: [String]) {
        guard case .object(let declared)? = metaschema["$vocabulary"] else { return (standard, []) }
        var set: Set<Vocabulary> = [.core]
        var unknown: [String] = []
        for (uri, required) in declared.sorted(by: { $0.key < $1.key }) {
            if uri.hasPrefix(prefix), let v = Vocabulary(rawValue: String(uri.dropFirst(prefix.count))) {
                set.insert(v)
            } else if required.boolValue == true {
                unknown.append(uri)
            }
        }
        return (set, unknown)
    }
}
