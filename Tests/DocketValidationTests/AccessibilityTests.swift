import DocketCore
import DocketDOCX
import DocketDeliverables
import DocketFill
import DocketTestSupport
@testable import DocketValidation
import Foundation
import Testing

/// A small .docx built in the test: a body, styles (with a language unless told), a title.
struct A11yDocx {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let headingStyles = (1...4).map {
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading\($0)\"><w:name w:val=\"heading \($0)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:outlineLvl w:val=\"\($0 - 1)\"/></w:pPr></w:style>"
    }.joined()
    static let baseStyles = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/></w:style>" + headingStyles

    var body: String
    var language: String? = "<w:lang w:val=\"en-US\"/>"
    var extraStyles = ""
    var title: String? = "A test document"
    var settings: String?
    /// The body of `word/footnotes.xml` (one footnote), if any.
    var footnotes: String?

    var package: OOXMLPackage {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        var parts: [String: String] = [
            "[Content_Types].xml": head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
            "_rels/.rels": head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "</Relationships>",
            "word/document.xml": head + "<w:document xmlns:w=\"\(Self.w)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><w:body>\(body)</w:body></w:document>",
            "word/styles.xml": head + "<w:styles xmlns:w=\"\(Self.w)\"><w:docDefaults><w:rPrDefault><w:rPr>\(language ?? "")</w:rPr></w:rPrDefault></w:docDefaults>"
                + Self.baseStyles + extraStyles + "</w:styles>",
        ]
        if let title {
            parts["docProps/core.xml"] = head + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(title)</dc:title></cp:coreProperties>"
        }
        if let footnotes {
            parts["word/footnotes.xml"] = head + "<w:footnotes xmlns:w=\"\(Self.w)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<w:footnote w:id=\"1\">\(footnotes)</w:footnote></w:footnotes>"
        }
        if let settings { parts["word/settings.xml"] = head + "<w:settings xmlns:w=\"\(Self.w)\">\(settings)</w:settings>" }
        return OOXMLPackage(parts: parts.mapValues { Data($0.utf8) })
    }

    func findings() throws -> [Diagnostic] { try DocxAccessibility.check(package: package, file: "test.docx") }

    func rules() throws -> [String] { try findings().map(\.rule) }

