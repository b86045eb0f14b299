import DocketCore
import DocketPDF
import Foundation

/// PDF output of a fill: the .docx rendered exactly as for `--format docx`, then converted by a
/// `PDFConverter` (a pool of LibreOffice converters). Tagged always; PDF/A-2b with `options.pdfA`.
public struct PDFOutput: Sendable {
    public var converter: any PDFConverter
    public var options: PDFOptions

    public init(converter: any PDFConverter, options: PDFOptions) {
        self.converter = converter
        self.options = options
    }
}

extension FillPipeline {
    /// The pipeline with PDF output (nil `options`: unchanged) through a pool of LibreOffice
    /// converters sized for a batch on `jobs` threads. Throws the `PDFError`'s diagnostic, a
    /// usage error (exit 2), when LibreOffice or its UNO bridge is missing (it names the package).
    public func withPDF(_ options: PDFOptions?, jobs: Int, searchPath: [String]) throws(Diagnostic) -> FillPipeline {
        guard let options else { return self }
        var pipeline = self
        do {
            pipeline.pdf = PDFOutput(converter: try LibreOfficePool(searchPath: searchPath, configuration: .forJobs(jobs)), options: options)
        } catch {
            throw error.diagnostic
        }
        return pipeline
    }

    /// Ends the PDF converters, if any (their soffice processes and profile folders).
    public func shutdown() { pdf?.converter.shutdown() }

    /// `result` (the .docx of a `.pdf` request) with the PDF's bytes, or the converter's error.
    func convertedToPDF(_ result: FillResult) -> FillResult {
        guard let docx = result.bytes, let name = result.fileName else { return result }
        var result = result
        result.bytes = nil
        guard let pdf else {
            result.status = .usage
            result.diagnostics.append(Diagnostic(.error, rule: "pdf.no-converter", "PDF output needs a converter: FillPipeline.withPDF"))
            return result
        }
        do {
            result.bytes = try pdf.converter.pdf(fromDOCX: docx, name: name, options: pdf.options)
        } catch {
            result.status = .usage
            result.diagnostics.append(error.diagnostic)
        }
        return result
    }
}
