import DocketCore
import DocketTemplate
import DocketXML
import Foundation

/// A DOCX template compiled once and filled many times (docs/docx.md).
///
/// `compile` parses every templated part (main document, headers, footers, footnotes,
/// endnotes), joins tags Word split across runs, moves section tags to structural positions and
/// builds one `Template` per part; `fill` only renders text and zips, without parsing XML again.
public struct DocxTemplate: Sendable {
    /// The template's path, used in diagnostics.
    public let file: String
    struct Part: Sendable {
        var name: String
        /// Nil when the part holds no tags: `text` is copied as is.
        var template: Template?
        var text: String
    }
    let parts: [Part]
    let base: OOXMLPackage
    let info: PackageInfo
    let slots: [MarkdownSlot]
    /// The template's parts compressed once; reused by every fill for parts the fill left unchanged.
    let compressed: [String: (data: Data, entry: ZipEntry)]

    /// Part names that are templated: `word/document*.xml`, `header*`, `footer*`, `footnotes`, `endnotes`.
    static func isTemplated(_ name: String, main: String) -> Bool {
        if name == main { return true }
        guard name.hasPrefix("word/"), name.hasSuffix(".xml"), !name.dropFirst(5).contains("/") else { return false }
        let base = name.dropFirst(5).dropLast(4)
        return base.hasPrefix("header") || base.hasPrefix("footer") || base == "footnotes" || base == "endnotes"
    }

    /// Loads a template from an unpacked OOXML folder or a .docx file and compiles it.
    public static func load(_ url: URL, limits: PackageLimits = PackageLimits()) throws(DiagnosticList) -> DocxTemplate {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard exists else {
            throw DiagnosticList([Diagnostic(.error, rule: "docx.package", "no such template: \(url.path)", location: SourceLocation(file: url.path))])
        }
        do {
            let package = isDirectory.boolValue ? try OOXMLPackage.load(folder: url, limits: limits) : try OOXMLPackage.load(docx: url, limits: limits)
            return try compile(package, file: url.path, limits: limits)
        } catch let error as PackageError {
            throw DiagnosticList([packageDiagnostic(error, file: url.path)])
        } catch let list as DiagnosticList {
            throw list
        } catch {
            throw DiagnosticList([Diagnostic(.error, rule: "docx.package", "\(error)", location: SourceLocation(file: url.path))])
        }
    }

    static func packageDiagnostic(_ error: PackageError, file: String) -> Diagnostic {
        Diagnostic(.error, rule: "docx.package", error.message, location: SourceLocation(file: file, place: error.entry))
    }

