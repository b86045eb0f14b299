import DocketCore
@testable import DocketTemplate
import DocketTestSupport
import Foundation
import Testing

/// `{{image(x)}}` in Markdown and plain text: what is written, and the errors, located and naming the field.
struct ImageTagTests {
    static func folder() throws -> URL {
        let dir = TestPaths.temporaryDirectory("image-tag")
        try TestImages.png(width: 8, height: 4).write(to: dir.appendingPathComponent("my logo.png"))
        return dir
    }

    func fill(_ text: String, _ data: JSONValue, images: MarkdownImages = .reference, base: URL?) throws -> RenderResult {
        let t = try Template(text, name: "t", locator: .lineColumn(file: "t.md"))
        return t.render(data, format: MarkdownFormat(images: images), options: RenderOptions(imageBase: base))
    }

    @Test func markdownRefersToThePathAndEscapesTheAltText() throws {
        let dir = try Self.folder()
        let r = try fill("# Report\n\n{{image(logo)}}\n", ["logo": ["path": "my logo.png", "alt": "Mercy Bay [MBRH] logo"]], base: dir)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        #expect(r.output == "# Report\n\n![Mercy Bay \\[MBRH\\] logo](my%20logo.png)\n")
    }

    @Test func inlineModeWritesADataURIAndDecorativeImagesHaveEmptyAlt() throws {
        let dir = try Self.folder()
        let r = try fill("{{image(logo)}}", ["logo": ["path": "my logo.png", "decorative": true]], images: .inline, base: dir)
        #expect(r.diagnostics.isEmpty)
        #expect(r.output.hasPrefix("![](data:image/png;base64,iVBORw0KGgo"))
    }

    @Test func missingAltTextIsALocatedErrorNamingTheField() throws {
        let dir = try Self.folder()
        let data: JSONValue = ["items": [["logo": ["path": "my logo.png", "alt": "ok"]], ["logo": ["path": "my logo.png"]]]]
        let r = try fill("Intro\n{{#items}}\n  {{image(logo)}}\n{{/items}}\n", data, base: dir)
        let errors = r.diagnostics.filter(\.isError)
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        #expect(e.rule == "image.alt")
        #expect(e.message.contains("items.1.logo") && e.message.contains("no alt text"), "\(e.message)")
        #expect(e.location?.file == "t.md" && e.location?.position?.line == 3 && e.location?.position?.column == 3)
    }

    @Test func everyRefusalIsReportedAndNullIsAnIntentionalBlank() throws {
        let dir = try Self.folder()
        try TestImages.pngHeader(width: 10_000, height: 10_000).write(to: dir.appendingPathComponent("huge.png"))
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("notes.png"))
        let data: JSONValue = ["a": ["path": "../x.png", "alt": "x"], "b": ["path": "huge.png", "alt": "x"],
                               "c": ["path": "notes.png", "alt": "x"], "d": nil]
        let r = try fill("{{image(a)}}\n{{image(b)}}\n{{image(c)}}\n[{{image(d)}}]\n{{image(e)}}\n", data, base: dir)
        #expect(r.diagnostics.map(\.rule) == ["image.path", "image.limit", "image.format", "template.missing-field"])
        #expect(r.diagnostics[1].message.contains("10000×10000"))
        #expect(r.output.contains("[]"))
    }

    @Test func plainTextShowsTheAltText() throws {
        let t = try Template("{{image(x)}}", name: "t", locator: .lineColumn(file: "t.txt"))
        let png = "data:image/png;base64," + TestImages.png(width: 2, height: 2).base64EncodedString()
        let r = t.render(["x": ["data": .string(png), "alt": "A chart"]], format: PlainTextFormat())
        #expect(r.output == "A chart")
    }
}
