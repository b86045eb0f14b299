import DocketCore

/// Translations of chosen answers (issue 11; R003-14 recommends the Strategic Plan's Executive
/// Summary "be published in multiple languages"). The data may carry
///
///     translations:
///       es: {plan: {executiveSummary: {aims: "…"}}}
///
/// a map language tag → a partial overlay in the data's own shape. The deliverable's schema says
/// which fields can be translated (its `translations` property lists them, each a `$ref` to the
/// English field) and validates the overlay. A fill in a language overlays those fields; the
/// form's fixed text stays as published, and a translatable field the language lacks keeps its
/// English answer with a warning naming it.
public enum Translations {
    /// The data key of the translations.
    public static let key = "translations"

    /// The rule id of a translatable field left in English.
    public static let fallbackRule = "fill.translation-missing"

    /// A fill language: a BCP 47 tag of two or three lower-case letters and an optional region
    /// (`es`, `pt-BR`).
    public struct Language: Sendable, Hashable, CustomStringConvertible {
        public let tag: String

        public init?(_ tag: String) {
            let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), (2...3).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }),
                  parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy({ $0.isASCII && $0.isUppercase })) else { return nil }
            self.tag = tag
        }

        public var description: String { tag }
        /// The language without region (`pt-BR` → `pt`): HTML `lang`.
        public var primary: String { String(tag.split(separator: "-")[0]) }
        /// Word's `w:lang` value: the tag, with the region US when it has none (the contractors
        /// are in Massachusetts): `es` → `es-US`.
        public var wordTag: String { tag.contains("-") ? tag : tag + "-US" }
    }

    /// What a translated fill prints: the data with the language's fields laid over it (and no
    /// `translations`), the dotted paths that were translated, and a warning per translatable
    /// field left in English.
    public struct Result: Sendable {
        public var data: JSONValue
        public var translated: [String]
        public var diagnostics: [Diagnostic]
    }

    /// The translatable fields a schema declares: the dotted paths of the leaves of its
    /// `translations` property's overlay (`properties` followed down; a node without them is a field).
    public static func fields(schema: JSONValue) -> [String] {
        var out: [String] = []
        func walk(_ node: JSONValue, _ path: [String]) {
            guard let properties = node["properties"]?.objectValue else {
                if !path.isEmpty { out.append(path.joined(separator: ".")) }
                return
            }
            for key in properties.keys.sorted() { walk(properties[key]!, path + [key]) }
        }
        if let overlay = schema["properties"]?[key]?["additionalProperties"] { walk(overlay, []) }
        return out
    }

    /// `loaded` in `language`. `fields` are the translatable fields (`fields(schema:)`); without a
    /// schema, the fields any language of the data translates. Warnings point at the English
    /// field's place in the data file.
    public static func apply(_ language: Language, to loaded: LoadedData, fields: [String]?) -> Result {
        var data = loaded.value
        let all = data[key]?.objectValue ?? [:]
        if case .object(var o) = data {
            o[key] = nil
            data = .object(o)
        }
        let overlay = all[language.tag] ?? .null
        var translated: [String] = []
        var diagnostics: [Diagnostic] = []
        let expected = fields ?? Array(Set(all.values.flatMap { leaves($0, []) })).sorted()
        for field in expected {
            guard data.value(atDotted: field) != nil else { continue }  // nothing in English either
            if let value = overlay.value(atDotted: field), !isBlank(value) {
                data.setValue(value, atDotted: field)
                translated.append(field)
            } else {
                let pointer = JSONPointer.fromDotted(field)
                diagnostics.append(Diagnostic(.warning, rule: fallbackRule,
                                              "`\(field)` has no \(language) translation (translations.\(language).\(field)): it is printed in English",
                                              location: loaded.location(of: pointer), instanceLocation: pointer))
            }
        }
        return Result(data: data, translated: translated, diagnostics: diagnostics)
    }

    private static func leaves(_ value: JSONValue, _ path: [String]) -> [String] {
        guard case .object(let o) = value else { return path.isEmpty ? [] : [path.joined(separator: ".")] }
        return o.flatMap { k, v in leaves(v, path + [k]) }
    }

    private static func isBlank(_ value: JSONValue) -> Bool {
        if case .string(let s) = value { return s.allSatisfy(\.isWhitespace) }
        return value == .null
    }
}
