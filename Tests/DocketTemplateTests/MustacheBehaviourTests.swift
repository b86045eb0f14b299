import Testing
import DocketCore
@testable import DocketTemplate

func render(_ text: String, _ data: JSONValue, format: some OutputFormat = PlainTextFormat(),
            partials: [String: Template] = [:], allowMissing: Bool = false) throws -> RenderResult {
    let t = try Template(text, name: "t", locator: .lineColumn(file: "t.md"), partials: partials)
    return t.render(data, format: format, options: RenderOptions(allowMissing: allowMissing))
}

@Suite struct MustacheBehaviourTests {
    @Test func variablesAndDottedNames() throws {
        let r = try render("Hi {{name}}, {{org.abbr}}!", ["name": "Ana", "org": ["abbr": "BMC"]])
        #expect(r.output == "Hi Ana, BMC!")
        #expect(r.diagnostics.isEmpty)
    }

    @Test func sectionsIterateAndResolveUpTheStack() throws {
        let data: JSONValue = ["org": "BMC", "people": [["name": "A"], ["name": "B"]]]
        let r = try render("{{#people}}{{name}}@{{org}}{{^@last}}, {{/@last}}{{/people}}", data)
        #expect(r.output == "A@BMC, B@BMC")
    }

    @Test func loopVariables() throws {
        let r = try render("{{#g}}{{@number}}.{{.}} {{/g}}", ["g": ["x", "y"]])
        #expect(r.output == "1.x 2.y ")
    }

    @Test func falsyValuesAndInvertedSections() throws {
        let data: JSONValue = ["f": false, "n": nil, "e": "", "z": [], "t": true]
        let r = try render("{{#f}}F{{/f}}{{#n}}N{{/n}}{{#e}}E{{/e}}{{#z}}Z{{/z}}{{#t}}T{{/t}}{{^f}}!f{{/f}}{{^absent}}!a{{/absent}}", data)
        #expect(r.output == "T!f!a")
        #expect(r.diagnostics.isEmpty, "absent section keys are conditionals, not errors")
    }

    @Test func standaloneSectionLinesLeaveNoBlankLines() throws {
        let text = "Contacts:\n{{#people}}\n- {{name}}\n{{/people}}\n  {{! note }}\nEnd\n"
        let r = try render(text, ["people": [["name": "A"], ["name": "B"]]])
        #expect(r.output == "Contacts:\n- A\n- B\nEnd\n")
    }

    @Test func partialsAreIndented() throws {
        let p = try Template("a\nb\n", name: "p", locator: .lineColumn(file: "p.md"))
        let r = try render("x\n  {{> p}}\ny\n", [:], partials: ["p": p])
        #expect(r.output == "x\n  a\n  b\ny\n")
    }

    @Test func setDelimiters() throws {
        let r = try render("{{=<% %>=}}<% a %> {{a}}<%={{ }}=%> {{a}}", ["a": "1"])
        #expect(r.output == "1 {{a}} 1")
    }

    @Test func builtInFilters() throws {
        let data: JSONValue = ["d": "2023-09-30", "yes": true, "no": "No", "items": ["a", "b", "c"], "t": "one two  three"]
        let r = try render("{{date(d)}}|{{mmddyyyy(d)}}|{{check(yes)}}{{checkNo(yes)}}|{{check(no)}}{{checkNo(no)}}|{{list(items)}}|{{count(items)}}|{{words(t)}}|{{count(none)}}", data)
        #expect(r.output == "September 30, 2023|09302023|☒☐|☐☒|a, b and c|3|3|0")
    }

    @Test func markdownFormatEscapesValuesButNotMarkdownFields() throws {
        let data: JSONValue = ["v": "*not bold* | [x](y) # 1. item", "m": "**bold**", "lines": "a\nb"]
        let r = try render("{{v}}\n{{markdown(m)}}\n{{{m}}}\n{{lines}}", data, format: MarkdownFormat())
        #expect(r.output == "\\*not bold\\* \\| \\[x\\](y) \\# 1. item\n**bold**\n**bold**\na\\\nb")
        #expect(try render("{{v}}", ["v": "1. first\n- dash"], format: MarkdownFormat()).output == "1\\. first\\\n\\- dash")
    }
}

@Suite struct TemplateErrorTests {
    @Test func missingFieldsAreAllReportedWithLocations() throws {
        let text = "Name: {{name}}\n{{#people}}\n* {{email}}\n{{/people}}\nDue {{date(due)}}\n"
        let r = try render(text, ["people": [["name": "A"], ["name": "B"]]])
        let errors = r.diagnostics.filter(\.isError)
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0.rule == "template.missing-field" })
        #expect(errors[0].location?.position == SourcePosition(line: 1, column: 7))
        #expect(errors[0].message.contains("'name'"))
        #expect(errors[1].location?.position == SourcePosition(line: 3, column: 3))
        #expect(errors[1].message.contains("people.0"))
        #expect(errors[2].message.contains("'due'"))
    }

    @Test func explicitNullIsAnIntentionalBlank() throws {
        let r = try render("[{{sponsor}}]", ["sponsor": nil])
        #expect(r.output == "[]")
        #expect(r.diagnostics.isEmpty)
    }

    @Test func allowMissingRendersVisibleMarker() throws {
        let r = try render("{{a}} and {{b.c}}", ["b": [:]], allowMissing: true)
        #expect(r.output == "[MISSING: a] and [MISSING: b.c]")
        #expect(r.diagnostics.count == 2)
        #expect(r.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func structuralErrorsAreReportedTogether() {
        let text = "{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}\n{{/zzz}}\n{{#open}}\n{{unclosed"
        do {
            _ = try Template(text, name: "t", locator: .lineColumn(file: "t.md"))
            Issue.record("expected errors")
        } catch {
            let rules = error.diagnostics.map(\.rule)
            #expect(rules.contains("template.crossing-sections"))
            #expect(rules.contains("template.unbalanced"))
            #expect(rules.contains("template.unclosed-tag"))
            #expect(error.diagnostics.count >= 4)
            let crossing = error.diagnostics.first { $0.rule == "template.crossing-sections" }!
            #expect(crossing.location?.position?.line == 3)
        }
    }

    @Test func unknownPartialAndFilter() throws {
        #expect(throws: DiagnosticList.self) { try Template("{{> nope}}", name: "t", locator: .lineColumn(file: "t")) }
        let r = try render("{{shout(a)}}", ["a": "x"])
        #expect(r.diagnostics.first?.rule == "template.unknown-filter")
        #expect(r.diagnostics.first?.message.contains("shout") == true)
    }

    @Test func lexerFindsTagsWithFilters() {
        let tags = TemplateLexer.scan("x {{#list}}{{markdown(a.b)}}{{/list}}")
        #expect(tags.map(\.kind) == [.section, .variable, .close])
        #expect(tags[1].filter == "markdown")
        #expect(tags[1].name == "a.b")
        #expect(tags[0].range == 2..<11)
    }
}
