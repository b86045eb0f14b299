import DocketCore
@testable import DocketDOCX
import DocketTemplate
import DocketTestSupport
import DocketXML
import Foundation
import Testing

/// `{{image(x)}}` in a DOCX template: an inline DrawingML picture in the body and in a header,
/// media parts, relationships in the right part's .rels, content types, unique ids, schema
/// order; and real readers (LibreOffice's PDF, python-docx, pandoc) see the pictures.
@Suite(.serialized) struct DocxImageTests {
    /// The report fixture with a logo in its header and an image per goal in the body, and a
    /// data folder holding the two PNGs.
    static func template() throws -> DocxTemplate {
        var package = try OOXMLPackage.load(folder: DocxFixtures.templateFolder)
        let header = try DocxFixtures.text(package, "word/header1.xml")
            .replacingOccurrences(of: "<w:p><w:r>", with: "<w:p><w:r><w:t xml:space=\"preserve\">{{#entity.logo}}{{image(entity.logo)}} {{/entity.logo}}</w:t></w:r><w:r>")
        package.parts["word/header1.xml"] = Data(header.utf8)
        let body = "<w:p><w:r><w:t>{{#goals}}</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">Chart: {{image(chart)}}</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>{{/goals}}</w:t></w:r></w:p><w:sectPr"
        let document = try DocxFixtures.text(package, "word/document.xml")
        let at = try #require(document.range(of: "<w:sectPr", options: .backwards))
        package.parts["word/document.xml"] = Data(document.replacingCharacters(in: at, with: body).utf8)
        return try DocxTemplate.compile(package, file: "images-template")
    }

    static func dataFolder() throws -> URL {
        let dir = TestPaths.temporaryDirectory("docx-images")
        try TestImages.png(width: 240, height: 80, rgb: (31, 56, 100)).write(to: dir.appendingPathComponent("logo.png"))
        try TestImages.png(width: 200, height: 100, rgb: (200, 80, 0)).write(to: dir.appendingPathComponent("chart.png"))
        return dir
    }

    static func data(logo: JSONValue = ["path": "logo.png", "alt": "Mercy Bay Regional Health logo", "width": "1.5in"]) -> JSONValue {
        var d = DocxFixtures.data
        d.setValue(logo, atDotted: "entity.logo")
        d.setValue([["title": "One", "chart": ["path": "chart.png", "alt": "Chart one", "width": "3in"]],
                    ["title": "Two", "chart": ["path": "chart.png", "decorative": true]]], atDotted: "goals")
        return d
    }

    static func fill(_ data: JSONValue = data()) throws -> (package: OOXMLPackage?, diagnostics: [Diagnostic]) {
        try template().fillPackage(data: data, options: RenderOptions(imageBase: try dataFolder()))
    }

    @Test func writesInlinePicturesWithTheirPartsAndRelationships() throws {
        let (filled, diagnostics) = try Self.fill()
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
        let package = try #require(filled)
        let document = try DocxFixtures.text(package, "word/document.xml")
        let header = try DocxFixtures.text(package, "word/header1.xml")
        #expect(header.contains("<wp:inline") && header.contains("descr=\"Mercy Bay Regional Health logo\""))
        // The main document renders first: its chart is image 1, the header's logo image 2.
        #expect(header.contains("r:embed=\"rIdDocketImage2\""))
        // 1.5in wide, height from the 240×80 pixel size.
        #expect(header.contains("<wp:extent cx=\"1371600\" cy=\"457200\"/>"))
        #expect(document.components(separatedBy: "<w:drawing>").count - 1 == 2)
        #expect(document.contains("descr=\"Chart one\"") && document.contains("<adec:decorative"))
        // Two media parts (the chart is stored once though shown twice), each related from where it is shown.
        let media = package.parts.keys.filter { $0.hasPrefix("word/media/") }.sorted()
        #expect(media == ["word/media/docketImage1.png", "word/media/docketImage2.png"])
        #expect(package.parts["word/media/docketImage2.png"] == TestImages.png(width: 240, height: 80, rgb: (31, 56, 100)))
        let headerRels = try DocxFixtures.text(package, "word/_rels/header1.xml.rels")
        #expect(headerRels.contains("Id=\"rIdDocketImage2\" Type=\"\(ImageWML.relImage)\" Target=\"media/docketImage2.png\""))
        #expect(!headerRels.contains("rIdDocketImage1\""))
        let documentRels = try DocxFixtures.text(package, "word/_rels/document.xml.rels")
        #expect(documentRels.contains("Id=\"rIdDocketImage1\" Type=\"\(ImageWML.relImage)\" Target=\"media/docketImage1.png\""))
        #expect(!documentRels.contains("rIdDocketImage2\""))
        let types = try DocxFixtures.text(package, "[Content_Types].xml")
        #expect(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        #expect(try OOXMLOrder.violations(in: package).isEmpty)
        // Every part is well-formed XML.
        for name in package.parts.keys where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            _ = try SafeXMLParser.parse([UInt8](try #require(package.parts[name])))
        }
    }

    @Test func drawingIdsAreUniqueAcrossTheDocumentAfterLoops() throws {
        let package = try #require(try Self.fill().package)
        var ids: [String] = []
        for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
            guard let text = package.parts[part].map({ String(decoding: $0, as: UTF8.self) }) else { continue }
            for piece in text.components(separatedBy: "<wp:docPr id=\"").dropFirst() { ids.append(String(piece.prefix { $0 != "\"" })) }
        }
        #expect(ids.count == 3)
        #expect(Set(ids).count == ids.count, "\(ids)")
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let template = try Self.template()
        let options = RenderOptions(imageBase: try Self.dataFolder())
        let a = try #require(template.fill(data: Self.data(), options: options).data)
        let b = try #require(template.fill(data: Self.data(), options: options).data)
        #expect(a == b)
    }

