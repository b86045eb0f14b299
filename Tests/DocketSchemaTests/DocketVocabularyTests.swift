import DocketCore
import DocketSchema
import DocketTestSupport
import Foundation
import Testing

/// Docket's custom keywords and the word count behind them.
@Suite struct DocketVocabularyTests {
    func words(_ n: Int) -> JSONValue { .string(Array(repeating: "word", count: n).joined(separator: " ")) }

    func schema(_ json: String, options: SchemaOptions = SchemaOptions()) throws -> JSONSchema {
        try JSONSchema.compile(JSONParser.parse(json).0, options: options)
    }

    @Test func wordCountStripsMarkdown() {
        #expect(WordCount.count("") == 0)
        #expect(WordCount.count("one  two\nthree") == 3)
        #expect(WordCount.count("# Heading\n\n- **bold** item — [link](http://example.com/x y)") == 4)
        #expect(WordCount.count("<b>tag</b> text") == 2)
    }

    @Test func maxWordsIsAnError() throws {
        let s = try schema(#"{"x-docket-maxWords": 3}"#)
        #expect(s.validate(words(3)).valid)
        let r = s.validate(words(4))
        #expect(!r.valid)
        #expect(r.errors.first?.rule == "schema.x-docket-maxWords")
        #expect(r.errors.first?.message.contains("4 words") == true)
    }

    @Test func suggestedMaxWordsWarnsWithTheRuleId() throws {
        let s = try schema(#"{"properties": {"n": {"x-docket-rule": "R000-10", "x-docket-suggestedMaxWords": 500}}}"#)
        let r = s.validate(.object(["n": words(501)]))
        #expect(r.valid)
        #expect(r.errors.isEmpty)
        #expect(r.warnings.count == 1)
        #expect(r.warnings.first?.rule == "R000-10")
        #expect(r.warnings.first?.severity == .warning)
        #expect(s.validate(.object(["n": words(500)])).warnings.isEmpty)
    }

    @Test func suggestedPagesUsesWordsPerPage() throws {
        let json = #"{"x-docket-suggestedPages": [1, 2]}"#
        #expect(try schema(json).validate(words(700)).warnings.isEmpty)
        #expect(try schema(json).validate(words(1200)).warnings.count == 1)
        #expect(try schema(json).validate(words(100)).warnings.count == 1)
        let dense = try schema(json, options: SchemaOptions(wordsPerPage: 1000))
        #expect(dense.validate(words(1200)).warnings.isEmpty)
    }

    @Test func ruleIdReplacesGenericIdsInside() throws {
        let s = try schema(#"{"properties": {"abbr": {"x-docket-rule": "R000-05", "pattern": "^[A-Z]+$"}}, "required": ["abbr"]}"#)
        #expect(s.validate(.object(["abbr": "ab"])).errors.map(\.rule) == ["R000-05"])
        #expect(s.validate(.object([:])).errors.map(\.rule) == ["schema.required"])
    }

    @Test func malformedCustomKeywordsAreCompileErrors() {
        #expect(throws: SchemaError.self) { try schema(#"{"x-docket-suggestedPages": [3, 1]}"#) }
        #expect(throws: SchemaError.self) { try schema(#"{"x-docket-maxWords": "ten"}"#) }
    }

    @Test func catalogLoadsYAMLSchemasWithSiblingReferences() throws {
        let dir = TestPaths.temporaryDirectory("schema-catalog")
        try "type: object\nproperties:\n  contact:\n    $ref: contact.schema.json\n"
            .write(to: dir.appendingPathComponent("main.schema.yaml"), atomically: true, encoding: .utf8)
        try #"{"type": "object", "required": ["email"]}"#
            .write(to: dir.appendingPathComponent("contact.schema.json"), atomically: true, encoding: .utf8)
        let catalog = SchemaCatalog()
        let data = try DataLoader.loadYAML("contact:\n  name: A\n", path: "d.yaml")
        let report = try catalog.validate(data, schemaAt: dir.appendingPathComponent("main.schema.yaml"))
        #expect(!report.valid)
        #expect(report.errors.first?.location?.prefix == "d.yaml:2:3")
        #expect(report.errors.first?.message.contains("email") == true)
    }
}
