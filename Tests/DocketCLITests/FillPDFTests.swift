import DocketCore
import DocketTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `docket fill --format pdf` and `docket form --format pdf` end to end, read back by poppler and
/// pypdf: every example value in the text, fonts embedded, tagged, PDF/A-2b on request, a batch
/// surviving a killed converter, and the error when LibreOffice is missing.
@Suite struct FillPDFTests {
    func example(_ id: String) throws -> JSONValue {
        try DataLoader.load(path: TestPaths.packageRoot.appendingPathComponent("Templates/\(id)/example.yaml").path).value
    }

    func fillPDF(_ id: String, _ extra: [String] = []) throws -> URL {
        let out = TestPaths.temporaryDirectory("fill-pdf")
        let r = try DocketBinary.run(["fill", id, "--data", "Templates/\(id)/example.yaml", "--format", "pdf",
                                      "--out-dir", out.path, "--date", "2023-09-29"] + extra)
        #expect(r.status == 0, "\(id): \(r.stderr)")
        let file = out.appendingPathComponent("\(try #require(DeliverablesFillTests.names[id])).pdf")
        #expect(FileManager.default.fileExists(atPath: file.path), "\(id): \(r.stderr)")
        return file
    }

    /// Words compared as pdftotext prints them: lower case, letters and digits only (a word
    /// hyphenated at a line end comes out joined: "long-term" and "longterm" are one word).
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).map { String($0.filter { $0.isLetter || $0.isNumber }) }.filter { !$0.isEmpty }
    }

    /// Whether `value`'s words appear in `page` in order, in one run or in two runs with at most
    /// `gap` words between them: a paragraph that crosses a page has the page's footnotes, footer
    /// and the next page's header between its two halves. A missing or changed word never matches.
    static func appears(_ value: [String], in text: [String], gap: Int = 150) -> Bool {
        guard !value.isEmpty else { return true }
        // A footnote's number sits right after the word it follows ("Activity6").
        func same(_ t: String, _ v: String) -> Bool {
            t == v || (v.last?.isLetter == true && t.hasPrefix(v) && t.dropFirst(v.count).allSatisfy(\.isNumber))
        }
        func matches(_ piece: ArraySlice<String>, at i: Int) -> Bool {
            i >= 0 && i + piece.count <= text.count && zip(text[i..<(i + piece.count)], piece).allSatisfy(same)
        }
        for i in text.indices where same(text[i], value[0]) {
            var k = 0
            while k < value.count, i + k < text.count, same(text[i + k], value[k]) { k += 1 }
            if k == value.count { return true }
            // The first k words match here: the rest must follow after a gap.
            for split in stride(from: k, through: 1, by: -1) {
                let rest = value[split...]
                for j in (i + split + 1)...(i + split + gap) where matches(rest, at: j) { return true }
            }
        }
        return false
    }

    @Test(arguments: DeliverablesFillTests.ids)
    func pdfContainsEveryExampleValueTaggedWithFontsEmbedded(id: String) throws {
        let pdf = try fillPDF(id)
        let text = try PDFReaders.text(pdf)
        let words = Self.words(text)
        let values = ExampleValues.texts(of: try example(id), skipping: ExampleValues.notPrinted[id] ?? [])
        #expect(values.count > 10)
        for value in values {
            let found = Self.appears(Self.words(value), in: words)
            #expect(found, "PDF text of \(id) lacks: \(value)")
        }
        #expect(!text.contains("{{"), "unfilled tag in \(id)")
        let fonts = try PDFReaders.fonts(pdf)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded, "\(id): font \(font.name) is not embedded") }
        let structure = try PDFReaders.structure(pdf)
        #expect(structure.structTreeRoot && structure.marked, "\(id): tagged PDF (/StructTreeRoot, /MarkInfo)")
        #expect(structure.pdfaPart.isEmpty)
    }

    @Test func pageBreakMatchingStillRejectsAMissingOrChangedWord() {
        let page = Self.words("one two three FOOTER 7 Header of the form four five. Other text")
        #expect(Self.appears(Self.words("one two three four five."), in: page), "a page break between three and four")
        #expect(Self.appears(Self.words("long-term care"), in: Self.words("longterm care")))
        #expect(Self.appears(Self.words("Qualifying Activity"), in: Self.words("Qualifying Activity6 rates")), "a footnote number")
        #expect(!Self.appears(Self.words("Activity"), in: Self.words("Activityx")))
        #expect(!Self.appears(Self.words("one two three four six"), in: page), "a changed word")
        #expect(!Self.appears(Self.words("one three four five"), in: page), "a missing word")
        #expect(!Self.appears(Self.words("one two three four five"), in: page, gap: 3), "a gap longer than a page's furniture")
    }

    @Test func pdfADeclaresPDFA2bInItsXMP() throws {
        let pdf = try fillPDF("pip-midyear-report", ["--pdf-a"])
        let structure = try PDFReaders.structure(pdf)
        #expect(structure.pdfaPart == "2" && structure.pdfaConformance == "B", "\(structure)")
        #expect(structure.structTreeRoot)
        #expect(try PDFReaders.text(pdf).contains("Merrimack Bay Regional Hospital"))
    }

    @Test func formAsPDF() throws {
        let out = TestPaths.temporaryDirectory("form-pdf")
        let r = try DocketBinary.run(["form", "pip-midyear-report", "--format", "pdf", "--out-dir", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let name = try #require(files.first, "no form written")
        #expect(files.count == 1 && name.hasPrefix("ABBR_PIPMidYearReport_") && name.hasSuffix(".pdf"), "\(files)")
        let text = try PDFReaders.text(out.appendingPathComponent(name))
        #expect(text.contains("Mid-Year"), "\(text.prefix(300))")
    }

    @Test func usageErrors() throws {
        let out = TestPaths.temporaryDirectory("fill-pdf-usage")
        let data = "Templates/pip-midyear-report/example.yaml"
        let notPDF = try DocketBinary.run(["fill", "pip-midyear-report", "--data", data, "--pdf-a", "--out-dir", out.path])
        #expect(notPDF.status == 2 && notPDF.stderr.contains("--pdf-a applies to --format pdf"), "\(notPDF.stderr)")
        let terminal = try DocketBinary.run(["fill", "pip-midyear-report", "--data", data, "--format", "pdf"])
        #expect(terminal.status == 2 && terminal.stderr.contains("a .pdf cannot go to the terminal"), "\(terminal.stderr)")
        #expect(try DocketBinary.run(["form", "pip-midyear-report", "--format", "odt", "--out-dir", out.path]).status == 2)
    }

    /// No soffice on PATH: one error naming the Debian package, exit 2, nothing written.
    @Test func missingLibreOfficeNamesThePackage() throws {
        let out = TestPaths.temporaryDirectory("fill-pdf-missing")
        let empty = TestPaths.temporaryDirectory("empty-path")
        for args in [["fill", "pip-midyear-report", "--data", "Templates/pip-midyear-report/example.yaml", "--format", "pdf", "--out-dir", out.path],
                     ["form", "pip-midyear-report", "--format", "pdf", "--out-dir", out.path]] {
            let r = try DocketBinary.run(args, environment: ["PATH": empty.path])
            #expect(r.status == 2, "\(args[0]): \(r.stderr)")
            #expect(r.stderr.contains("[pdf.libreoffice-missing]") && r.stderr.contains("libreoffice-writer-nogui"), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// 50 PIP reports (50 entities) in one batch while one converter's soffice is killed midway:
    /// it is restarted, every PDF is written, and poppler reads each one whole.
    @Test func batchOfFiftySurvivesAKilledConverter() throws {
        let dir = TestPaths.temporaryDirectory("pdf-batch")
        let inputs = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out"), tmp = dir.appendingPathComponent("tmp")
        for d in [inputs, out, tmp] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        let base = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
        #expect(base.contains("abbreviation: MBRH"))
        for i in 0..<50 {
            let abbreviation = "E" + String(UnicodeScalar(65 + i / 26)!) + String(UnicodeScalar(65 + i % 26)!)
            try base.replacingOccurrences(of: "abbreviation: MBRH", with: "abbreviation: \(abbreviation)")
                .write(to: inputs.appendingPathComponent("e\(i).yaml"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DocketBinary.executable)
        process.arguments = ["fill", "pip-midyear-report", "--batch", inputs.path, "--format", "pdf", "--out-dir", out.path,
                             "--date", "2023-09-29", "--jobs", "2"]
        process.currentDirectoryURL = TestPaths.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = tmp.path  // the converters' folders, so this test finds its own soffice processes
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = ReadAll(errors.fileHandleForReading)
        // Kill one soffice while the conversions run (a second after both converters are up; the
        // files are written at the end), and watch a new one take its place.
        var killed: Int32? = nil, bothUp: Date? = nil, before = Set<Int32>(), replaced = false
        let deadline = Date().addingTimeInterval(600)
        while process.isRunning, Date() < deadline {
            let running = PDFReaders.sofficeProcesses(mentioning: tmp.path)
            if killed == nil {
                before.formUnion(running)
                if bothUp == nil, running.count == 2 { bothUp = Date() }
                if let up = bothUp, Date().timeIntervalSince(up) > 1, let pid = running.first, kill(pid, SIGKILL) == 0 { killed = pid }
            } else if running.contains(where: { !before.contains($0) }) {
                replaced = true
            }
            usleep(50_000)
        }
        process.waitUntilExit()
        let log = stderr.text()
        #expect(killed != nil, "a converter was killed midway (\(log))")
        #expect(replaced, "a new soffice was started in place of the killed one")
        #expect(process.terminationStatus == 0, "\(log)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 50, "\(pdfs.count) PDFs: \(log)")
        for name in pdfs {
            let info = try PDFReaders.info(out.appendingPathComponent(name))
            #expect(info != nil && (Int(info?["Pages"] ?? "") ?? 0) > 1, "\(name) is not a whole PDF")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix("docket-pdf-") }.isEmpty,
                "the converters' folders are removed at exit")
    }
}

/// Reads a pipe to its end on another thread (so the child never blocks on a full pipe).
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let group = DispatchGroup()
    init(_ handle: FileHandle) {
        group.enter()
        DispatchQueue.global().async { self.data = handle.readDataToEndOfFile(); self.group.leave() }
    }
    func text() -> String {
        group.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
