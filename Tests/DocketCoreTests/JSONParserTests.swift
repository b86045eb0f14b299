import Foundation
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

    func failure(_ text: String, path: String = "bad.yaml") -> Diagnostic? {
        do {
            _ = try DataLoader.load(data: Data(text.utf8), path: path)
            return nil
        } catch {
            return error.diagnostic
        }
    }

    /// Issue 13: the library says "did not find expected key" where it gave up (often the end of
    /// the file); a person needs the line where the quote was opened.
    @Test func unclosedQuoteNamesTheLineWhereItOpened() throws {
        var lines = ["entity:", "  name: Example Hospital", "  abbreviation: EH", "  type: \"acute-hospital", "contacts:"]
        lines += (1...45).map { "  k\($0): value \($0)" }
        lines += ["midYearPlanning:", "  response: \"Met with \"partners\" twice\"", "  other: x"]
        let d = try #require(failure(lines.joined(separator: "\n") + "\n"))
        #expect(d.rule == "data.syntax")
        #expect(d.message.hasPrefix("a quote (\") opened on line 4 is never closed"), "\(d.message)")
        #expect(d.location?.position == SourcePosition(line: 4, column: 9))
        // Single quotes, and a quote still open at the end of the file.
        let single = try #require(failure("a: 1\nb: 'it is\nc: 3\n"))
        #expect(single.message.hasPrefix("a quote (') opened on line 2 is never closed"), "\(single.message)")
        // A deliberate multi-line quoted text is not blamed for a later error.
        let multi = try #require(failure("note: \"first line\n  second line\"\nb: [1, 2\n"))
        #expect(multi.message.hasPrefix("invalid YAML: "), "\(multi.message)")
        // Quotes inside plain text, quoted keys, escapes and block scalars are not mistaken for it.
        #expect(YAMLHints.unclosedQuotes(["name: Children's Hospital", "\"a b\": 1", "x: \"say \\\"hi\\\"\"",
                                          "y: 'it''s'", "z: |", "  \"quoted in a block", "w: 2"]).isEmpty)
    }

    /// Issue 13: a tab used to indent ("found character that cannot start any token").
    @Test func tabIndentationIsNamed() throws {
        let d = try #require(failure("entity:\n  name: A\n  type: aco\n\tabbreviation: A\n"))
        #expect(d.rule == "data.syntax")
        #expect(d.message == "line 4 is indented with a tab: use spaces (YAML does not allow tabs for indentation)", "\(d.message)")
        #expect(d.location?.position?.line == 4)
    }

    /// Other syntax errors keep the library's words, with the enclosing structure's line.
    @Test func otherSyntaxErrorsKeepTheProblem() throws {
        let d = try #require(failure("a: [1, 2\nb: 3\n"))
        #expect(d.message.hasPrefix("invalid YAML: "), "\(d.message)")
        #expect(!d.message.contains(" at 1:"), "\(d.message)")
    }

    /// Issue 13: an empty JSON data file.
    @Test func emptyJSONFileIsSaidInWords() throws {
        let d = try #require(failure(" \n", path: "d.json"))
        #expect(d.rule == "data.syntax")
        #expect(d.message == "the file is empty: it has no data")
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
