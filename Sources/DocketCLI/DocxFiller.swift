import DocketCore
import DocketDOCX
import DocketTemplate
import Foundation

/// Adapter from `docket fill` to the DOCX engine: the template is compiled once, then filled per data file.
struct DocxFiller: Sendable {
    let template: DocxTemplate

    init(template url: URL) throws(DiagnosticList) {
        template = try DocxTemplate.load(url)
    }

    func fill(_ data: JSONValue, options: RenderOptions) -> (Data?, [Diagnostic]) {
        let r = template.fill(data: data, options: options)
        return (r.data, r.diagnostics)
    }

    /// A Markdown template's filled output as a .docx with Docket's default styles.
    static func fromMarkdown(_ markdown: String, title: String) -> (Data?, [Diagnostic]) {
        do {
            return (try MarkdownDocx.docx(markdown: markdown, title: title), [])
        } catch {
            return (nil, error.diagnostics)
        }
    }
}
