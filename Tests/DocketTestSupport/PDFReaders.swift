import Foundation

/// Real readers of PDFs: poppler's pdftotext, pdffonts and pdfinfo, and pypdf from the `.venv`
/// (scripts/setup.sh test installs them). A PDF is never compared by bytes (LibreOffice writes
/// dates and ids): by its text, fonts, metadata and structure.
public enum PDFReaders {
    /// The text of `pdf` (`pdftotext`, reading order), whitespace folded.
    public static func text(_ pdf: URL) throws -> String {
        let r = try ProcessRunner.run(try Tools.require("pdftotext"), ["-enc", "UTF-8", pdf.path, "-"])
        guard r.status == 0 else { throw Readers.Unavailable(description: "pdftotext failed on \(pdf.lastPathComponent): \(r.stderr)") }
        return r.stdout.foldedWhitespace
    }

    /// `pdffonts` rows: (font name, embedded).
    public static func fonts(_ pdf: URL) throws -> [(name: String, embedded: Bool)] {
        let r = try ProcessRunner.run(try Tools.require("pdffonts"), [pdf.path])
        guard r.status == 0 else { throw Readers.Unavailable(description: "pdffonts failed on \(pdf.lastPathComponent): \(r.stderr)") }
        // name type… encoding emb sub uni object ID: the last five columns are fixed.
        return r.stdout.split(separator: "\n").dropFirst(2).map { line in
            let cols = line.split(separator: " ")
            return (String(cols.first ?? ""), cols.count >= 5 && cols[cols.count - 5] == "yes")
        }
    }

    /// `pdfinfo` of `pdf`: nil when poppler cannot read it (a corrupt or truncated file), else its fields.
    public static func info(_ pdf: URL) throws -> [String: String]? {
        let r = try ProcessRunner.run(try Tools.require("pdfinfo"), [pdf.path])
        guard r.status == 0, r.stderr.isEmpty else { return nil }
        var fields: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// What pypdf reads of the catalog and metadata: the structure tree, `/MarkInfo /Marked`, and
    /// the PDF/A id of the XMP metadata (`pdfaid:part`, `pdfaid:conformance`; empty when absent).
    public struct Structure: Sendable {
        public var structTreeRoot: Bool
        public var marked: Bool
        public var pdfaPart: String
        public var pdfaConformance: String
    }

    public static func structure(_ pdf: URL) throws -> Structure {
        let r = try Readers.runPython("""
            import sys, json, pypdf
            r = pypdf.PdfReader(sys.argv[1])
            root = r.trailer['/Root']
            mark = root.get('/MarkInfo')
            x = r.xmp_metadata
            def first(name):
                if x is None: return ''
                els = x.rdf_root.getElementsByTagNameNS('http://www.aiim.org/pdfa/ns/id/', name)
                if els: return ''.join(n.data for n in els[0].childNodes if n.nodeType == n.TEXT_NODE).strip()
                for d in x.rdf_root.getElementsByTagNameNS('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'Description'):
                    v = d.getAttributeNS('http://www.aiim.org/pdfa/ns/id/', name)
                    if v: return v
                return ''
            print(json.dumps({'tree': '/StructTreeRoot' in root, 'marked': bool(mark and mark.get('/Marked')),
                              'part': first('part'), 'conformance': first('conformance')}))
            """, [pdf.path])
        guard r.status == 0, let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            throw Readers.Unavailable(description: "pypdf could not read \(pdf.lastPathComponent) (scripts/setup.sh test installs pypdf): \(r.stderr)")
        }
        return Structure(structTreeRoot: object["tree"] as? Bool ?? false, marked: object["marked"] as? Bool ?? false,
                         pdfaPart: object["part"] as? String ?? "", pdfaConformance: object["conformance"] as? String ?? "")
    }

    /// The pids of soffice.bin processes whose command line mentions `marker` (a work folder):
    /// the converters one test started, so it can kill or stop exactly those.
    public static func sofficeProcesses(mentioning marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains("soffice.bin") && line.contains(marker)
        }.sorted()
    }
}
