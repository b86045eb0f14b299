import DocketCore
import DocketSchema
import DocketTestSupport
import Foundation
import Testing

/// The engine's API: results, diagnostics, basic output, numbers, compile errors.
@Suite struct EngineTests {
    func schema(_ json: String, options: SchemaOptions = SchemaOptions()) throws -> JSONSchema {
        try JSONSchema.compile(JSONParser.parse(json).0, options: options)
    }

    func value(_ json: String) throws -> JSONValue { try JSONParser.parse(json).0 }

    @Test func basicOutputFollowsReferences() throws {
        let s = try schema(#"""
            {"$id": "https://example.com/root.json", "properties": {"age": {"$ref": "#/$defs/age"}},
             "$defs": {"age": {"type": "integer", "minimum": 0}}}
            """#)
        let r = s.validate(try value(#"{"age": -3}"#))
        #expect(!r.valid)
        #expect(r.basicOutput["valid"] == .bool(false))
        let errors = try #require(r.basicOutput["errors"]?.arrayValue)
        #expect(errors.count == 1)
        #expect(errors[0]["keywordLocation"] == "/properties/age/$ref/minimum")
        #expect(errors[0]["absoluteKeywordLocation"] == "https://example.com/root.json#/$defs/age/minimum")
        #expect(errors[0]["instanceLocation"] == "/age")
        #expect(errors[0]["error"]?.stringValue?.contains("minimum") == true)
        #expect(r.errors.map(\.rule) == ["schema.minimum"])
    }

    @Test func everyErrorIsReported() throws {
        let s = try schema(#"{"required": ["a", "b"], "properties": {"c": {"type": "string"}, "d": {"maxLength": 2}}}"#)
        let r = s.validate(try value(#"{"c": 1, "d": "long"}"#))
        #expect(Set(r.errors.map(\.rule)) == ["schema.required", "schema.type", "schema.maxLength"])
        #expect(r.errors.filter { $0.rule == "schema.required" }.count == 2)
        #expect(s.validate(try value(#"{"a": 1, "b": 2, "c": "x"}"#)).valid)
    }

    @Test func anyOfReportsSummaryAndBranches() throws {
        let s = try schema(#"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#)
        let r = s.validate(.bool(true))
        #expect(r.errors.map(\.rule).sorted() == ["schema.anyOf", "schema.type", "schema.type"])
        #expect(s.validate(.int(3)).valid)
    }

    @Test func numbersFollowJSONSemantics() throws {
        let cents = try schema(#"{"multipleOf": 0.01}"#)
        for ok in ["19.99", "0.07", "1", "100.5", "-3.33"] { #expect(cents.isValid(try value(ok)), "\(ok)") }
        for bad in ["0.075", "19.991", "1e-3"] { #expect(!cents.isValid(try value(bad)), "\(bad)") }
        #expect(try schema(#"{"multipleOf": 0.0001}"#).isValid(try value("0.0075")))
        #expect(try schema(#"{"type": "integer"}"#).isValid(.double(1.0)))
        #expect(try schema(#"{"enum": [1, "a"]}"#).isValid(.double(1.0)))
        #expect(!(try schema(#"{"enum": [false]}"#).isValid(.int(0))))
        #expect(!(try schema(#"{"uniqueItems": true}"#).isValid(try value("[1, 1.0]"))))
        #expect(try schema(#"{"const": {"a": [1]}}"#).isValid(try value(#"{"a": [1.0]}"#)))
    }

    @Test func badSchemasThrowWithEveryProblem() throws {
        #expect(throws: SchemaError.self) { try schema(#"{"type": 12}"#) }
        do {
            _ = try schema(##"{"properties": {"a": {"$ref": "#/$defs/missing"}, "b": {"pattern": "("}}}"##)
            Issue.record("expected a SchemaError")
        } catch let error as SchemaError {
            let rules = Set(error.diagnostics.map(\.rule))
            #expect(rules.contains("schema.ref"))
            #expect(error.diagnostics.count >= 2)
        }
    }

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        let json = #"{"format": "date"}"#
        #expect(try schema(json).isValid("2026-02-30"))
        let asserting = try schema(json, options: SchemaOptions(formatAssertion: true))
        #expect(!asserting.isValid("2026-02-30"))
        #expect(asserting.isValid("2024-02-29"))
        #expect(asserting.validate("x").errors.first?.rule == "schema.format")
    }

    @Test func contentIsAnAnnotationUnlessAsserted() throws {
        let json = #"{"contentEncoding": "base64", "contentMediaType": "application/json", "contentSchema": {"required": ["a"]}}"#
        #expect(try schema(json).isValid("not base64!"))
        let asserting = try schema(json, options: SchemaOptions(contentAssertion: true))
        #expect(!asserting.isValid("not base64!"))
        #expect(asserting.isValid(.string(Data(#"{"a": 1}"#.utf8).base64EncodedString())))
        #expect(!asserting.isValid(.string(Data(#"{"b": 1}"#.utf8).base64EncodedString())))
    }

    @Test func regexesUseECMASemantics() throws {
        let digits = try #require(ECMARegex("^\\d+$"))
        #expect(digits.matches("123"))
        #expect(!digits.matches("١٢٣"))  // Arabic-Indic digits are not \d in ECMA-262
        #expect(!digits.matches("123\n"))  // $ is the end of input only
        #expect(ECMARegex("(?i)abc") == nil)
        #expect(ECMARegex("[a-z") == nil)
        let unanchored = try #require(ECMARegex("b[0-9]{2}"))
        #expect(unanchored.matches("ab12c"))
        #expect(!unanchored.matches("ab1c"))
    }

    @Test func uriResolutionFollowsRFC3986() {
        let base = "http://a/b/c/d;p?q"
        let cases = ["g": "http://a/b/c/g", "./g": "http://a/b/c/g", "../g": "http://a/b/g", "/g": "http://a/g",
                     "//g": "http://g", "#s": "http://a/b/c/d;p?q#s", "../../../g": "http://a/g", "g?y": "http://a/b/c/g?y"]
        for (ref, expected) in cases { #expect(URIReference.resolve(ref, against: base) == expected, "\(ref)") }
        #expect(URIReference.resolve("#foo", against: "urn:uuid:deadbeef") == "urn:uuid:deadbeef#foo")
    }

    @Test func diagnosticsAreLocatedInTheDataFile() throws {
        let data = try DataLoader.loadYAML("name: Ada\nage: -1\n", path: "p.yaml")
        let s = try schema(#"{"properties": {"age": {"minimum": 0}}}"#)
        let located = s.validate(data.value).located(in: data)
        #expect(located.count == 1)
        #expect(located[0].location?.prefix == "p.yaml:2:6")
        #expect(located[0].instanceLocation == "/age")
    }

    @Test func compiledSchemasAreReusableAcrossThreads() async throws {
        let s = try schema(#"{"items": {"type": "integer", "maximum": 10}}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<16 { group.addTask { s.isValid(.array([.int(i)])) } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 11)
    }
}
