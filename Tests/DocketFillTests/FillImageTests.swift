import DocketCore
import DocketDeliverables
@testable import DocketDOCX
import DocketFill
import DocketTestSupport
import Foundation
import Testing

/// Images through the fill pipeline: paths relative to the data file, the IA report's
/// infographic (Docket's addition, only when given), the entity logo in every header, and the
/// schema's check of an image field.
@Suite struct FillImageTests {
    static let registry = try! DeliverableRegistry.load(root: TestPaths.packageRoot)  // test fixture: the shipped Templates/ must load
    static let root = TestPaths.packageRoot

    func pipeline(_ id: String, _ kinds: Set<OutputKind>) throws -> FillPipeline {
        try FillPipeline(target: try FillTargets.resolve(id, registry: Self.registry), formats: kinds)
    }

    /// The IA example in a folder of its own, with `extra` YAML appended and an infographic PNG beside it.
    static func iaData(_ extra: String) throws -> String {
        let dir = TestPaths.temporaryDirectory("ia-infographic")
        try TestImages.png(width: 300, height: 150).write(to: dir.appendingPathComponent("infographic.png"))
        let example = try String(contentsOf: root.appendingPathComponent("Templates/ia-midpoint-assessment/example.yaml"), encoding: .utf8)
        let path = dir.appendingPathComponent("data.yaml")
        try (example + extra).write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    static let infographic = "infographic:\n  path: infographic.png\n  alt: Infographic of CCP's enrollment and focus areas\n  width: 6in\n"

    @Test func theInfographicIsShownOnlyWhenGiven() throws {
        let p = try pipeline("ia-midpoint-assessment", [.docx, .md, .html])
        let with = try Self.iaData(Self.infographic)
        let docx = p.fill(FillRequest(input: .file(with), format: .docx, date: "2020-06-30"))
        #expect(docx.status == .success, "\(docx.diagnostics.map(\.message))")
        let package = try OOXMLPackage.load(docx: try #require(docx.bytes))
        #expect(try OOXMLOrder.violations(in: package).isEmpty)
        let parts = package.parts
        #expect(parts["word/media/docketImage1.png"] == TestImages.png(width: 300, height: 150))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("descr=\"Infographic of CCP"))
        let md = p.fill(FillRequest(input: .file(with), format: .md, date: "2020-06-30"))
        let markdown = String(decoding: try #require(md.bytes), as: UTF8.self)
        #expect(markdown.contains("# List of Sources for Infographic\n\n*Added by Docket"))
        #expect(markdown.contains("![Infographic of CCP's enrollment and focus areas](infographic.png)"), "\(markdown.prefix(900))")
        let html = String(decoding: try #require(p.fill(FillRequest(input: .file(with), format: .html, date: "2020-06-30")).bytes), as: UTF8.self)
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"))
        #expect(html.contains("alt=\"Infographic of CCP"))

        let without = try Self.iaData("")
        let plain = String(decoding: try #require(p.fill(FillRequest(input: .file(without), format: .md, date: "2020-06-30")).bytes), as: UTF8.self)
        #expect(!plain.contains("![") && !plain.contains("the infographic, shown"))
    }

    @Test func anInfographicWithoutAltTextIsRefusedWhereTheDataSaysIt() throws {
        let p = try pipeline("ia-midpoint-assessment", [.docx])
        let path = try Self.iaData("infographic:\n  path: infographic.png\n")
        let r = p.fill(FillRequest(input: .file(path), format: .docx, date: "2020-06-30"))
        #expect(r.status == .invalid)
        #expect(r.bytes == nil)
        let e = try #require(r.diagnostics.first { $0.isError })
        #expect(e.location?.file == path, "\(r.diagnostics)")
        #expect(e.instanceLocation == "/infographic", "\(r.diagnostics)")
        // One message: the schema asks for alt (Schemas/defs/image.schema.json), not for "one of".
        #expect(r.diagnostics.filter(\.isError).map(\.message) == ["missing required property 'alt'"])
        #expect(e.location?.position?.line != nil)
    }

    @Test func aRefusedImageFilePointsAtItsFieldInTheData() throws {
        let p = try pipeline("ia-midpoint-assessment", [.docx])
        let path = try Self.iaData("infographic:\n  path: huge.png\n  alt: x\n")
        try TestImages.pngHeader(width: 10_000, height: 10_000).write(to: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("huge.png"))
        let r = p.fill(FillRequest(input: .file(path), format: .docx, date: "2020-06-30"))
        #expect(r.status == .invalid)
        let errors = r.diagnostics.filter(\.isError)
        #expect(errors.map(\.rule) == ["image.limit"])
        let e = try #require(errors.first)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(e.location?.file == path)
        // The object's position, as schema errors give it: its first key, the line after `infographic:`.
        #expect(e.location?.position?.line == lines.firstIndex(of: "infographic:").map { $0 + 2 }, "\(e)")
        #expect(e.location?.place?.contains("word/document.xml") == true)
        #expect(e.message.contains("field 'infographic'") && e.message.contains("10000×10000"))
    }

    @Test func theEntityLogoIsInTheHeader() throws {
        let p = try pipeline("ia-midpoint-assessment", [.docx])
        let dir = TestPaths.temporaryDirectory("ia-logo")
        let logo = TestImages.png(width: 120, height: 40)
        try logo.write(to: dir.appendingPathComponent("logo.png"))
        var text = try String(contentsOf: Self.root.appendingPathComponent("Templates/ia-midpoint-assessment/example.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "entity:\n", with: "entity:\n  logo: {path: logo.png, alt: CCP logo, width: 1in}\n")
        let path = dir.appendingPathComponent("data.yaml")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let r = p.fill(FillRequest(input: .file(path.path), format: .docx, date: "2020-06-30"))
        #expect(r.status == .success, "\(r.diagnostics.map(\.message))")
        let package = try OOXMLPackage.load(docx: try #require(r.bytes))
        #expect(try OOXMLOrder.violations(in: package).isEmpty)
        let parts = package.parts
        let header = String(decoding: try #require(parts["word/header1.xml"]), as: UTF8.self)
        #expect(header.contains("descr=\"CCP logo\"") && header.contains("<wp:extent cx=\"914400\" cy=\"304800\"/>"))
        let rels = String(decoding: try #require(parts["word/_rels/header1.xml.rels"]), as: UTF8.self)
        #expect(rels.contains("Target=\"media/docketImage1.png\""))
        #expect(parts["word/media/docketImage1.png"] == logo)
    }

    /// The shipped ad hoc example (Templates/examples/cover-letter) and its logo, in every format.
    @Test func theCoverLetterExampleShowsItsLogo() throws {
        let folder = Self.root.appendingPathComponent("Templates/examples/cover-letter")
        let target = TemplatePathTarget(url: folder.appendingPathComponent("template.md"))
        let p = try FillPipeline(target: target, formats: [.md, .html, .docx])
        let data = folder.appendingPathComponent("data.yaml").path
        let logo = try Data(contentsOf: folder.appendingPathComponent("logo.png"))
        let md = String(decoding: try #require(p.fill(FillRequest(input: .file(data), format: .md, date: "2024-01-05")).bytes), as: UTF8.self)
        #expect(md.hasPrefix("![Merrimack Bay Regional Hospital logo](logo.png)\n"), "\(md)")
        let html = String(decoding: try #require(p.fill(FillRequest(input: .file(data), format: .html, date: "2024-01-05")).bytes), as: UTF8.self)
        #expect(html.contains("<img src=\"\(("data:image/png;base64," + logo.base64EncodedString()))\" alt=\"Merrimack Bay Regional Hospital logo\""))
        #expect(!html.contains("docket-size"))
        // Markdown → DOCX embeds it at the width the data gives (1.5in; 360×120 pixels → 0.5in high).
        let docx = p.fill(FillRequest(input: .file(data), format: .docx, date: "2024-01-05"))
        let package = try OOXMLPackage.load(docx: try #require(docx.bytes))
        #expect(try OOXMLOrder.violations(in: package).isEmpty)
        let parts = package.parts
        #expect(parts["word/media/docketImage1.png"] == logo)
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("<wp:extent cx=\"1371600\" cy=\"457200\"/>"))
        #expect(document.contains("descr=\"Merrimack Bay Regional Hospital logo\""))
    }
}
