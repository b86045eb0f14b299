import DocketCore
import DocketDOCX
import DocketXML
import Foundation

/// The accessibility checks of a .docx (Section 508 / WCAG 2.1 AA, docs/validation.md), run on
/// every .docx `docket validate` reads, whether or not it is a deliverable. Each finding is a
/// warning (`--strict` makes it fail the run) at its place, saying how to fix it in Word.
public enum AccessibilityRule: String, CaseIterable, Sendable {
    case language = "a11y.language"
    case title = "a11y.title"
    case headingOrder = "a11y.heading-order"
    case emptyHeading = "a11y.empty-heading"
    case tableHeader = "a11y.table-header"
    case imageAlt = "a11y.image-alt"
    case linkText = "a11y.link-text"
    case contrast = "a11y.contrast"
}

public enum DocxAccessibility {
    static let stylesPart = "word/styles.xml"
    static let settingsPart = "word/settings.xml"
    static let coreRelationship = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

    /// Every accessibility finding of `package` (read from `file`), in document order after the
    /// document-wide ones (language, title). Parts go through the same limits and hardened
    /// parser as the rest of validation; `parsed` holds parts already parsed (by `DocxAnswers.readAll`).
    public static func check(package: OOXMLPackage, file: String, limits: PackageLimits = PackageLimits(),
                             parsed: [String: XMLDocument] = [:]) throws(PackageError) -> [Diagnostic] {
        let stylesDocument = try package.parsedPart(stylesPart, limits: limits)
        let styles = stylesDocument.map(WMLStyles.init) ?? WMLStyles()
        var out = try language(package, styles, file, limits)
        out += try title(package, file, limits)
        let (main, parts) = try package.wordParts()
        var contrast = ContrastFindings()
        for name in parts {
            var document = parsed[name]
            if document == nil { document = try package.parsedPart(name, limits: limits) }
            guard let document else { continue }
            var walker = AccessibilityWalker(file: file, part: name, styles: styles, headings: name == main,
                                             page: document.root.child("w:background")?.attribute("w:color").flatMap(WMLStyles.hex))
            walker.walk(document.root)
            out += walker.findings
            contrast.merge(walker.contrast)
        }
        return out + contrast.diagnostics
    }

    /// The document language: `w:lang` of the default run properties (`w:docDefaults` in
    /// styles.xml, or the default paragraph style), else `w:themeFontLang` of settings.xml.
    static func language(_ package: OOXMLPackage, _ styles: WMLStyles, _ file: String, _ limits: PackageLimits) throws(PackageError) -> [Diagnostic] {
        let runs = [styles.defaultRun] + styles.chain(styles.defaultParagraphStyle).map(\.runProperties)
        if runs.contains(where: { $0?.child("w:lang")?.attribute("w:val")?.isEmpty == false }) { return [] }
        if let settings = try package.parsedPart(settingsPart, limits: limits),
           let lang = settings.root.child("w:themeFontLang")?.attribute("w:val"), !lang.isEmpty { return [] }
        return [finding(.language, "the document has no language set, so a screen reader cannot pick its voice: in Word, select all, "
                        + "Review → Language → Set Proofing Language → English (United States), and tick Set As Default",
                        SourceLocation(file: file, place: stylesPart))]
    }

    /// The document title (`dc:title` of the core properties): what a screen reader announces first.
    static func title(_ package: OOXMLPackage, _ file: String, _ limits: PackageLimits) throws(PackageError) -> [Diagnostic] {
        let part = try package.packageRelationship(coreRelationship) ?? "docProps/core.xml"
        let title = try package.parsedPart(part, limits: limits)?.root.child("dc:title")?.textContent ?? ""
        guard title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        return [finding(.title, "the document has no title: in Word, File → Info → Properties → Title, type the deliverable's title",
                        SourceLocation(file: file, place: part))]
    }

    static func finding(_ rule: AccessibilityRule, _ message: String, _ location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, rule: rule.rawValue, message, location: location)
    }
}

/// Text below the contrast WCAG requires, one finding per colour pair and style across the
/// document (a style used a hundred times is one fix), at its first place, with the count.
struct ContrastFindings {
    struct Finding {
        var diagnostic: Diagnostic
        var count: Int
    }
    private(set) var order: [String] = []
    private(set) var found: [String: Finding] = [:]

    mutating func add(key: String, _ make: () -> Diagnostic) {
        if found[key] != nil { found[key]?.count += 1; return }
        order.append(key)
        found[key] = Finding(diagnostic: make(), count: 1)
    }

    mutating func merge(_ other: ContrastFindings) {
        for key in other.order {
            guard let f = other.found[key] else { continue }
            if found[key] != nil { found[key]?.count += f.count } else { order.append(key); found[key] = f }
        }
    }

    var diagnostics: [Diagnostic] {
        order.compactMap { key in
            guard var f = found[key] else { return nil }
            if f.count > 1 { f.diagnostic.message += " (\(f.count) runs of text like this)" }
            return f.diagnostic
        }
    }
}
