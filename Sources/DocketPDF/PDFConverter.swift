import DocketCore
import Foundation

/// How a PDF is written. Tagged PDF (a structure tree for screen readers: `/StructTreeRoot`,
/// `/MarkInfo`) is always on; PDF/A-2b (archival, fonts embedded, XMP declares `pdfaid:part 2`,
/// `conformance B`) on request.
public struct PDFOptions: Sendable, Hashable {
    public var pdfA: Bool
    public init(pdfA: Bool = false) { self.pdfA = pdfA }
}

/// Something that turns a .docx into a PDF. LibreOffice writes dates and ids into every PDF, so
/// the same document gives the same text, not the same bytes (tests compare `pdftotext` output).
public protocol PDFConverter: Sendable {
    /// The PDF of `docx`; `name` only labels the document in errors.
    func pdf(fromDOCX docx: Data, name: String, options: PDFOptions) throws(PDFError) -> Data
    /// Ends what the converter started (processes, folders); later conversions fail.
    func shutdown()
}

extension PDFConverter {
    public func shutdown() {}
}

/// Why no PDF was written; `kind` is matched by case, `diagnostic` is what users read.
public struct PDFError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No `soffice` on the search path (Debian: `libreoffice-writer-nogui`).
        case libreOfficeMissing
        /// LibreOffice is there but Python cannot import its UNO bridge (Debian: `python3-uno`).
        case unoMissing
        /// A converter did not start (soffice exited or did not accept a connection).
        case startFailed
        /// One document took longer than the per-document timeout, also after a restart.
        case timedOut
        /// LibreOffice could not open or export the document.
        case conversionFailed
        /// The converter's work folder could not be written or read.
        case io
        /// The pool was shut down.
        case shutDown
    }

    public var kind: Kind
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The debian package that provides what is missing, for the two "missing" kinds.
    public static let libreOfficePackage = "libreoffice-writer-nogui"
    public static let unoPackage = "python3-uno"

    /// The user-facing message: what is missing names the package to install. Missing tools and
    /// I/O are usage errors (exit 2); a document LibreOffice cannot convert is one too.
    public var diagnostic: Diagnostic {
        switch kind {
        case .libreOfficeMissing:
            return Diagnostic(.error, rule: "pdf.libreoffice-missing",
                              "PDF output needs LibreOffice (soffice), which was not found on PATH: install it (Debian/Ubuntu: apt-get install \(PDFError.libreOfficePackage)) or use --format docx")
        case .unoMissing:
            return Diagnostic(.error, rule: "pdf.uno-missing",
                              "PDF output drives LibreOffice through its Python bridge, which is not installed: apt-get install \(PDFError.unoPackage) (\(detail))")
        case .startFailed: return Diagnostic(.error, rule: "pdf.start", "LibreOffice did not start: \(detail)")
        case .timedOut: return Diagnostic(.error, rule: "pdf.timeout", detail)
        case .conversionFailed: return Diagnostic(.error, rule: "pdf.convert", detail)
        case .io: return Diagnostic(.error, rule: "io.write", detail)
        case .shutDown: return Diagnostic(.error, rule: "pdf.shut-down", "the PDF converters were shut down: \(detail)")
        }
    }
}
