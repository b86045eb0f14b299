/// Definitions Docket adds for the styles Markdown output uses when a template lacks them
/// (docs/template-language.md: Heading1…6, ListParagraph, Hyperlink, TableGrid, Quote, CodeBlock).
enum DefaultStyles {
    static func definition(_ id: String) -> String? {
        if id.hasPrefix("Heading"), let level = Int(id.dropFirst(7)), (1...6).contains(level) {
            let size = [32, 26, 24, 22, 22, 22][level - 1]
            return "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"heading \(level)\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
                + "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"60\"/><w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
                + "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        switch id {
        case "ListParagraph":
            return "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>"
        case "Hyperlink":
            return "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>"
                + "<w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
        case "TableGrid":
            return "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
                + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>" }.joined()
                + "</w:tblBorders></w:tblPr></w:style>"
        case "Quote":
            return "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:qFormat/><w:pPr><w:ind w:left=\"720\" w:right=\"720\"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>"
        case "CodeBlock":
            return "<w:style w:type=\"paragraph\" w:styleId=\"CodeBlock\"><w:name w:val=\"Code Block\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>"
                + "<w:sz w:val=\"20\"/></w:rPr></w:style>"
        case "FootnoteText":
            return "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
                + "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
        case "FootnoteReference":
            return "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>"
                + "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
        case "Normal":
            return "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
                + "<w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>"
        default: return nil
        }
    }

    /// A whole styles part holding `ids` (plus Normal).
    static func part(_ ids: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:styles xmlns:w=\"\(Namespaces.w)\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault></w:docDefaults>"
            + (["Normal"] + ids.filter { $0 != "Normal" }).compactMap(definition).joined()
            + "</w:styles>"
    }
}

/// OOXML namespace and type URIs.
enum Namespaces {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let relHyperlink = r + "/hyperlink"
    static let relNumbering = r + "/numbering"
    static let relStyles = r + "/styles"
    static let relOfficeDocument = r + "/officeDocument"
    static let ctNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
    static let relFootnotes = r + "/footnotes"
    static let ctFootnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    static let ctStyles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    static let ctDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    static let ctRelationships = "application/vnd.openxmlformats-package.relationships+xml"
}
