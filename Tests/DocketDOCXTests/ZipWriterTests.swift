import Foundation
import Testing
import ZIPFoundation
import DocketTestSupport
@testable import DocketDOCX

@Suite struct ZipWriterTests {
    static let parts: [(String, Data)] = [
        ("[Content_Types].xml", Data("<Types/>".utf8)),
        ("word/document.xml", Data(String(repeating: "<w:p><w:r><w:t>Ação ✓ — שלום</w:t></w:r></w:p>", count: 500).utf8)),
        ("empty.txt", Data()),
    ]

    func archive() throws -> Data {
        ZipWriter.archive(try Self.parts.map { try ZipEntry.deflating($0.1, name: $0.0) })
    }

    @Test func readsBackWithZIPFoundation() throws {
        let zip = try Archive(data: try archive(), accessMode: .read)
        #expect(zip.map(\.path) == Self.parts.map(\.0))
        for (name, bytes) in Self.parts {
            var out = Data()
            _ = try zip.extract(zip[name]!, consumer: { out.append($0) })
            #expect(out == bytes, "\(name)")
        }
    }

    @Test func readsBackWithPythonZipfileAndPassesItsCRCCheck() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("t.zip")
        try archive().write(to: file)
        let r = try Readers.runPython("""
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist(): print(i.filename, i.file_size, i.compress_type, i.date_time)
            """, [file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("word/document.xml \(Self.parts[1].1.count) 8 (1980, 1, 1, 0, 0, 0)"))
    }

    @Test func sameEntriesGiveSameBytesAndCompress() throws {
        let a = try archive(), b = try archive()
        #expect(a == b)
        #expect(a.count < Self.parts[1].1.count / 10)
    }
}
