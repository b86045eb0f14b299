import DocketCore
import DocketTemplate
import Foundation

/// Adapter from `docket fill` to the DOCX engine (module DocketDOCX).
struct DocxFiller: Sendable {
    let url: URL

    init(template url: URL) throws(DiagnosticList) {
        self.url = url
        throw DiagnosticList([Diagnostic(.error, rule: "fill.docx-unavailable", "DOCX output is not available in this build yet",
                                         location: SourceLocation(file: url.path))])
    }

    func fill(_ data: JSONValue, options: RenderOptions) -> (Data?, [Diagnostic]) {
        (nil, [])
    }

    static func fromMarkdown(_ markdown: String, title: String) -> (Data?, [Diagnostic]) {
        (nil, [Diagnostic(.error, rule: "fill.docx-unavailable", "DOCX output is not available in this build yet")])
    }
}
