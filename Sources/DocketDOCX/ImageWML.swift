import DocketCore
import DocketXML

/// An `{{image(x)}}` as WordprocessingML: an inline DrawingML picture (`w:drawing/wp:inline`,
/// `wp:docPr` with the alt text in `descr`, `a:graphic/pic:pic` with `a:blip r:embed`). The
/// namespaces are declared on the elements themselves, so the drawing is valid in any part
/// whatever its root declares. `wp:docPr` ids are made unique by `IdFixer` after rendering.
enum ImageWML {
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let relImage = Namespaces.r + "/image"
    /// The declarations a part showing pictures gets on its root element.
    static let rootNamespaces = [("xmlns:r", Namespaces.r), ("xmlns:wp", wp), ("xmlns:a", a), ("xmlns:pic", pic)]
    /// Word's mark of a decorative picture (Office 2019+): an `a:ext` in `wp:docPr`.
    static let decorativeExtension = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
    static let decorativeNamespace = "http://schemas.microsoft.com/office/drawing/2017/decorative"

    /// The text or nil: the first character XML 1.0 forbids in the alt text or name.
    static func illegalScalar(_ image: LoadedImage) -> Unicode.Scalar? {
        XMLWriter.firstIllegalScalar(in: image.field.altText) ?? XMLWriter.firstIllegalScalar(in: image.name)
    }

    /// The `w:drawing` element (for inside a `w:r`).
    static func drawing(_ image: LoadedImage, relationshipId: String) -> String {
        let (cx, cy) = image.extent
        let alt = XMLWriter.escape(image.field.altText, attribute: true)
        let name = XMLWriter.escape(image.name, attribute: true)
        let docPr = "<wp:docPr id=\"1\" name=\"\(name)\" descr=\"\(alt)\"" + (image.field.alternative == .decorative
            ? "><a:extLst xmlns:a=\"\(a)\"><a:ext uri=\"\(decorativeExtension)\"><adec:decorative xmlns:adec=\"\(decorativeNamespace)\" val=\"1\"/></a:ext></a:extLst></wp:docPr>"
            : "/>")
        return "<w:drawing><wp:inline xmlns:wp=\"\(wp)\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + docPr
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"\(a)\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic xmlns:a=\"\(a)\"><a:graphicData uri=\"\(pic)\"><pic:pic xmlns:pic=\"\(pic)\">"
            + "<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"\(name)\" descr=\"\(alt)\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" noChangeArrowheads=\"1\"/></pic:cNvPicPr></pic:nvPicPr>"
            + "<pic:blipFill><a:blip xmlns:r=\"\(Namespaces.r)\" r:embed=\"\(relationshipId)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr bwMode=\"auto\"><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
    }
}
