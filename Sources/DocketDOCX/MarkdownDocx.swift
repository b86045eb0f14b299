import DocketCore
import DocketMarkdown
import DocketXML
import Foundation

/// A filled Markdown template as a .docx (`docket fill --format docx` with a Markdown template):
/// the same Markdown→WordprocessingML writer as `{{markdown(x)}}`, in a minimal package with
/// Docket's default styles.
public enum MarkdownDocx {
    /// The package; throws when the text holds a character XML 1.0 forbids. `title`, when
    /// given, becomes the document title (`docProps/core.xml`; no dates, so output stays stable).
    public static func package(markdown: String, title: String? = nil) throws(DiagnosticList) -> OOXMLPackage {
        var writer = MarkdownWML(part: "word/document.xml", additions: PackageAdditions(firstAbstractId: 0, firstNumId: 1))
        let body: String
        do { body = try writer.blocks(MarkdownDocument.parse(markdown), inCell: false) } catch {
            throw DiagnosticList([Diagnostic(.error, rule: "template.format", DocxFormat.illegal(error.scalar).message)])
        }
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let styleIds = ["Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "ListParagraph",
                        "Hyperlink", "TableGrid", "Quote", "CodeBlock"]
        var parts: [String: Data] = [
            "[Content_Types].xml": Data((head + "<Types xmlns=\"\(Namespaces.contentTypes)\">"
                + "<Default Extension=\"rels\" ContentType=\"\(Namespaces.ctRelationships)\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"\(Namespaces.ctDocument)\"/>"
                + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(Namespaces.ctStyles)\"/></Types>").utf8),
            "_rels/.rels": Data((head + "<Relationships xmlns=\"\(Namespaces.relationships)\">"
                + "<Relationship Id=\"rId1\" Type=\"\(Namespaces.relOfficeDocument)\" Target=\"word/document.xml\"/></Relationships>").utf8),
            "word/_rels/document.xml.rels": Data((head + "<Relationships xmlns=\"\(Namespaces.relationships)\">"
                + "<Relationship Id=\"rId1\" Type=\"\(Namespaces.relStyles)\" Target=\"styles.xml\"/></Relationships>").utf8),
            "word/styles.xml": Data(DefaultStyles.part(styleIds).utf8),
            "word/document.xml": Data((head + "<w:document xmlns:w=\"\(Namespaces.w)\""
                + ImageWML.rootNamespaces.map { " \($0.0)=\"\($0.1)\"" }.joined() + "><w:body>" + body
                + "<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>"
                + "</w:body></w:document>").utf8),
        ]
        if let title, !title.isEmpty {
            guard XMLWriter.firstIllegalScalar(in: title) == nil else {
                throw DiagnosticList([Diagnostic(.error, rule: "template.format", "the title contains a character XML 1.0 does not allow")])
            }
            parts["docProps/core.xml"] = Data((head + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(XMLWriter.escape(title))</dc:title></cp:coreProperties>").utf8)
            PackageFinisher.addPart(&parts, name: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml",
                                    relationship: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                                    id: "rId2", from: "")
        }
        var info = PackageInfo()
        info.hasStyles = true
        info.styleIds = Set(styleIds + ["Normal"])
        PackageFinisher.finish(&parts, additions: writer.additions, info: info)
        return OOXMLPackage(parts: parts)
    }

    /// The .docx bytes (deterministic).
    public static func docx(markdown: String, title: String? = nil) throws(DiagnosticList) -> Data {
        do { return try package(markdown: markdown, title: title).docxData() } catch let error as PackageError {
            throw DiagnosticList([Diagnostic(.error, rule: "docx.package", error.message)])
        } catch let list as DiagnosticList {
            throw list
        } catch {
            throw DiagnosticList([Diagnostic(.error, rule: "docx.package", "\(error)")])
        }
    }
}