    static func p(_ text: String, style: String? = nil, runProperties: String = "") -> String {
        let pPr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        let rPr = runProperties.isEmpty ? "" : "<w:rPr>\(runProperties)</w:rPr>"
        return "<w:p>\(pPr)<w:r>\(rPr)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A table of `rows` rows of two cells; `header` marks the first row to repeat.
    static func table(rows: Int, header: Bool, look: String = "", fill: String? = nil, text: String = "x") -> String {
        let shd = fill.map { "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\($0)\"/></w:tcPr>" } ?? ""
        let cells = "<w:tc>\(shd)\(p(text))</w:tc><w:tc>\(p("y"))</w:tc>"
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>\(look)</w:tblPr><w:tblGrid><w:gridCol w:w=\"100\"/><w:gridCol w:w=\"100\"/></w:tblGrid>"
        for r in 0..<rows { out += "<w:tr>" + (r == 0 && header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + cells + "</w:tr>" }
        return out + "</w:tbl>"
    }

    static func image(descr: String?, decorative: Bool = false) -> String {
        let ext = decorative ? "<a:extLst><a:ext uri=\"{C183D7F6-B498-43B3-948B-1728B52AA6E4}\"><adec:decorative "
            + "xmlns:adec=\"http://schemas.microsoft.com/office/drawing/2017/decorative\" val=\"1\"/></a:ext></a:extLst>" : ""
        let attribute = descr.map { " descr=\"\($0)\"" } ?? ""
        return "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"10\" cy=\"10\"/><wp:docPr id=\"1\" name=\"Picture 1\"\(attribute)>\(ext)</wp:docPr>"
            + "</wp:inline></w:drawing></w:r></w:p>"
    }

    static func link(_ text: String) -> String {
        "<w:p><w:hyperlink r:id=\"rIdLink1\"><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:hyperlink></w:p>"
    }
}

/// The accessibility checks of `docket validate` (docs/validation.md, "Accessibility"): one
/// passing and one failing document per rule, the places and fixes they print, and the shipped
/// deliverables filled from their examples, which have no finding.
@Suite struct AccessibilityTests {
    typealias D = A11yDocx

    @Test func language() throws {
        #expect(try D(body: D.p("Hello")).rules() == [])
        #expect(try D(body: D.p("Hello"), language: nil, settings: "<w:themeFontLang w:val=\"en-US\"/>").rules() == [])
        let missing = try D(body: D.p("Hello"), language: nil).findings()
        #expect(missing.map(\.rule) == ["a11y.language"])
        #expect(missing.first?.severity == .warning)
        #expect(missing.first?.location?.place == "word/styles.xml")
        #expect(missing.first?.message.contains("Set Proofing Language") == true)
    }

    @Test func title() throws {
        #expect(try D(body: D.p("Hello"), title: "PIP Report").rules() == [])
        #expect(try D(body: D.p("Hello"), title: "  ").rules() == ["a11y.title"])
        let none = try D(body: D.p("Hello"), title: nil).findings()
        #expect(none.map(\.rule) == ["a11y.title"])
        #expect(none.first?.location?.place == "docProps/core.xml")
    }

    @Test func headingOrder() throws {
        // Title counts as level 1 (md2docx writes a template's first # heading as Title).
        let ordered = D.p("Report", style: "Title") + D.p("Part", style: "Heading2") + D.p("Sub", style: "Heading3")
            + D.p("Next", style: "Heading1") + D.p("Back", style: "Heading2")
        #expect(try D(body: ordered).rules() == [])
        let skipped = try D(body: D.p("Report", style: "Heading1") + D.p("Deep", style: "Heading3")).findings()
        #expect(skipped.map(\.rule) == ["a11y.heading-order"])
        #expect(skipped.first?.message.contains("“Deep” is level 3 right after level 1, skipping level 2") == true)
        #expect(skipped.first?.location?.place == "word/document.xml, under “Report”")
        #expect(try D(body: D.p("Starts low", style: "Heading2")).rules() == ["a11y.heading-order"])
        // Outline levels: the paragraph's own, a custom style's through basedOn, and 9 (body text).
        let custom = "<w:style w:type=\"paragraph\" w:styleId=\"Part\"><w:name w:val=\"Part\"/><w:basedOn w:val=\"Heading3\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Heading1\"/>"
            + "<w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>"
        #expect(try D(body: D.p("A", style: "Heading1") + D.p("B", style: "Part"), extraStyles: custom).rules() == ["a11y.heading-order"])
        #expect(try D(body: D.p("Contents", style: "TOCHeading") + D.p("A", style: "Heading1"), extraStyles: custom).rules() == [])
        let own = "<w:p><w:pPr><w:outlineLvl w:val=\"3\"/></w:pPr><w:r><w:t>Four</w:t></w:r></w:p>"
        #expect(try D(body: D.p("A", style: "Heading1") + own).rules() == ["a11y.heading-order"])
    }

    @Test func emptyHeading() throws {
        #expect(try D(body: D.p("Named", style: "Heading1")).rules() == [])
        let empty = try D(body: D.p("Named", style: "Heading1") + D.p(" ", style: "Heading2")).findings()
        #expect(empty.map(\.rule) == ["a11y.empty-heading"])
        #expect(empty.first?.message.contains("level 2") == true)
    }

    @Test func tableHeader() throws {
        #expect(try D(body: D.table(rows: 3, header: true)).rules() == [])
        // A table of labels and answers: first column on, header row off.
        let labels = "<w:tblLook w:val=\"0480\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        #expect(try D(body: D.table(rows: 3, header: false, look: labels)).rules() == [])
        #expect(try D(body: D.table(rows: 3, header: false, look: "<w:tblLook w:val=\"0080\"/>")).rules() == [])
        #expect(try D(body: D.table(rows: 1, header: false)).rules() == [])  // one row: a box, not a data table
        let missing = try D(body: D.p("Contacts", style: "Heading1") + D.p("intro") + D.table(rows: 3, header: false)).findings()
        #expect(missing.map(\.rule) == ["a11y.table-header"])
        #expect(missing.first?.location?.place == "word/document.xml, under “Contacts”, table 1, row 1")
        #expect(missing.first?.message.contains("Repeat as header row") == true)
        // The default look of Word (header row and first column on) is not a header column.
        #expect(try D(body: D.table(rows: 2, header: false, look: "<w:tblLook w:val=\"04A0\"/>")).rules() == ["a11y.table-header"])
        let off = D.table(rows: 2, header: true).replacingOccurrences(of: "<w:tblHeader/>", with: "<w:tblHeader w:val=\"0\"/>")
        #expect(try D(body: off).rules() == ["a11y.table-header"])
    }

    @Test func imageAlt() throws {
        #expect(try D(body: D.image(descr: "Bar chart of follow-up rates by quarter")).rules() == [])
        #expect(try D(body: D.image(descr: nil, decorative: true)).rules() == [])
        let missing = try D(body: D.image(descr: nil)).findings()
        #expect(missing.map(\.rule) == ["a11y.image-alt"])
        #expect(missing.first?.message.contains("“Picture 1”") == true)
        #expect(try D(body: D.image(descr: "  ")).rules() == ["a11y.image-alt"])
        let vml = "<w:p><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:imagedata r:id=\"rId9\"/></v:shape></w:pict></w:r></w:p>"
        #expect(try D(body: vml).rules() == ["a11y.image-alt"])
        #expect(try D(body: vml.replacingOccurrences(of: "<v:shape ", with: "<v:shape alt=\"Logo of MassHealth\" ")).rules() == [])
    }

    @Test func linkText() throws {
        #expect(try D(body: D.link("MassHealth Health Equity Team") + D.link("Health.Equity@mass.gov")).rules() == [])
        let vague = try D(body: D.link("Click here.")).findings()
        #expect(vague.map(\.rule) == ["a11y.link-text"])
        #expect(vague.first?.message.contains("“Click here.” does not say where the link goes") == true)
        #expect(try D(body: D.link("here")).rules() == ["a11y.link-text"])
        #expect(try D(body: D.link("link")).rules() == ["a11y.link-text"])
        let bare = try D(body: D.link("https://www.mass.gov/masshealth")).findings()
        #expect(bare.map(\.rule) == ["a11y.link-text"])
        #expect(bare.first?.message.contains("bare web address") == true)
        #expect(try D(body: D.link(" ")).rules() == ["a11y.link-text"])
        // A bare address in parentheses after the words that name it: its sentence gives its purpose.
        func inSentence(_ before: String, _ after: String) -> String {
            D.link("https://www.managementcenter.org/resources/")
                .replacingOccurrences(of: "<w:p>", with: "<w:p><w:r><w:t xml:space=\"preserve\">\(before)</w:t></w:r>")
                .replacingOccurrences(of: "</w:p>", with: "<w:r><w:t xml:space=\"preserve\">\(after)</w:t></w:r></w:p>")
        }
        #expect(try D(body: inSentence("please visit The Management Center (", ")")).rules() == [])
        #expect(try D(body: inSentence("see: ", "")).rules() == ["a11y.link-text"])
        #expect(try D(body: inSentence("(", ")")).rules() == ["a11y.link-text"])
        // A footnote that is only an address is a citation; the same paragraph in the body is not.
        var cited = D(body: D.p("Eight Dimensions of Wellness"))
        cited.footnotes = D.link("http://www.ncdsv.org/images/SAMHSA_EightDimensionsOfWellness_revised2012.pdf")
        #expect(try cited.rules() == [])
        cited.footnotes = inSentence("see ", "")
        #expect(try cited.rules() == ["a11y.link-text"])
    }

    @Test func contrast() throws {
        #expect(try D(body: D.p("dark", runProperties: "<w:color w:val=\"1F3864\"/>")).rules() == [])
        #expect(try D(body: D.p("auto", runProperties: "<w:color w:val=\"auto\"/>")).rules() == [])
        let grey = try D(body: D.p("grey", runProperties: "<w:color w:val=\"808080\"/>") + D.p("again", runProperties: "<w:color w:val=\"808080\"/>")).findings()
        #expect(grey.map(\.rule) == ["a11y.contrast"])  // one finding for the colour pair, with the count
        let message = try #require(grey.first?.message)
        #expect(message.contains("#808080 on #FFFFFF has a contrast of 3.9:1, below the 4.5:1"), "\(message)")
        #expect(message.contains("(2 runs of text like this)"))
        #expect(message.contains("use a darker colour"))
        // The suggested colour passes.
        let suggested = try #require(message.split(separator: "#").last.map { String($0.prefix(6)) })
        #expect(try #require(Contrast.ratio(suggested, "FFFFFF")) >= 4.5)
        // Large text (18 pt, or 14 pt bold) needs 3:1.
        #expect(try D(body: D.p("big", runProperties: "<w:color w:val=\"808080\"/><w:sz w:val=\"36\"/>")).rules() == [])
        #expect(try D(body: D.p("big bold", runProperties: "<w:b/><w:color w:val=\"808080\"/><w:sz w:val=\"28\"/>")).rules() == [])
        #expect(try D(body: D.p("small bold", runProperties: "<w:b/><w:color w:val=\"808080\"/><w:sz w:val=\"26\"/>")).rules() == ["a11y.contrast"])
        // Against a cell's shading: white on navy passes, white on a light fill does not.
        func whiteOn(_ fill: String) -> String {
            D.table(rows: 2, header: true, fill: fill)
                .replacingOccurrences(of: "<w:r><w:t xml:space=\"preserve\">x", with: "<w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr><w:t xml:space=\"preserve\">x")
        }
        #expect(try D(body: whiteOn("1F3864")).rules() == [])
        let dark = try D(body: whiteOn("1F3864").replacingOccurrences(of: "FFFFFF", with: "404040")).findings()
        #expect(dark.map(\.rule) == ["a11y.contrast"])
        #expect(dark.first?.message.contains("use a lighter colour") == true, "\(dark.map(\.message))")
        let onLight = try D(body: whiteOn("D9E2F3")).findings()
        #expect(onLight.map(\.rule) == ["a11y.contrast"])
        #expect(onLight.first?.location?.place == "word/document.xml, table 1, row 1, cell 1")
        // A text style's colour: reported once, naming the style.
        let style = "<w:style w:type=\"paragraph\" w:styleId=\"Faint\"><w:name w:val=\"Faint note\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:rPr><w:color w:val=\"A6A6A6\"/></w:rPr></w:style>"
        let styled = try D(body: D.p("a", style: "Faint") + D.p("b", style: "Faint"), extraStyles: style).findings()
        #expect(styled.map(\.rule) == ["a11y.contrast"])
        #expect(styled.first?.message.contains("(from the style “Faint note”)") == true)
        // Highlight is the background.
        #expect(try D(body: D.p("marked", runProperties: "<w:color w:val=\"FFFFFF\"/><w:highlight w:val=\"yellow\"/>")).rules() == ["a11y.contrast"])
    }

    @Test func contrastRatios() throws {
        #expect(try #require(Contrast.ratio("000000", "FFFFFF")) == 21)
        #expect(try #require(Contrast.ratio("FFFFFF", "FFFFFF")) == 1)
        // #777777 on white is 4.48:1: printed rounded down, a fail.
        let grey = try #require(Contrast.ratio("777777", "FFFFFF"))
        #expect(grey < 4.5 && grey > 4.47)
        #expect(Contrast.text(grey) == "4.4:1")
        #expect(try #require(Contrast.ratio("767676", "FFFFFF")) >= 4.5)
        #expect(Contrast.isLarge(halfPoints: 36, bold: false) && Contrast.isLarge(halfPoints: 28, bold: true) && !Contrast.isLarge(halfPoints: 28, bold: false))
    }

    // MARK: In the validator

    static let root = TestPaths.packageRoot
    static let registry = try! DeliverableRegistry.load(root: root)  // the shipped Templates/ must load

    func write(_ doc: A11yDocx, as name: String) throws -> String {
        let path = TestPaths.temporaryDirectory().appendingPathComponent(name).path
        try doc.package.write(docx: path)
        return path
    }

    @Test func anyDocxGetsTheAccessibilityChecks() throws {
        let path = try write(D(body: D.p("Report", style: "Heading1") + D.link("click here"), title: nil), as: "notes.docx")
        let validator = SubmissionValidator(options: ValidationOptions(registry: Self.registry))
        let r = validator.validate(path)
        #expect(r.deliverable == nil)
        #expect(r.valid, "\(r.diagnostics.map(\.message))")
        #expect(r.diagnostics.first { $0.rule == "validate.deliverable" }?.severity == .note)
        #expect(r.warnings.map(\.rule) == ["a11y.title", "a11y.link-text"])
        #expect(SubmissionValidator.exitStatus([r], strict: false) == .success)
        #expect(SubmissionValidator.exitStatus([r], strict: true) == .invalid)
        let clean = try write(D(body: D.p("Report", style: "Heading1")), as: "clean.docx")
        #expect(validator.validate(clean).warnings.isEmpty)
    }

    /// Every shipped deliverable filled from its example (DOCX template, and the Markdown template
    /// written as .docx) has no accessibility finding.
    @Test(arguments: AccessibilityTests.registry.ids)
    func shippedDeliverablesFilledHaveNoFinding(_ id: String) throws {
        let deliverable = try #require(Self.registry.deliverable(id: id))
        let data = try DataLoader.load(path: Self.root.appendingPathComponent("Templates/\(id)/example.yaml").path)
        let pipeline = try FillPipeline(target: DeliverableTarget(deliverable: deliverable), formats: [.docx])
        let r = pipeline.fill(FillRequest(input: .data(data), format: .docx, date: "2023-09-29"))
        let bytes = try #require(r.bytes, "\(r.diagnostics.map(\.message))")
        let findings = try DocxAccessibility.check(package: OOXMLPackage.load(docx: bytes), file: id)
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule) \($0.location?.place ?? ""): \($0.message)" })")
        // The blank template too (what staff open in Word).
        let blank = try DocxAccessibility.check(package: OOXMLPackage.load(folder: deliverable.docxFolderURL), file: id)
        #expect(blank.isEmpty, "\(blank.map(\.message))")
        // The filled Markdown through the Markdown → DOCX writer (what a Markdown-only template gives).
        let markdown = try FillPipeline(target: DeliverableTarget(deliverable: deliverable), formats: [.md])
        let m = markdown.fill(FillRequest(input: .data(data), format: .md, date: "2023-09-29"))
        let text = try #require(m.bytes.map { String(decoding: $0, as: UTF8.self) }, "\(m.diagnostics.map(\.message))")
        let mdocx = try MarkdownDocx.package(markdown: text, title: deliverable.title)
        let mfindings = try DocxAccessibility.check(package: mdocx, file: id + ".md")
        #expect(mfindings.isEmpty, "\(mfindings.map { "\($0.rule) \($0.location?.place ?? ""): \($0.message)" })")
    }
}
