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

    /// Issue 13: the HQE schema puts `x-docket-suggestedPages` on section objects (3.A–E) and on
    /// the goals array; it used to look at strings only and never fired.
    @Test func suggestedPagesCountsEveryStringInsideASection() throws {
        let s = try schema(#"{"properties": {"section": {"x-docket-rule": "R003-13", "x-docket-suggestedPages": [1, 2]}}}"#)
        let long = JSONValue.object(["a": words(700), "b": .object(["c": words(600)]), "d": .array([words(100)])])
        let r = s.validate(.object(["section": long]))
        #expect(r.valid)
        #expect(r.warnings.map(\.rule) == ["R003-13"])
        #expect(r.warnings.first?.instanceLocation == "/section")
        #expect(r.warnings.first?.message.contains("1400 words") == true, "\(r.warnings.map(\.message))")
        #expect(s.validate(.object(["section": .object(["a": words(400), "b": words(400)])])).warnings.isEmpty)
        #expect(s.validate(.object(["section": .array([words(300), words(500)])])).warnings.isEmpty)
        #expect(s.validate(.object(["section": .array([words(30)])])).warnings.count == 1)
        #expect(s.validate(.object(["section": 5])).warnings.isEmpty)
    }

    /// Issue 13: formats are annotations in 2020-12; a deliverable schema makes them assertions
    /// with `x-docket-formatAssert: true` at its root, other schemas keep the default.
    @Test func formatAssertAtTheRootMakesFormatsAssertions() throws {
        let props = #""properties": {"email": {"format": "email"}, "date": {"format": "date"}}"#
        let asserting = try schema(#"{"x-docket-formatAssert": true, "# + props + "}")
        let bad = JSONValue.object(["email": "not-an-email", "date": "2023-02-30"])
        let r = asserting.validate(bad)
        #expect(!r.valid)
        #expect(Set(r.errors.map(\.instanceLocation)) == ["/email", "/date"])
        #expect(r.errors.allSatisfy { $0.rule == "schema.format" })
        #expect(asserting.validate(.object(["email": "a@example.org", "date": "2024-02-29"])).valid)
        // Generic schemas: annotation only, unless the option asks.
        let plain = try schema("{" + props + "}")
        #expect(plain.validate(bad).valid)
        #expect(!(try schema("{" + props + "}", options: SchemaOptions(formatAssertion: true))).validate(bad).valid)
        #expect(try schema(#"{"x-docket-formatAssert": false, "# + props + "}").validate(bad).valid)
        // Referenced subschemas of the same document assert too.
        let viaRef = try schema(##"{"x-docket-formatAssert": true, "$defs": {"d": {"format": "date"}}, "properties": {"x": {"$ref": "#/$defs/d"}}}"##)
        #expect(!viaRef.validate(.object(["x": "2023-13-01"])).valid)
        #expect(throws: SchemaError.self) { try schema(#"{"x-docket-formatAssert": "yes"}"#) }
        #expect(throws: SchemaError.self) { try schema(#"{"properties": {"a": {"x-docket-formatAssert": true}}}"#) }
    }

    /// Issue 13: a pattern failure says in words what is asked for.
    @Test func patternDescriptionIsTheMessage() throws {
        let s = try schema(#"{"properties": {"abbr": {"pattern": "^[A-Za-z0-9]+$", "x-docket-patternDescription": "letters and digits only"}, "raw": {"pattern": "^a$"}}}"#)
        let r = s.validate(.object(["abbr": "MB-RH", "raw": "b"]))
        let byPlace = Dictionary(uniqueKeysWithValues: r.errors.map { ($0.instanceLocation ?? "", $0) })
        #expect(byPlace["/abbr"]?.message == #""MB-RH" is not accepted here: letters and digits only"#)
        #expect(byPlace["/abbr"]?.rule == "schema.pattern")
        #expect(byPlace["/raw"]?.message == #""b" does not match the pattern ^a$"#)
        #expect(throws: SchemaError.self) { try schema(#"{"x-docket-patternDescription": "no pattern beside it"}"#) }
        #expect(throws: SchemaError.self) { try schema(#"{"pattern": "a", "x-docket-patternDescription": 3}"#) }
    }

    /// Issue 13: an unknown key names the object it is in and the closest declared name.
    @Test func unknownFieldSuggestsTheClosestName() throws {
        let s = try schema(#"{"additionalProperties": false, "properties": {"entity": {"additionalProperties": false, "properties": {"address": {}, "name": {}}}}}"#)
        let r = s.validate(.object(["entity": .object(["adress": "1 Main St"]), "zzz": 1]))
        let messages = Dictionary(uniqueKeysWithValues: r.errors.map { ($0.instanceLocation ?? "", $0.message) })
        #expect(messages["/entity/adress"] == "unknown field 'adress' in entity: did you mean 'address'?")
        #expect(messages["/zzz"] == "unknown field 'zzz' at the top level: the fields here are 'entity'")
        #expect(r.errors.allSatisfy { $0.rule == "schema.additionalProperties" })
    }

    /// Issue 13: the form's own "Yes" for a true/false answer.
    @Test func yesForABooleanSaysWhatToWrite() throws {
        let s = try schema(#"{"properties": {"exists": {"type": "boolean"}, "maybe": {"type": ["boolean", "null"]}, "n": {"type": "integer"}}}"#)
        let r = s.validate(.object(["exists": "Yes", "maybe": "no", "n": "x"]))
        let messages = Dictionary(uniqueKeysWithValues: r.errors.map { ($0.instanceLocation ?? "", $0.message) })
        #expect(messages["/exists"] == #""Yes" is not true or false: write true or false (Yes → true)"#)
        #expect(messages["/maybe"] == #""no" is not true or false: write true or false, or leave it empty (no → false)"#)
        #expect(messages["/n"] == "expected integer, got string")
        #expect(s.validate(.object(["exists": "perhaps"])).errors.first?.message
                == #""perhaps" is not true or false: write true or false"#)
    }

    /// Issue 13: an empty data file is "the file is empty", not "expected object, got null".
    @Test func emptyFileIsSaidInWords() throws {
        let s = try schema(#"{"type": "object"}"#)
        let empty = try DataLoader.loadYAML("# nothing yet\n\n", path: "d.yaml")
        let r = s.validate(empty.value)
        #expect(r.located(in: empty).map(\.message) == ["the file is empty: it has no data"])
        #expect(r.located(in: empty).map(\.rule) == ["schema.type"])
        // An explicit null is data, reported as before.
        let null = try DataLoader.loadYAML("~\n", path: "d.yaml")
        #expect(s.validate(null.value).located(in: null).map(\.message) == ["expected object, got null"])
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
