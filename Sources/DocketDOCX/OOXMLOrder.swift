import DocketXML
import Foundation

/// The order WordprocessingML requires of the children of the elements Docket writes. Word
/// rejects or "repairs" a part whose property elements are out of sequence, where LibreOffice
/// and pandoc accept it silently, so every part Docket writes or generates is checked against
/// these rules (Tests/DocketDOCXTests/WordOrderTests.swift) and generated XML is built from them
/// (`PropertyList`, `OOXMLOrder.inserting`).
///
/// Source: the ECMA-376 / ISO/IEC 29500 transitional schema `wml.xsd` — the complex types
/// CT_PPrBase + CT_PPr, EG_RPrBase + EG_RPrContent, CT_TblPrBase, CT_TrPrBase + CT_TrPr,
/// CT_TcPrBase + CT_TcPrInner + CT_TcPr, CT_Style, CT_Styles, CT_DocDefaults, CT_Lvl,
/// CT_AbstractNum, CT_Num, CT_NumLvl, CT_Numbering, CT_NumPr, CT_SectPr + EG_SectPrContents,
/// CT_Settings, CT_Compat, CT_SdtPr, CT_SdtBlock, CT_Body, CT_Document, CT_P, CT_R, CT_Tbl,
/// CT_Row, CT_Tc, CT_TblGrid, CT_PBdr, CT_TblBorders, CT_TcBorders, CT_TblCellMar, CT_TcMar —
/// read in the copy of the transitional wml.xsd published with splittist/docxfix
/// (schemas/wml.xsd) and checked against the schema excerpts in python-docx's analysis pages
/// (docs/dev/analysis/schema) and another public copy of the transitional wml.xsd. `w14:checkbox`
/// follows CT_SdtCheckbox of [MS-DOCX] (Word 2010 wordml).
///
/// Two rules are stricter than the transitional schema, on purpose:
/// - the children of `w:rPr` (EG_RPrBase) and of `w:trPr` (CT_TrPrBase) are declared there as a
///   repeatable choice, so any order validates; the rules below keep the declaration order, which
///   is the order Word itself writes and the one Docket has always emitted;
/// - `[Content_Types].xml` (opc-contentTypes.xsd, CT_Types) also allows Default and Override in
///   any order; Default elements first is the convention of Word and of the OPC examples.
///
/// Names are matched as written, with the conventional prefixes (`w:`, `w14:`); Docket's own
/// templates and output use them. Children a rule does not list are not ranked (a rule says
/// nothing about them), except under a `*` slot, which ranks every child the rule names nowhere else.
public enum OOXMLOrder {
    /// One parent element's rule: its children's slots in order. A child may follow another of
    /// the same slot or of an earlier one; one of an earlier slot after a later one is out of order.
    struct Rule: Sendable {
        let slots: [[String]]
        /// Children that may stand anywhere (range markup in `w:tbl`).
        var free: Set<String> = []

        init(_ slots: [[String]], free: Set<String> = []) {
            self.slots = slots
            self.free = free
        }

        /// A rule whose slots each hold one element name.
        static func sequence(_ names: [String]) -> Rule { Rule(names.map { [$0] }) }

        /// The slot of child `name`, or nil when the rule does not rank it.
        func rank(_ name: String) -> Int? {
            if free.contains(name) { return nil }
            if let i = slots.firstIndex(where: { $0.contains(name) }) { return i }
            return slots.firstIndex(where: { $0.contains("*") })
        }

        /// Every named child, in order (wildcards left out).
        var names: [String] { slots.flatMap { $0 }.filter { $0 != "*" } }
    }

    private static func w(_ names: [String]) -> [String] { names.map { "w:" + $0 } }

