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
    /// Per style, what it gives through its `w:basedOn` chain (resolved once: a document has
    /// far more runs than styles).
    private var resolved: [String: Resolved] = [:]
    private var defaults = Resolved()

    /// Run properties as far as one source (direct formatting, a style chain, defaults) sets them;
    /// each value with the style it comes from.
    struct Resolved: Sendable {
        var color: (value: String, style: String?)?
        var background: String?
        var halfPoints: Int?
        var bold: Bool?
        var headingLevel: Int??
        var paragraphFill: String?

        /// `other` where this one sets nothing.
        func over(_ other: Resolved) -> Resolved {
            Resolved(color: color ?? other.color, background: background ?? other.background, halfPoints: halfPoints ?? other.halfPoints,
                     bold: bold ?? other.bold, headingLevel: headingLevel ?? other.headingLevel, paragraphFill: paragraphFill ?? other.paragraphFill)
        }

        init(color: (value: String, style: String?)? = nil, background: String? = nil, halfPoints: Int? = nil, bold: Bool? = nil,
             headingLevel: Int?? = nil, paragraphFill: String? = nil) {
            self.color = color
            self.background = background
            self.halfPoints = halfPoints
            self.bold = bold
            self.headingLevel = headingLevel
            self.paragraphFill = paragraphFill
        }

        /// What run properties `rPr` set (the colour attributed to `style`).
        init(run rPr: XMLElement?, style: String?) {
            self.init(color: rPr?.child("w:color")?.attribute("w:val").map { ($0, style) },
                      background: rPr.flatMap(WMLStyles.runBackground),
                      halfPoints: rPr?.child("w:sz")?.attribute("w:val").flatMap(Int.init),
                      bold: rPr?.child("w:b").map(WMLStyles.isOn))
        }
    }

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
        for id in styles.keys {
            var r = Resolved()
            for style in chain(id) {
                var own = Resolved(run: style.runProperties, style: style.id)
                let pPr = style.paragraphProperties
                own.paragraphFill = pPr?.child("w:shd").flatMap(Self.fill)
                if let outline = pPr?.child("w:outlineLvl")?.attribute("w:val").flatMap(Int.init) {
                    own.headingLevel = .some(Self.level(outline: outline))
                } else if let named = Self.level(name: style.name.lowercased()) {
                    own.headingLevel = .some(named)
                }
                r = r.over(own)
            }
            resolved[id] = r
        }
        defaults = Resolved(run: defaultRun, style: nil)
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
        if let id, let r = resolved[id] { return r.headingLevel ?? nil }
        return id.flatMap { Self.level(name: $0.lowercased()) }
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
        var format = paragraphStyle.flatMap { resolved[$0] }?.over(defaults) ?? defaults
        if let runStyle, let style = resolved[runStyle] { format = style.over(format) }
        if let direct { format = Resolved(run: direct, style: nil).over(format) }
        let hex = format.color.flatMap { Self.hex($0.value) }
        return TextFormat(color: hex, background: format.background, halfPoints: format.halfPoints ?? 20, bold: format.bold ?? false,
                          colorStyle: hex == nil ? nil : format.color?.style)
    }

    /// The background a paragraph gives its text: its own `w:shd` fill, else its style's.
    public func paragraphBackground(_ p: XMLElement) -> String? {
        if let own = p.child("w:pPr")?.child("w:shd").flatMap(Self.fill) { return own }
        return paragraphStyle(p).flatMap { resolved[$0]?.paragraphFill }
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

    static func runBackground(_ rPr: XMLElement) -> String? {
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
