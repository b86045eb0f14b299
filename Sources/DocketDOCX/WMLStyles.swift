import DocketXML

/// The styles of a WordprocessingML package (`word/styles.xml`) and what a paragraph or run
/// gets from them: the heading level (outline level), and the text formatting that decides how
/// readable the text is (colour, background, size, bold). Properties resolve as Word does:
/// direct formatting, then the run's character style, then the paragraph style, each through its
/// `w:basedOn` chain, then `w:docDefaults`.
public struct WMLStyles: Sendable {
    public struct Style: Sendable, Hashable {
        public var id: String
        /// `paragraph`, `character`, `table` or `numbering`.
        public var type: String
        /// The style's name (`heading 1`, `Title`): built-in styles keep their English name in
        /// every language of Word, whatever their id.
        public var name: String
        public var basedOn: String?
        public var paragraphProperties: XMLElement?
        public var runProperties: XMLElement?
    }

    /// The text formatting in force for a run.
    public struct TextFormat: Sendable, Hashable {
        /// `RRGGBB` (upper case), nil for `auto` (Word picks black or white against the background).
        public var color: String?
        /// The run's own background (`w:shd` fill or `w:highlight`), `RRGGBB`.
        public var background: String?
        /// Size in half-points (`w:sz`).
        public var halfPoints: Int
        public var bold: Bool
        /// The style the colour comes from (nil: direct formatting or none).
        public var colorStyle: String?
    }

    public private(set) var styles: [String: Style] = [:]
    /// `w:docDefaults` run properties.
    public private(set) var defaultRun: XMLElement?
    /// The default paragraph style's id (`w:default="1"`, usually `Normal`).
    public private(set) var defaultParagraphStyle: String?

    public init() {}

    /// From the parsed `word/styles.xml`.
    public init(_ document: XMLDocument) {
        for e in document.root.elements {
            if e.name == "w:docDefaults" {
                defaultRun = e.child("w:rPrDefault")?.child("w:rPr")
                continue
            }
            guard e.name == "w:style", let id = e.attribute("w:styleId") else { continue }
            let type = e.attribute("w:type") ?? "paragraph"
            styles[id] = Style(id: id, type: type, name: e.child("w:name")?.attribute("w:val") ?? id,
                               basedOn: e.child("w:basedOn")?.attribute("w:val"),
                               paragraphProperties: e.child("w:pPr"), runProperties: e.child("w:rPr"))
            if type == "paragraph", ["1", "true", "on"].contains(e.attribute("w:default") ?? "") { defaultParagraphStyle = id }
        }
    }

    /// The style and the styles it is based on, nearest first (a loop ends the chain).
    public func chain(_ id: String?) -> [Style] {
        var out: [Style] = []
        var next = id
        while let current = next, let style = styles[current], !out.contains(where: { $0.id == current }) {
            out.append(style)
            next = style.basedOn
        }
        return out
    }

    /// The paragraph's style id (`w:pStyle`), else the default paragraph style.
    public func paragraphStyle(_ p: XMLElement) -> String? {
        p.child("w:pPr")?.child("w:pStyle")?.attribute("w:val") ?? defaultParagraphStyle
    }

    /// The heading level of a paragraph, 1 for the top (Title and Heading 1), nil for body text:
    /// its own `w:outlineLvl`, else its style's (through `w:basedOn`); a style without one that is
    /// named `heading N` or `Title` (or, missing from the styles part, has the id `HeadingN` /
    /// `Title`) is that level. Outline level 9 is body text.
    public func headingLevel(_ p: XMLElement) -> Int? {
        if let own = p.child("w:pPr")?.child("w:outlineLvl")?.attribute("w:val").flatMap(Int.init) { return Self.level(outline: own) }
        let id = paragraphStyle(p)
        for style in chain(id) {
            if let outline = style.paragraphProperties?.child("w:outlineLvl")?.attribute("w:val").flatMap(Int.init) {
                return Self.level(outline: outline)
            }
            if let named = Self.level(name: style.name.lowercased()) { return named }
        }
        return chain(id).isEmpty ? id.flatMap { Self.level(name: $0.lowercased()) } : nil
    }

    private static func level(outline: Int) -> Int? { (0...8).contains(outline) ? outline + 1 : nil }

    private static func level(name: String) -> Int? {
        if name == "title" { return 1 }
        for prefix in ["heading ", "heading"] where name.hasPrefix(prefix) {
            if let n = Int(name.dropFirst(prefix.count)), (1...9).contains(n) { return n }
        }
        return nil
    }

    /// The formatting of run `r` in a paragraph of style `paragraphStyle`.
    public func textFormat(run r: XMLElement, paragraphStyle: String?) -> TextFormat {
        let direct = r.child("w:rPr")
        let runStyle = direct?.child("w:rStyle")?.attribute("w:val")
        // Nearest first: direct formatting, the character style chain, the paragraph style chain, defaults.
        var sources: [(XMLElement?, String?)] = [(direct, nil)]
        sources += chain(runStyle).map { ($0.runProperties, $0.id) }
        sources += chain(paragraphStyle).map { ($0.runProperties, $0.id) }
        sources.append((defaultRun, nil))
        func first<T>(_ read: (XMLElement) -> T?) -> (T, String?)? {
            for (props, style) in sources { if let props, let v = read(props) { return (v, style) } }
            return nil
        }
        let color = first { $0.child("w:color")?.attribute("w:val") }
        let background = first { Self.runBackground($0) }
        let size = first { $0.child("w:sz")?.attribute("w:val").flatMap(Int.init) }
        let bold = first { $0.child("w:b").map(Self.isOn) }
        let hex = color.flatMap { Self.hex($0.0) }
        return TextFormat(color: hex, background: background.map(\.0), halfPoints: size?.0 ?? 20, bold: bold?.0 ?? false,
                          colorStyle: hex == nil ? nil : color?.1)
    }

    /// The background a paragraph gives its text: its own `w:shd` fill, else its style's.
    public func paragraphBackground(_ p: XMLElement) -> String? {
        if let own = p.child("w:pPr")?.child("w:shd").flatMap(Self.fill) { return own }
        for style in chain(paragraphStyle(p)) {
            if let fill = style.paragraphProperties?.child("w:shd").flatMap(Self.fill) { return fill }
        }
        return nil
    }

    /// A `w:shd` element's fill as `RRGGBB` (nil for `auto`, none or a pattern without fill).
    public static func fill(_ shd: XMLElement) -> String? { shd.attribute("w:fill").flatMap(hex) }

    /// `w:b` and the like: on unless `w:val` says false.
    static func isOn(_ e: XMLElement) -> Bool { !["0", "false", "off"].contains(e.attribute("w:val") ?? "true") }

    /// `RRGGBB` in upper case, nil for `auto` or anything else.
    public static func hex(_ value: String) -> String? {
        let v = value.uppercased()
        return v.count == 6 && v.allSatisfy(\.isHexDigit) ? v : nil
    }

    private static func runBackground(_ rPr: XMLElement) -> String? {
        if let shd = rPr.child("w:shd"), let fill = fill(shd) { return fill }
        guard let name = rPr.child("w:highlight")?.attribute("w:val") else { return nil }
        return highlights[name]
    }

    /// `w:highlight` colours (ST_HighlightColor).
    static let highlights: [String: String] = [
        "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF", "red": "FF0000",
        "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
        "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000", "darkGray": "808080", "lightGray": "C0C0C0",
    ]
}