    @Test func refusalsAreLocatedErrorsNamingTheField() throws {
        let dir = try Self.dataFolder()
        try TestImages.pngHeader(width: 10_000, height: 10_000).write(to: dir.appendingPathComponent("huge.png"))
        let template = try Self.template()
        func errors(_ logo: JSONValue) -> [Diagnostic] {
            template.fillPackage(data: Self.data(logo: logo), options: RenderOptions(imageBase: dir)).diagnostics.filter(\.isError)
        }
        let noAlt = errors(["path": "logo.png"])
        #expect(noAlt.map(\.rule) == ["image.alt"])
        #expect(noAlt.first?.message.contains("field 'entity.logo'") == true)
        #expect(noAlt.first?.location?.place?.hasPrefix("word/header1.xml") == true, "\(String(describing: noAlt.first?.location))")
        #expect(errors(["path": "huge.png", "alt": "x"]).map(\.rule) == ["image.limit"])
        #expect(errors(["path": "../logo.png", "alt": "x"]).map(\.rule) == ["image.path"])
        #expect(errors(["path": "word.xml", "alt": "x"]).map(\.rule) == ["image.path"])
        #expect(template.fillPackage(data: Self.data(), options: RenderOptions()).diagnostics.filter(\.isError).map(\.rule).first == "image.path")
    }

    @Test func anEmptyLogoLeavesTheHeaderWithoutAPicture() throws {
        var data = Self.data()
        data.setValue(nil, atDotted: "entity.logo")
        let (package, diagnostics) = try Self.template().fillPackage(data: data, options: RenderOptions(imageBase: try Self.dataFolder()))
        #expect(diagnostics.filter(\.isError).isEmpty)
        #expect(!(try DocxFixtures.text(try #require(package), "word/header1.xml")).contains("<w:drawing>"))
    }

    static func filledFile() throws -> URL {
        let template = try Self.template()
        let bytes = try #require(template.fill(data: Self.data(), options: RenderOptions(imageBase: try Self.dataFolder())).data)
        let url = TestPaths.temporaryDirectory("docx-images-e2e").appendingPathComponent("images.docx")
        try bytes.write(to: url)
        return url
    }

    @Test func libreOfficePrintsTheHeaderLogoAndTheBodyImages() throws {
        let pdf = try Readers.libreOfficeConvert(try Self.filledFile(), to: "pdf")
        let list = try ProcessRunner.run(try Tools.require("pdfimages"), ["-list", pdf.path])
        #expect(list.status == 0, "\(list.stderr)")
        // Rows after the two header lines: page num type width height …
        let rows = list.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let sizes = Set(rows.compactMap { $0.count > 4 ? "\($0[3])x\($0[4])" : nil })
        #expect(sizes.contains("240x80"), "the header logo is not in the PDF:\n\(list.stdout)")
        #expect(sizes.contains("200x100"), "the body image is not in the PDF:\n\(list.stdout)")
    }

    @Test func pythonDocxSeesTheInlineShapes() throws {
        let script = """
        import sys, docx
        from docx.enum.shape import WD_INLINE_SHAPE
        d = docx.Document(sys.argv[1])
        for s in d.inline_shapes:
            print("body", s.type == WD_INLINE_SHAPE.PICTURE, s.width, s.height, s._inline.docPr.get("descr"))
        for p in d.sections[0].header.paragraphs:
            for r in p.runs:
                for i in r._r.xpath('.//wp:inline'):
                    print("header", i.extent.cx, i.extent.cy, i.docPr.get("descr"))
        """
        let r = try Readers.runPython(script, [try Self.filledFile().path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("body True 2743200 1371600 Chart one"), "\(lines)")
        #expect(lines.contains("body True 1905000 952500 "), "\(lines)")
        #expect(lines.contains("header 1371600 457200 Mercy Bay Regional Health logo"), "\(lines)")
    }

    @Test func imagesAreStoredNotDeflatedAgainAndTheirChecksumsHold() throws {
        let script = """
        import sys, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        print(z.testzip())
        for i in z.infolist():
            if i.filename.startswith("word/media/"): print(i.filename, i.compress_type)
        """
        let r = try Readers.runPython(script, [try Self.filledFile().path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "None\nword/media/docketImage1.png 0\nword/media/docketImage2.png 0\n", "\(r.stdout)")
    }

    @Test func pandocSeesTheImages() throws {
        let markdown = try Readers.pandocText(try Self.filledFile(), to: "markdown")
        #expect(markdown.contains("![Chart one](media/docketImage1.png)"), "\(markdown)")
    }
}
