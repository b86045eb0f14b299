@testable import DocketPDF
import DocketTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The pool of long-lived LibreOffice converters against real soffice processes: tagged PDF,
/// PDF/A-2b, embedded fonts, a converter killed or hung in the middle of a batch (restarted,
/// every document still converted), shutdown, and LibreOffice missing.
@Suite(.serialized) struct LibreOfficePoolTests {
    /// A .docx written by python-docx (a real client) with a heading and `text`.
    static func sample(_ text: String) throws -> Data {
        let dir = TestPaths.temporaryDirectory("pdf-sample")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sample.docx").path
        let r = try Readers.runPython("""
            import sys, docx
            d = docx.Document()
            d.add_heading('Docket PDF sample', 1)
            d.add_paragraph(sys.argv[2])
            d.add_paragraph('Second paragraph: ' + sys.argv[2])
            d.save(sys.argv[1])
            """, [path, text])
        #expect(r.status == 0, "\(r.stderr)")
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A pool whose converters live under a fresh folder (so the test finds exactly its soffice processes).
    static func pool(size: Int, timeout: Double = 120) throws -> (LibreOfficePool, URL) {
        let root = TestPaths.temporaryDirectory("pdf-pool")
        let install = try LibreOfficeInstall.locate(searchPath: ["/usr/bin", "/usr/local/bin"])
        let pool = try LibreOfficePool(install: install, configuration: .init(size: size, documentTimeout: timeout, workRoot: root))
        return (pool, root)
    }

    static func write(_ pdf: Data, _ name: String) throws -> URL {
        let url = TestPaths.temporaryDirectory("pdf-out").appendingPathComponent(name)
        try pdf.write(to: url)
        return url
    }

    @Test func taggedPDFWithEveryFontEmbedded() throws {
        let (pool, _) = try Self.pool(size: 1)
        defer { pool.shutdown() }
        let pdf = try Self.write(try pool.pdf(fromDOCX: try Self.sample("Mass General Brigham entity text"), name: "s.docx", options: PDFOptions()), "s.pdf")
        let text = try PDFReaders.text(pdf)
        #expect(text.contains("Docket PDF sample"))
        #expect(text.contains("Second paragraph: Mass General Brigham entity text"))
        let fonts = try PDFReaders.fonts(pdf)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded, "font \(font.name) is not embedded") }
        let structure = try PDFReaders.structure(pdf)
        #expect(structure.structTreeRoot, "tagged PDF: /StructTreeRoot")
        #expect(structure.marked, "tagged PDF: /MarkInfo /Marked true")
        #expect(structure.pdfaPart.isEmpty, "plain PDF declares no PDF/A part")
    }

    @Test func pdfADeclaresPartTwoConformanceB() throws {
        let (pool, _) = try Self.pool(size: 1)
        defer { pool.shutdown() }
        let pdf = try Self.write(try pool.pdf(fromDOCX: try Self.sample("archival"), name: "a.docx", options: PDFOptions(pdfA: true)), "a.pdf")
        let structure = try PDFReaders.structure(pdf)
        #expect(structure.pdfaPart == "2")
        #expect(structure.pdfaConformance == "B")
        #expect(structure.structTreeRoot && structure.marked, "PDF/A output is tagged too")
        #expect(try PDFReaders.text(pdf).contains("Second paragraph: archival"))
    }

    /// Two threads convert 16 documents while one soffice is killed: the pool kills what is left
    /// of that converter, starts a new one, converts the document again; every PDF is whole.
    @Test func aKilledConverterIsRestartedAndEveryDocumentConverted() throws {
        let (pool, root) = try Self.pool(size: 2)
        defer { pool.shutdown() }
        let docs = try (0..<16).map { try Self.sample("Document number \($0)") }
        let killed = KillOnce()
        let pdfs = ParallelResults(count: docs.count)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for i in stride(from: lane, to: docs.count, by: 2) {
                if i == 6 { killed.kill(PDFReaders.sofficeProcesses(mentioning: root.path).first, signal: SIGKILL) }
                pdfs.set(i, Result { () throws(PDFError) in try pool.pdf(fromDOCX: docs[i], name: "doc\(i).docx", options: PDFOptions()) })
            }
        }
        #expect(killed.pid != nil, "a running soffice was found and killed")
        #expect(pool.restarts >= 1, "the killed converter was replaced")
        for (i, result) in pdfs.all.enumerated() {
            let pdf = try Self.write(try #require(try result?.get()), "doc\(i).pdf")
            #expect(try PDFReaders.info(pdf) != nil, "doc\(i).pdf is not a readable PDF")
            #expect(try PDFReaders.text(pdf).contains("Second paragraph: Document number \(i)"))
        }
    }

    /// A converter that stops answering (SIGSTOP) is killed after the per-document timeout, and
    /// the document is converted by its replacement.
    @Test func aHungConverterIsKilledAfterTheTimeout() throws {
        let (pool, root) = try Self.pool(size: 1, timeout: 15)
        defer { pool.shutdown() }
        let doc = try Self.sample("after a hang")
        _ = try pool.pdf(fromDOCX: doc, name: "warm.docx", options: PDFOptions())
        let stopped = try #require(PDFReaders.sofficeProcesses(mentioning: root.path).first)
        #expect(kill(stopped, SIGSTOP) == 0)
        let pdf = try Self.write(try pool.pdf(fromDOCX: doc, name: "hung.docx", options: PDFOptions()), "hung.pdf")
        #expect(pool.restarts == 1)
        #expect(try PDFReaders.text(pdf).contains("Second paragraph: after a hang"))
        #expect(!PDFReaders.sofficeProcesses(mentioning: root.path).contains(stopped), "the hung soffice was killed")
    }

    @Test func shutdownEndsTheConvertersAndRemovesTheirFolders() throws {
        let (pool, root) = try Self.pool(size: 2)
        let docs = try (0..<2).map { try Self.sample("shutdown \($0)") }
        DispatchQueue.concurrentPerform(iterations: 2) { i in _ = try? pool.pdf(fromDOCX: docs[i], name: "d\(i).docx", options: PDFOptions()) }
        let groups = pool.processGroups
        #expect(!groups.isEmpty)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: root.path)).isEmpty)
        pool.shutdown()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "every converter's profile folder is removed")
        #expect(PDFReaders.sofficeProcesses(mentioning: root.path).isEmpty, "no soffice is left running")
        for group in groups { #expect(kill(group, 0) != 0, "bridge \(group) has exited") }
        #expect(throws: PDFError.self) { try pool.pdf(fromDOCX: docs[0], name: "late.docx", options: PDFOptions()) }
    }

    @Test func missingLibreOfficeIsATypedErrorNamingThePackage() throws {
        let empty = TestPaths.temporaryDirectory("no-soffice")
        do {
            _ = try LibreOfficePool(searchPath: [empty.path], configuration: .forJobs(2))
            Issue.record("a pool started without soffice")
        } catch {
            #expect(error.kind == .libreOfficeMissing)
            #expect(error.diagnostic.message.contains("libreoffice-writer-nogui"))
            #expect(error.diagnostic.rule == "pdf.libreoffice-missing")
        }
    }

    @Test func poolSizeFollowsJobsUpToFour() {
        #expect(LibreOfficePool.Configuration.forJobs(1).size == 1)
        #expect(LibreOfficePool.Configuration.forJobs(3).size == 3)
        #expect(LibreOfficePool.Configuration.forJobs(16).size == 4)
        #expect(LibreOfficePool.Configuration.forJobs(0).size == 1)
    }
}

/// Kills one process once, from whichever thread gets there first.
final class KillOnce: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var pid: Int32?
    func kill(_ target: Int32?, signal: Int32) {
        lock.withLock {
            guard pid == nil, let target else { return }
            if Glibc.kill(target, signal) == 0 { pid = target }
        }
    }
}

/// Results set from several threads.
final class ParallelResults: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<Data, PDFError>?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<Data, PDFError>) { lock.withLock { items[i] = r } }
    var all: [Result<Data, PDFError>?] { lock.withLock { items } }
}