    /// Compiles a loaded package. Throws every template error found (all parts), each located.
    public static func compile(_ package: OOXMLPackage, file: String, limits: PackageLimits = PackageLimits()) throws(DiagnosticList) -> DocxTemplate {
        let info: PackageInfo
        do { info = try PackageInfo(package) } catch { throw DiagnosticList([packageDiagnostic(error, file: file)]) }
        var diagnostics: [Diagnostic] = []
        for required in ["_rels/.rels", info.mainPart] where package.parts[required] == nil {
            diagnostics.append(Diagnostic(.error, rule: "docx.package", "the package has no \(required); it is not a Word document",
                                          location: SourceLocation(file: file, place: required)))
        }
        var parts: [Part] = []
        var slots: [MarkdownSlot] = []
        let names = package.orderedPartNames.filter { isTemplated($0, main: info.mainPart) }
        let ordered = names.filter { $0 == info.mainPart } + names.filter { $0 != info.mainPart }
        for name in ordered {
            guard let bytes = package.parts[name] else { continue }  // names come from the package itself
            guard bytes.count <= limits.maxXMLPartBytes else {
                diagnostics.append(Diagnostic(.error, rule: "docx.package", "part is \(bytes.count) bytes, over the limit of \(limits.maxXMLPartBytes)",
                                              location: SourceLocation(file: file, place: name)))
                continue
            }
            // Every templated part is parsed (and so checked) even when it holds no tags.
            var document: XMLDocument
            do { document = try SafeXMLParser.parse([UInt8](bytes), maxBytes: limits.maxXMLPartBytes, maxElements: limits.maxXMLElements) } catch {
                diagnostics.append(Diagnostic(.error, rule: "docx.invalid-xml", "invalid XML: \(error.message)",
                                              location: SourceLocation(file: file, position: error.position, place: name)))
                continue
            }
            let raw = String(decoding: bytes, as: UTF8.self)
            guard ByteSearch.contains(raw, "{") || ByteSearch.contains(raw, "docket:check") else { // a tag may be split: "{" in one run, "{" in the next
                parts.append(Part(name: name, template: nil, text: raw))
                continue
            }
            var compiler = PartCompiler(part: name, slots: slots, file: file)
            document.root = compiler.compile(document.root)
            var needed: [(String, String)] = compiler.slots.count > slots.count ? [("xmlns:r", Namespaces.r)] : []
            // Pictures declare their namespaces themselves; readers that look prefixes up at the
            // root only (pandoc) need them there too.
            if compiler.usesImages { needed += ImageWML.rootNamespaces }
            for (name, uri) in needed.reversed() where document.root.attributes.allSatisfy({ $0.name != name }) {
                document.root.attributes.insert(XMLAttribute(name, uri), at: 0)
            }
            slots = compiler.slots
            diagnostics += compiler.diagnostics
            let (text, tracker) = PlaceTracker.serialise(document, part: name)
            diagnostics += tracker.crossingDiagnostics(file: file)
            let broken = tracker.brokenTagDiagnostics(file: file)
            diagnostics += broken
            if !broken.isEmpty { continue } // the template parser would only misread the broken tag
            do {
                let template = try Template(text, name: name, locator: PlaceTracker.locator(file: file, entries: tracker.entries, part: name))
                parts.append(Part(name: name, template: template, text: text))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if diagnostics.contains(where: \.isError) { throw DiagnosticList(diagnostics) }
        // A Word template (.dotx/.dotm) fills into a document: its main part's content type changes.
        var base = package
        if let types = base.parts["[Content_Types].xml"].map({ String(decoding: $0, as: UTF8.self) }), types.contains(".template.main+xml") {
            base.parts["[Content_Types].xml"] = Data(types
                .replacingOccurrences(of: "wordprocessingml.template.main+xml", with: "wordprocessingml.document.main+xml")
                .replacingOccurrences(of: "ms-word.template.macroEnabledTemplate.main+xml", with: "ms-word.document.macroEnabled.main+xml").utf8)
        }
        var compressed: [String: (data: Data, entry: ZipEntry)] = [:]
        let templated = Set(parts.map(\.name))
        for (name, data) in base.parts where !templated.contains(name) || parts.first(where: { $0.name == name })?.template == nil {
            if let entry = try? ZipEntry.forPart(data, name: name) { compressed[name] = (data, entry) }
        }
        return DocxTemplate(file: file, parts: parts, base: base, info: info, slots: slots, compressed: compressed)
    }

    /// Fills the template: the filled package, or nil with the errors (every missing field,
    /// each with its part and paragraph or table cell). `language` marks translated answers.
    public func fillPackage(data: JSONValue, options: RenderOptions = RenderOptions(),
                            language: AnswerLanguage? = nil) -> (package: OOXMLPackage?, diagnostics: [Diagnostic]) {
        let state = FillState(additions: PackageAdditions(firstAbstractId: info.maxAbstractNumId + 1, firstNumId: info.maxNumId + 1,
                                                                firstFootnoteId: info.maxFootnoteId + 1),
                              slots: slots)
        let format = DocxFormat(state: state)
        var renderOptions = options
        for (name, filter) in DocxFormat.filters where renderOptions.filters[name] == nil { renderOptions.filters[name] = filter }
        var output = base.parts
        var diagnostics: [Diagnostic] = []
        var fixer = IdFixer()
        for part in parts {
            var text = part.text
            if let template = part.template {
                state.part = part.name
                let result = template.render(data, format: format, options: renderOptions)
                diagnostics += result.diagnostics
                text = result.output
            }
            output[part.name] = Data(fixer.fix(text).utf8)
        }
        if diagnostics.contains(where: \.isError) { return (nil, diagnostics) }
        FootnoteMarkers.resolve(&output, part: info.mainPart, additions: &state.additions)
        FootnoteMarkers.order(&output, part: info.mainPart, additions: &state.additions)
        TableOfContents.fill(&output, part: info.mainPart)
        AnswerBookmarks.mark(&output, order: parts.map(\.name))
        language?.mark(&output, order: parts.map(\.name))
        PackageFinisher.finish(&output, additions: state.additions, info: info)
        return (OOXMLPackage(parts: output), diagnostics)
    }

    /// Fills the template and zips it: .docx bytes, or nil with the errors.
    public func fill(data: JSONValue, options: RenderOptions = RenderOptions(), language: AnswerLanguage? = nil) -> (data: Data?, diagnostics: [Diagnostic]) {
        let (package, diagnostics) = fillPackage(data: data, options: options, language: language)
        guard let package else { return (nil, diagnostics) }
        do {
            return (try package.docxData(reusing: compressed), diagnostics)
        } catch {
            return (nil, diagnostics + [Self.packageDiagnostic(error, file: file)])
        }
    }
}
