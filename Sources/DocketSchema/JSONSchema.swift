import DocketCore
import Foundation

/// Options of schema compilation and validation.
public struct SchemaOptions: Sendable, Hashable {
    /// Treat `format` as an assertion (draft 2020-12 makes it an annotation by default). A schema
    /// root with `x-docket-formatAssert: true` (the deliverable schemas) asserts regardless.
    public var formatAssertion = false
    /// Decode `contentEncoding` (base64) and parse `contentMediaType` (application/json) and
    /// apply `contentSchema` as assertions (annotations only by default).
    public var contentAssertion = false
    /// Check the schema against its meta-schema before compiling it.
    public var validateSchema = true
    /// Words per page for `x-docket-suggestedPages` estimates.
    public var wordsPerPage = 500

    public init(formatAssertion: Bool = false, contentAssertion: Bool = false, validateSchema: Bool = true,
                wordsPerPage: Int = 500) {
        self.formatAssertion = formatAssertion
        self.contentAssertion = contentAssertion
        self.validateSchema = validateSchema
        self.wordsPerPage = wordsPerPage
    }
}

/// A schema that could not be compiled: invalid against its meta-schema, an unresolvable
/// `$ref`, a bad regular expression… Every problem found is listed.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String {
        diagnostics.map { d in
            [d.absoluteKeywordLocation ?? d.keywordLocation, d.instanceLocation.map { "at schema location '\($0)'" }]
                .compactMap { $0 }.joined(separator: " ") + ": " + d.message
        }.joined(separator: "\n")
    }
}

/// A compiled JSON Schema (draft 2020-12): compile once, validate many instances, from any
/// thread.
///
///     let schema = try JSONSchema.compile(schemaValue)
///     let result = schema.validate(instance)
///     if !result.valid { for d in result.errors { print(d.message) } }
public struct JSONSchema: Sendable {
    let root: SchemaNode
    public let options: SchemaOptions
    /// Set when the schema uses Docket's warning keywords, which need the collecting mode.
    let hasWarnings: Bool

    /// Compiles `schema`. `baseURI` is where it was retrieved from (for relative `$id`/`$ref`);
    /// `registry` holds documents that `$ref` may reach. Throws `SchemaError`.
    public static func compile(_ schema: JSONValue, baseURI: String? = nil, registry: SchemaRegistry = SchemaRegistry(),
                               options: SchemaOptions = SchemaOptions()) throws(SchemaError) -> JSONSchema {
        if options.validateSchema, let metaschema = metaschema(for: schema) {
            let result = metaschema.validate(schema)
            if !result.valid {
                throw SchemaError(diagnostics: result.errors.map { d in
                    var d = d
                    d.rule = "schema.metaschema"
                    d.message = "invalid schema: \(d.message)"
                    return d
                })
            }
        }
        let compiler = Compiler(registry: registry, options: options)
        let uri = SchemaRegistry.key(baseURI ?? "urn:docket:schema")
        let document = compiler.index.addDocument(schema, uri: uri)
        let root = compiler.node(SchemaLocation(document: document, pointer: ""))
        if !compiler.errors.isEmpty { throw SchemaError(diagnostics: compiler.errors) }
        return JSONSchema(root: root, options: options, hasWarnings: DocketKeywords.usesWarnings(schema))
    }

    /// The standard meta-schema, compiled once.
    static let draft2020Metaschema: JSONSchema? = {
        guard let doc = Metaschemas.documents[Metaschemas.draft2020] else { return nil }
        return try? compile(doc, baseURI: Metaschemas.draft2020, options: SchemaOptions(validateSchema: false))
    }()

    /// The meta-schema to check `schema` against: the standard one when `$schema` is absent
    /// or names draft 2020-12 (custom meta-schemas are honoured for vocabularies only).
    static func metaschema(for schema: JSONValue) -> JSONSchema? {
        if let s = schema["$schema"]?.stringValue, SchemaRegistry.key(s) != Metaschemas.draft2020 { return nil }
        return draft2020Metaschema
    }

    /// Validates one instance: a quick pass that stops at the first failure, then (only if
    /// invalid, or if the schema has warning keywords) a full pass collecting every error.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        if !hasWarnings {
            let quick = Evaluation(collect: false, options: options)
            var ann = Annotations(track: false)
            if root.evaluate(instance, quick, &ann) { return ValidationResult(valid: true, units: [], warningUnits: []) }
        }
        let full = Evaluation(collect: true, options: options)
        var ann = Annotations(track: false)
        let valid = root.evaluate(instance, full, &ann)
        return ValidationResult(valid: valid, units: valid ? [] : full.units, warningUnits: full.warnings)
    }

    /// Whether `instance` is valid, without building any report (the fastest check).
    public func isValid(_ instance: JSONValue) -> Bool {
        let quick = Evaluation(collect: false, options: options)
        var ann = Annotations(track: false)
        return root.evaluate(instance, quick, &ann)
    }
}
