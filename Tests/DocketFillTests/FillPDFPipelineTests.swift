import DocketCore
import DocketDeliverables
import DocketFill
import DocketPDF
import DocketTestSupport
import Foundation
import Testing

/// How the fill pipeline hands a `.pdf` request to its converter: the .docx it would write for
/// `--format docx` goes in, the converter's bytes come out under the OnBase name with `.pdf`, and a
/// converter's typed error becomes the result's diagnostic (usage). The real converter (LibreOffice)
/// is tested in DocketPDFTests and end to end in FillPDFTests.
@Suite struct FillPDFPipelineTests {
    /// Records what it is given and answers with `answer`.
    final class Recorder: PDFConverter, @unchecked Sendable {
        let answer: Result<Data, PDFError>
        private let lock = NSLock()
        private(set) var inputs: [(Data, String, PDFOptions)] = []
        init(_ answer: Result<Data, PDFError>) { self.answer = answer }
        func pdf(fromDOCX docx: Data, name: String, options: PDFOptions) throws(PDFError) -> Data {
            lock.withLock { inputs.append((docx, name, options)) }
            return try answer.get()
        }
    }

    static let example = TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml").path

    func pipeline(_ kinds: Set<OutputKind>) throws -> FillPipeline {
        try FillPipeline(target: try FillTargets.resolve("pip-midyear-report", registry: try DeliverableRegistry.load(root: TestPaths.packageRoot)), formats: kinds)
    }

    @Test func thePDFIsTheConvertedDocxUnderTheOnBaseName() throws {
        let docx = try pipeline([.docx]).fill(FillRequest(input: .file(Self.example), format: .docx, date: "2023-09-29"))
        var p = try pipeline([.pdf])
        let recorder = Recorder(.success(Data("%PDF-1.6 converted".utf8)))
        p.pdf = PDFOutput(converter: recorder, options: PDFOptions(pdfA: true))
        let r = p.fill(FillRequest(input: .file(Self.example), format: .pdf, date: "2023-09-29"))
        #expect(r.status == .success, "\(r.diagnostics)")
        #expect(r.fileName == "MBRH_PIPMidYearReport_09292023.pdf")
        #expect(r.bytes == Data("%PDF-1.6 converted".utf8))
        let given = try #require(recorder.inputs.first)
        #expect(recorder.inputs.count == 1)
        #expect(given.0 == docx.bytes, "the converter gets the same .docx as --format docx")
        #expect(given.1 == "MBRH_PIPMidYearReport_09292023.pdf")
        #expect(given.2 == PDFOptions(pdfA: true))
    }

    @Test func aConverterErrorIsTheResultsDiagnostic() throws {
        var p = try pipeline([.pdf])
        p.pdf = PDFOutput(converter: Recorder(.failure(PDFError(.timedOut, "x.docx: no PDF after 120 s"))), options: PDFOptions())
        let r = p.fill(FillRequest(input: .file(Self.example), format: .pdf, date: "2023-09-29"))
        #expect(r.status == .usage)
        #expect(r.bytes == nil)
        #expect(r.diagnostics.map(\.rule) == ["pdf.timeout"])
    }

    @Test func withoutAConverterAPDFIsRefused() throws {
        let r = try pipeline([.pdf]).fill(FillRequest(input: .file(Self.example), format: .pdf, date: "2023-09-29"))
        #expect(r.status == .usage)
        #expect(r.bytes == nil)
        #expect(r.diagnostics.map(\.rule) == ["pdf.no-converter"])
    }

    @Test func badDataNeverReachesTheConverter() throws {
        var p = try pipeline([.pdf])
        let recorder = Recorder(.success(Data("%PDF-".utf8)))
        p.pdf = PDFOutput(converter: recorder, options: PDFOptions())
        let data = try DataLoader.load(data: Data("entity: {abbreviation: X}\n".utf8), path: "mem.yaml")
        let r = p.fill(FillRequest(input: .data(data), format: .pdf, date: "2023-09-29"))
        #expect(r.status == .invalid)
        #expect(recorder.inputs.isEmpty)
    }

    @Test func binaryFormatsNeverGoToAStream() throws {
        let result = FillResult(status: .success, diagnostics: [], bytes: Data("%PDF-".utf8), fileName: "X.pdf")
        let (r, written) = FillOutput.write(result, to: .stream(FileHandle.nullDevice))
        #expect(written == nil)
        #expect(r.status == .usage)
        #expect(r.diagnostics.first?.message.contains("a .pdf cannot go to the terminal") == true)
        #expect(OutputKind.pdf.isBinary && OutputKind.docx.isBinary && !OutputKind.md.isBinary && !OutputKind.html.isBinary)
    }
}
