import DocketCore
import DocketDeliverables
import DocketDOCX
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
        let parts = try OOXMLPackage.load(docx: try #require(docx.bytes)).parts
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
        #expect(e.location?.position?.line != nil)
    }

    @Test func theExampleLogoIsInTheHeader() throws {
        let p = try pipeline("hqe-strategic-plan", [.docx])
        let example = Self.root.appendingPathComponent("Templates/hqe-strategic-plan/example.yaml").path
        let r = p.fill(FillRequest(input: .file(example), format: .docx, date: "2023-12-29"))
        #expect(r.status == .success, "\(r.diagnostics.map(\.message))")
        let parts = try OOXMLPackage.load(docx: try #require(r.bytes)).parts
        let header = String(decoding: try #require(parts["word/header1.xml"]), as: UTF8.self)
        #expect(header.contains("descr=\"Pioneer Valley Health Partnership Plan logo\""))
        let rels = String(decoding: try #require(parts["word/_rels/header1.xml.rels"]), as: UTF8.self)
        #expect(rels.contains("Target=\"media/docketImage1.png\""))
        let shipped = try Data(contentsOf: Self.root.appendingPathComponent("Templates/hqe-strategic-plan/logo.png"))
        #expect(parts["word/media/docketImage1.png"] == shipped)
    }
}
