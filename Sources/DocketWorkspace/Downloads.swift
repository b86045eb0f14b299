import DocketCore
import DocketFill
import DocketPDF
import Foundation

/// The workspace's downloads of a deliverable (.docx, .md, .pdf): one fill, in the CLI's pipeline.
/// PDFs go through one small pool of LibreOffice converters, started on the first PDF download
/// and shared by every request; the conversion runs off the server's event loop.
final class Downloads: @unchecked Sendable {
    private let lock = NSLock()
    private var pool: LibreOfficePool?

    /// The formats offered, in the order of the buttons and links.
    static let kinds: [OutputKind] = [.docx, .pdf, .md]

    static func mimeType(_ kind: OutputKind) -> String {
        switch kind {
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .pdf: return "application/pdf"
        case .md: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        }
    }

    /// Fills `request` with `pipeline` (the server's, compiled once); a PDF gets the shared pool
    /// (a usage result naming the package when LibreOffice is missing) and is made off the event loop.
    func fill(_ pipeline: FillPipeline, _ request: FillRequest, searchPath: [String]) async -> FillResult {
        guard request.format == .pdf else { return pipeline.fill(request) }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var pipeline = pipeline
                do throws(PDFError) {
                    pipeline.pdf = PDFOutput(converter: try self.converters(searchPath), options: PDFOptions())
                } catch {
                    return continuation.resume(returning: FillResult(status: .usage, diagnostics: [error.diagnostic]))
                }
                continuation.resume(returning: pipeline.fill(request))
            }
        }
    }

    /// The pool, started on first use (two converters: a workspace converts one PDF at a time per user).
    private func converters(_ searchPath: [String]) throws(PDFError) -> LibreOfficePool {
        lock.lock()
        defer { lock.unlock() }
        if let pool { return pool }
        let started = try LibreOfficePool(searchPath: searchPath, configuration: LibreOfficePool.Configuration(size: 2))
        pool = started
        return started
    }
}
