import Testing
@testable import DocketCore

@Suite struct JSONParserTests {
    @Test func parsesAndMapsPositions() throws {
        let (value, map) = try JSONParser.parse("{\n  \"a\": [1, 2.5, \"x\"],\n  \"b\": {\"c\": null}\n}")
        #expect(value["a"]?[0] == .int(1))
        #expect(value["a"]?[1] == .double(2.5))
        #expect(value.value(at: "/b/c") == .null)
        #expect(map.positions["/a"] == SourcePosition(line: 2, column: 8))
        #expect(map.positions["/a/2"] == SourcePosition(line: 2, column: 17))
        #expect(map.position(for: "/b/c/zzz") == SourcePosition(line: 3, column: 14))
    }

    @Test func reportsErrorPosition() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": tru\n}")
            Issue.record("expected failure")
        } catch {
            #expect(error.position.line == 2)
            #expect(error.message.contains("true"))
        }
    }

    @Test func rejectsDuplicateKeysAndLoneSurrogates() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("{\"a\":1,\"a\":2}") }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("\"\\ud800\"") }
        #expect((try? JSONParser.parse("\"\\ud83d\\ude00\""))?.0 == .string("😀"))
    }

    @Test func writerIsDeterministic() {
        let v: JSONValue = ["b": 1, "a": [true, nil, "q\"\n"], "c": 1.5]
        #expect(JSONWriter.string(v) == #"{"a":[true,null,"q\"\n"],"b":1,"c":1.5}"#)
    }
}

@Suite struct YAMLLoaderTests {
    @Test func keepsNoAndDatesAsStrings() throws {
        let d = try DataLoader.loadYAML("answer: No\ndue: 2023-09-30\nok: true\nn: 3\nlist:\n  - x\n", path: "t.yaml")
        #expect(d.value["answer"] == "No")
        #expect(d.value["due"] == "2023-09-30")
        #expect(d.value["ok"] == true)
        #expect(d.value["n"] == 3)
        #expect(d.sourceMap.positions["/list/0"]?.line == 6)
    }

    @Test func syntaxErrorHasLineAndColumn() {
        do {
            _ = try DataLoader.loadYAML("a: [1, 2\nb: 3\n", path: "bad.yaml")
            Issue.record("expected failure")
        } catch {
            #expect(error.diagnostic.rule == "data.syntax")
            #expect(error.diagnostic.location?.position != nil)
        }
    }
}
