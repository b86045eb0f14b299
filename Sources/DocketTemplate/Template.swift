import DocketCore
import Foundation

/// Maps an offset in template text to a location for diagnostics.
public enum TemplateLocator: Sendable {
    /// Text templates: `file:line:col`.
    case lineColumn(file: String)
    /// Compiled templates (DOCX): offset → part, paragraph or table cell, and a snippet.
    case custom(@Sendable (_ utf8Offset: Int) -> SourceLocation)
}

public struct RenderOptions: Sendable {
    /// Render `[MISSING: x]` (with a warning) instead of failing on absent fields.
    public var allowMissing: Bool
    /// Extra filters, e.g. a deliverable's own.
    public var filters: [String: TemplateFilter]
    /// The folder `{{image(x)}}` paths are relative to: the data file's. Nil (data from a web
    /// form, a test): only `data:` images.
    public var imageBase: URL?

    public init(allowMissing: Bool = false, filters: [String: TemplateFilter] = [:], imageBase: URL? = nil) {
        self.allowMissing = allowMissing
        self.filters = filters
        self.imageBase = imageBase
    }
}

public struct RenderResult: Sendable {
    public var output: String
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

/// A compiled Mustache template (docs/template-language.md). Parse once, render many times.
public struct Template: Sendable {
    public let name: String
    let nodes: [TemplateNode]
    let locate: @Sendable (Int) -> SourceLocation
    let partials: [String: Template]

    /// Parses `text`; throws every template error found, each located.
    public init(_ text: String, name: String, locator: TemplateLocator, partials: [String: Template] = [:]) throws(DiagnosticList) {
        self.name = name
        self.partials = partials
        switch locator {
        case .custom(let f): locate = f
        case .lineColumn(let file):
            let starts = Template.lineStarts(text)
            locate = { offset in
                var lo = 0, hi = starts.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
                }
                let lineBytes = Array(text.utf8)[starts[lo]..<min(offset, text.utf8.count)]
                let column = lineBytes.filter { $0 & 0xC0 != 0x80 }.count + 1
                return SourceLocation(file: file, position: SourcePosition(line: lo + 1, column: column))
            }
        }
        var parser = TemplateParser(locate: locate, partialNames: Set(partials.keys))
        nodes = parser.parse(TemplateLexer.tokens(Array(text.utf8)))
        if !parser.diagnostics.isEmpty { throw DiagnosticList(parser.diagnostics) }
    }

    static func lineStarts(_ text: String) -> [Int] {
        var starts = [0]
        for (i, b) in text.utf8.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }

    /// Renders with `data`. Missing fields and format errors come back as diagnostics, all of them.
    public func render(_ data: JSONValue, format: some OutputFormat, options: RenderOptions = RenderOptions()) -> RenderResult {
        var renderer = Renderer(format: format, options: options)
        var out = ""
        renderer.render(nodes, in: self, stack: [Frame(value: data, path: "")], into: &out, depth: 0)
        return RenderResult(output: out, diagnostics: renderer.diagnostics)
    }
}
