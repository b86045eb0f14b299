import DocketCore
import DocketPDF
import Foundation

extension FormBuilder.Result {
    /// The form as a PDF to print (`docket form --format pdf`): the same .docx converted by one
    /// LibreOffice converter started and ended here; nil `options` leaves the .docx. A missing
    /// LibreOffice or a failed conversion is a usage error (exit 2) naming what to install.
    public func converted(_ options: PDFOptions?, searchPath: [String]) -> FormBuilder.Result {
        guard let options, let docx = bytes, let name = fileName else { return self }
        var result = self
        result.bytes = nil
        result.status = .usage
        do {
            let pool = try LibreOfficePool(searchPath: searchPath, configuration: .forJobs(1))
            defer { pool.shutdown() }
            result.bytes = try pool.pdf(fromDOCX: docx, name: name, options: options)
            result.fileName = URL(fileURLWithPath: name).deletingPathExtension().appendingPathExtension("pdf").lastPathComponent
            result.status = .success
        } catch {
            result.diagnostics.append(error.diagnostic)
        }
        return result
    }
}
