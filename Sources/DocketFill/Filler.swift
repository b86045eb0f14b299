import DocketCore
import DocketDeliverables
import DocketDOCX
import DocketMarkdown
import DocketTemplate
import Foundation

/// The formats a fill produces. `pdf` is the .docx converted by LibreOffice (FillPDF.swift).
public enum OutputKind: String, CaseIterable, Sendable {
    case docx, md, html, pdf

    /// Bytes for a file, never for a terminal.
    public var isBinary: Bool { self == .docx || self == .pdf }
    /// The format the templates render: a PDF is rendered as its .docx.
    var rendered: OutputKind { self == .pdf ? .docx : self }
}

/// A fill target with its templates compiled once, ready to fill many data files (batch).
public struct PreparedFill: Sendable {
    public let target: any FillTarget
    let markdown: Template?
    let docx: DocxTemplate?

    /// Compiles what `formats` need; throws every template error at once.
    public init(target: any FillTarget, formats: Set<OutputKind>) throws(DiagnosticList) {
        self.target = target
        let formats = Set(formats.map(\.rendered))
        var diagnostics: [Diagnostic] = []
        var markdown: Template? = nil
        var docx: DocxTemplate? = nil
        let needsMarkdown = formats.contains(.md) || formats.contains(.html) || (formats.contains(.docx) && target.docxTemplate == nil)
        if needsMarkdown {
            if let url = target.markdownTemplate {
                do { markdown = try PreparedFill.loadMarkdown(url) } catch { diagnostics += error.diagnostics }
            } else {
                diagnostics.append(Diagnostic(.error, rule: "fill.no-template",
                                              "\(target.displayName) has no Markdown template, so it cannot produce md or html; use --format docx"))
            }
        }
        if formats.contains(.docx), let url = target.docxTemplate {
            do { docx = try DocxTemplate.load(url) } catch { diagnostics += error.diagnostics }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        self.markdown = markdown
        self.docx = docx
    }

    /// Parses a Markdown template and its partials (`partials/*.md` beside it, then `Templates/partials`).
    static func loadMarkdown(_ url: URL) throws(DiagnosticList) -> Template {
        let path = displayPath(url)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(.error, rule: "io.read", "cannot read template", location: SourceLocation(file: path))])
        }
        var partials: [String: Template] = [:]
        var diagnostics: [Diagnostic] = []
        let dirs = [url.deletingLastPathComponent().appendingPathComponent("partials"),
                    url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("partials")]
        for dir in dirs {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".md") {
                let name = String(file.dropLast(3))
                guard partials[name] == nil else { continue }
                let p = dir.appendingPathComponent(file)
                guard let ptext = try? String(contentsOf: p, encoding: .utf8) else { continue }
                do { partials[name] = try Template(ptext, name: name, locator: .lineColumn(file: displayPath(p))) } catch { diagnostics += error.diagnostics }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return try Template(text, name: url.lastPathComponent, locator: .lineColumn(file: path), partials: partials)
    }

    /// Fills one data value into `kind` (`.pdf`: its .docx, which `FillPipeline` converts).
    /// Returns the bytes, or nil with the errors. `language`:
    /// the language of the `translated` answers (`w:lang` on their runs in a DOCX template's
    /// answer regions, `lang` of an HTML page). `imageBase`: the folder `{{image(x)}}` paths are
    /// relative to (the data file's).
    public func fill(_ data: JSONValue, kind: OutputKind, date: String, allowMissing: Bool,
                     language: Translations.Language? = nil, translated: [String] = [], imageBase: URL? = nil) -> (Data?, [Diagnostic]) {
        let enriched = target.enrich(data, date: date)
        let options = RenderOptions(allowMissing: allowMissing, filters: target.filters, imageBase: imageBase)
        switch kind {
        case .md, .html:
            guard let markdown else { return (nil, []) }
            // A .md refers to its images by path; an HTML page holds them (one file to send).
            let r = markdown.render(enriched, format: MarkdownFormat(images: kind == .md ? .reference : .inline), options: options)
            if r.hasErrors { return (nil, r.diagnostics) }
            if kind == .md { return (Data(r.output.utf8), r.diagnostics) }
            let title = target.title + " — " + target.fileName(data: data, date: date)
            return (Data(MarkdownHTML.page(r.output, title: title, language: language?.primary ?? "en").utf8), r.diagnostics)
        case .docx, .pdf:
            if let docx {
                let r = docx.fill(data: enriched, options: options,
                                  language: language.map { AnswerLanguage(tag: $0.wordTag, paths: Set(translated)) })
                return (r.data, r.diagnostics)
            }
            guard let markdown else { return (nil, []) }
            let r = markdown.render(enriched, format: MarkdownFormat(images: .embedded), options: options)
            if r.hasErrors { return (nil, r.diagnostics) }
            do {
                return (try MarkdownDocx.docx(markdown: r.output, title: target.title), r.diagnostics)
            } catch {
                return (nil, r.diagnostics + error.diagnostics)
            }
        }
    }
}