    /// CT_PPrBase, then CT_PPr's rPr, sectPr, pPrChange (CT_PPrGeneral in styles and numbering
    /// omits rPr and sectPr; the order is the same).
    static let paragraphProperties = w([
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
        "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
        "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
        "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
        "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ])

    /// CT_ParaRPr's revision marks (paragraph-mark run properties only), EG_RPrBase in
    /// declaration order, then rPrChange.
    static let runProperties = w([
        "ins", "del", "moveFrom", "moveTo",
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
        "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange",
    ])

    /// CT_TblPrBase, then tblPrChange.
    static let tableProperties = w([
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
        "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
        "tblDescription", "tblPrChange",
    ])

    /// CT_TrPrBase (declaration order; the schema allows any), then CT_TrPr's ins, del, trPrChange.
    static let rowProperties = w([
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
        "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
    ])

    /// CT_TcPrBase, CT_TcPrInner's cell markup (one choice), then tcPrChange.
    static let cellProperties: [[String]] = w([
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark", "headers",
    ]).map { [$0] } + [w(["cellIns", "cellDel", "cellMerge"]), ["w:tcPrChange"]]

    /// CT_Style.
    static let style = w([
        "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
        "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
        "tblPr", "trPr", "tcPr", "tblStylePr",
    ])

    /// CT_Lvl.
    static let level = w([
        "start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId", "legacy", "lvlJc",
        "pPr", "rPr",
    ])

    /// EG_HdrFtrReferences (header and footer references, in any order among themselves), then
    /// EG_SectPrContents, then sectPrChange.
    static let sectionProperties: [[String]] = [w(["headerReference", "footerReference"])] + w([
        "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
        "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
        "printerSettings", "sectPrChange",
    ]).map { [$0] }

    /// CT_Settings (its `m:mathPr` and `sl:schemaLibrary` come from other schemas).
    static let settings: [String] = w([
        "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime", "doNotDisplayPageBoundaries",
        "displayBackgroundShape", "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
        "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
        "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
        "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign",
        "attachedTemplate", "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
        "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
        "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
        "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength",
        "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
        "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
        "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
        "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
        "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
        "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields",
        "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    ]) + ["m:mathPr"] + w([
        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    ]) + ["sl:schemaLibrary"] + w(["shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"])

    /// CT_SdtPr: its sequence, then the control type (one choice; `w14:checkbox` is Word 2010's),
    /// then Word 2013's repeating-section marks ([MS-DOCX] CT_SdtRepeatedSection, written last by Word).
    static let sdtProperties: [[String]] = w([
        "rPr", "alias", "tag", "id", "lock", "placeholder", "temporary", "showingPlcHdr", "dataBinding", "label",
        "tabIndex",
    ]).map { [$0] } + [w([
        "equation", "comboBox", "date", "docPartObj", "docPartList", "dropDownList", "picture", "richText", "text",
        "citation", "group", "bibliography",
    ]) + ["w14:checkbox"]] + [["w15:repeatingSection", "w15:repeatingSectionItem"]]

    /// CT_Compat: the Word 97–2003 options, then compatSetting.
    static let compat = w([
        "useSingleBorderforContiguousCells", "wpJustification", "noTabHangInd", "noLeading", "spaceForUL",
        "noColumnBalance", "balanceSingleByteDoubleByteWidth", "noExtraLineSpacing", "doNotLeaveBackslashAlone",
        "ulTrailSpace", "doNotExpandShiftReturn", "spacingInWholePoints", "lineWrapLikeWord6",
        "printBodyTextBeforeHeader", "printColBlack", "wpSpaceWidth", "showBreaksInFrames", "subFontBySize",
        "suppressBottomSpacing", "suppressTopSpacing", "suppressSpacingAtTopOfPage", "suppressTopSpacingWP",
        "suppressSpBfAfterPgBrk", "swapBordersFacingPages", "convMailMergeEsc", "truncateFontHeightsLikeWP6",
        "mwSmallCaps", "usePrinterMetrics", "doNotSuppressParagraphBorders", "wrapTrailSpaces", "footnoteLayoutLikeWW8",
        "shapeLayoutLikeWW8", "alignTablesRowByRow", "forgetLastTabAlignment", "adjustLineHeightInTable",
        "autoSpaceLikeWord95", "noSpaceRaiseLower", "doNotUseHTMLParagraphAutoSpacing", "layoutRawTableWidth",
        "layoutTableRowsApart", "useWord97LineBreakRules", "doNotBreakWrappedTables", "doNotSnapToGridInCell",
        "selectFldWithFirstOrLastChar", "applyBreakingRules", "doNotWrapTextWithPunct", "doNotUseEastAsianBreakRules",
        "useWord2002TableStyleRules", "growAutofit", "useFELayout", "useNormalStyleForList",
        "doNotUseIndentAsNumberingTabStop", "useAltKinsokuLineBreakRules", "allowSpaceOfSameStyleInTable",
        "doNotSuppressIndentation", "doNotAutofitConstrainedTables", "autofitToFirstFixedWidthCell",
        "underlineTabInNumList", "displayHangulFixedWidth", "splitPgBreakAndParaMark", "doNotVertAlignCellWithSp",
        "doNotBreakConstrainedForcedTable", "doNotVertAlignInTxbx", "useAnsiKerningPairs", "cachedColBalance",
        "compatSetting",
    ])

    /// EG_RangeMarkupElements: allowed before a table's properties as well as among its rows.
    static let rangeMarkup: Set<String> = Set(w([
        "bookmarkStart", "bookmarkEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "commentRangeStart", "commentRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
        "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
    ]))

    /// Parent element name → rule.
    static let rules: [String: Rule] = {
        var r: [String: Rule] = [
            "w:pPr": .sequence(paragraphProperties),
            "w:rPr": .sequence(runProperties),
            "w:tblPr": .sequence(tableProperties),
            "w:trPr": .sequence(rowProperties),
            "w:tcPr": Rule(cellProperties),
            "w:style": .sequence(style),
            "w:styles": .sequence(w(["docDefaults", "latentStyles", "style"])),
            "w:docDefaults": .sequence(w(["rPrDefault", "pPrDefault"])),
            "w:tblStylePr": .sequence(w(["pPr", "rPr", "tblPr", "trPr", "tcPr"])),
            "w:lvl": .sequence(level),
            "w:abstractNum": .sequence(w(["nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"])),
            "w:num": .sequence(w(["abstractNumId", "lvlOverride"])),
            "w:lvlOverride": .sequence(w(["startOverride", "lvl"])),
            "w:numbering": .sequence(w(["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"])),
            "w:numPr": .sequence(w(["ilvl", "numId", "numberingChange", "ins"])),
            "w:sectPr": Rule(sectionProperties),
            "w:settings": .sequence(settings),
            "w:compat": .sequence(compat),
            "w:sdtPr": Rule(sdtProperties),
            "w:sdt": .sequence(w(["sdtPr", "sdtEndPr", "sdtContent"])),
            "w14:checkbox": .sequence(["w14:checked", "w14:checkedState", "w14:uncheckedState"]),
            "w:document": .sequence(w(["background", "body"])),
            "w:body": Rule([["*"], ["w:sectPr"]]),
            "w:p": Rule([["w:pPr"], ["*"]]),
            "w:r": Rule([["w:rPr"], ["*"]]),
            "w:tbl": Rule([["w:tblPr"], ["w:tblGrid"], ["*"]], free: rangeMarkup),
            "w:tblGrid": .sequence(w(["gridCol", "tblGridChange"])),
            "w:tr": Rule([["w:tblPrEx"], ["w:trPr"], ["*"]]),
            "w:tc": Rule([["w:tcPr"], ["*"]]),
            "w:pBdr": .sequence(w(["top", "left", "bottom", "right", "between", "bar"])),
            "w:tblBorders": Rule([["w:top"], ["w:start", "w:left"], ["w:bottom"], ["w:end", "w:right"], ["w:insideH"], ["w:insideV"]]),
            "w:tcBorders": Rule([["w:top"], ["w:start", "w:left"], ["w:bottom"], ["w:end", "w:right"], ["w:insideH"], ["w:insideV"],
                                 ["w:tl2br"], ["w:tr2bl"]]),
            "w:tblCellMar": Rule([["w:top"], ["w:start", "w:left"], ["w:bottom"], ["w:end", "w:right"]]),
            "w:tcMar": Rule([["w:top"], ["w:start", "w:left"], ["w:bottom"], ["w:end", "w:right"]]),
            "Types": .sequence(["Default", "Override"]),
            // DrawingML pictures (dml-wordprocessingDrawing.xsd CT_Inline, CT_NonVisualDrawingProps;
            // dml-picture.xsd CT_Picture, CT_PictureNonVisual; dml-main.xsd CT_BlipFillProperties,
            // CT_ShapeProperties, CT_Transform2D), as `{{image(x)}}` writes them.
            "wp:inline": .sequence(["wp:extent", "wp:effectExtent", "wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"]),
            "wp:docPr": .sequence(["a:hlinkClick", "a:hlinkHover", "a:extLst"]),
            "pic:pic": .sequence(["pic:nvPicPr", "pic:blipFill", "pic:spPr", "pic:style"]),
            "pic:nvPicPr": .sequence(["pic:cNvPr", "pic:cNvPicPr"]),
            "pic:blipFill": Rule([["a:blip"], ["a:srcRect"], ["a:tile", "a:stretch"]]),
            "pic:spPr": Rule([["a:xfrm"], ["a:custGeom", "a:prstGeom"], ["a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill"],
                              ["a:ln"], ["a:effectLst", "a:effectDag"], ["a:scene3d"], ["a:sp3d"], ["a:extLst"]]),
            "a:xfrm": .sequence(["a:off", "a:ext"]),
        ]
        r["w:tblCellMar"] = r["w:tcMar"]
        return r
    }()

    // MARK: Checking

    /// A child out of the order its parent's rule requires.
    struct Violation: Sendable, Hashable, CustomStringConvertible {
        var part: String
        /// Path of the parent from the root, with identifying attributes (`w:style[Quote]`).
        var path: String
        var child: String
        /// The earlier sibling the child should have come before.
        var after: String

        var description: String { "\(part): \(path): <\(child)> after <\(after)>" }
    }

    /// Every out-of-order child under `root` (depth first, document order).
    static func violations(in root: XMLElement, part: String) -> [Violation] {
        var out: [Violation] = []
        func visit(_ e: XMLElement, _ path: String) {
            if let rule = rules[e.name] {
                var highest: (rank: Int, name: String)?
                for child in e.elements {
                    guard let rank = rule.rank(child.name) else { continue }
                    if let h = highest, rank < h.rank {
                        out.append(Violation(part: part, path: path, child: child.name, after: h.name))
                    } else if rank > (highest?.rank ?? -1) {
                        highest = (rank, child.name)
                    }
                }
            }
            var counts: [String: Int] = [:]
            for child in e.elements {
                let n = counts[child.name, default: 0] + 1
                counts[child.name] = n
                visit(child, path + "/" + label(child, index: n))
            }
        }
        visit(root, label(root, index: 1))
        return out
    }

    /// Every out-of-order child in one part's XML.
    static func violations(inPart part: String, bytes: Data) throws(XMLParseError) -> [Violation] {
        violations(in: try SafeXMLParser.parse([UInt8](bytes)).root, part: part)
    }

    /// Every out-of-order child in the package's XML parts (`.xml` and `.rels`), part by part in
    /// package order. A part that is not well-formed is reported as an error.
    static func violations(in package: OOXMLPackage) throws(XMLParseError) -> [Violation] {
        var out: [Violation] = []
        for name in package.orderedPartNames where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            guard let bytes = package.parts[name] else { continue }
            do { out += try violations(inPart: name, bytes: bytes) } catch {
                throw XMLParseError("\(name): \(error.message)", kind: error.kind, position: error.position)
            }
        }
        return out
    }

    private static func label(_ e: XMLElement, index: Int) -> String {
        for key in ["w:styleId", "w:abstractNumId", "w:numId", "w:ilvl", "w:type", "PartName", "Extension"] {
            if let v = e.attribute(key), e.name != "w:tblW", e.name != "w:tcW" { return "\(e.name)[\(v)]" }
        }
        return index == 1 ? e.name : "\(e.name)[#\(index)]"
    }

    // MARK: Building

    /// The position at which a new child `name` belongs among `parent`'s children: after every
    /// child the rule ranks at or before it, before the first ranked after it. Without a rule (or
    /// for a child it does not rank), the end.
    static func insertionIndex(of name: String, in parent: XMLElement) -> Int {
        guard let rule = rules[parent.name], let rank = rule.rank(name) else { return parent.children.count }
        for (i, node) in parent.children.enumerated() {
            if case .element(let c) = node, let r = rule.rank(c.name), r > rank { return i }
        }
        return parent.children.count
    }

    /// `parent` with `child` inserted where its rule puts it.
    public static func inserting(_ child: XMLElement, into parent: XMLElement) -> XMLElement {
        var out = parent
        out.children.insert(.element(child), at: insertionIndex(of: child.name, in: parent))
        return out
    }
}
