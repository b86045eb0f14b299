import Foundation
import Mustache
import Testing
import DocketCore
import DocketTemplate

/// Renders the same templates with swift-mustache (an independent implementation of the
/// Mustache spec) and with Docket's engine, and requires identical output where no field is missing.
@Suite struct DifferentialTests {
    static let cases: [(String, JSONValue)] = [
        ("Hello {{name}}!", ["name": "World"]),
        ("{{#list}}<{{.}}>{{/list}}", ["list": ["a", "b", "c"]]),
        ("{{#a}}{{#b}}{{c}}-{{d}}{{/b}}{{/a}}", ["a": ["b": [["c": 1, "d": "x"], ["c": 2, "d": "y"]]]]),
        ("{{#t}}yes{{/t}}{{^t}}no{{/t}}|{{#f}}yes{{/f}}{{^f}}no{{/f}}", ["t": true, "f": false]),
        ("Begin\n{{#items}}\n  * {{name}}\n{{/items}}\nEnd\n", ["items": [["name": "one"], ["name": "two"]]]),
        ("{{outer.inner.value}} {{#outer}}{{inner.value}}{{/outer}}", ["outer": ["inner": ["value": "deep"]]]),
        ("{{! comment }}a{{=<% %>=}}<%x%><%={{ }}=%>{{x}}", ["x": "q"]),
        ("|\n  {{#s}}\n  in\n  {{/s}}\n|", ["s": true]),
        ("{{#people}}{{name}} of {{org}}\n{{/people}}", ["org": "BMC", "people": [["name": "Ana"], ["name": "Ben", "org": "CHA"]]]),
    ]

    static func any(_ v: JSONValue) -> Any {
        switch v {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .array(let a): return a.map(any)
        case .object(let o): return o.mapValues(any)
        }
    }

    @Test(arguments: 0..<cases.count)
    func sameOutputAsSwiftMustache(_ index: Int) throws {
        let (text, data) = Self.cases[index]
        let ours = try Template(text, name: "t", locator: .lineColumn(file: "t")).render(data, format: PlainTextFormat())
        #expect(ours.diagnostics.isEmpty)
        let theirs = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text).render(Self.any(data))
        #expect(ours.output == theirs, "template: \(text)")
    }
}
