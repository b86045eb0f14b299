import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import Foundation
import Testing
import ZIPFoundation

/// Untrusted .docx uploads, generated here: every case ends in a clear `PackageError`, quickly.
@Suite struct PackageHostileTests {
    /// A zip built in memory from `(name, bytes, method)`.
    static func zip(_ entries: [(String, Data)], method: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: method) { pos, size in
                bytes.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return try #require(archive.data)
    }

    static let contentTypes = Data("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)

    func expectRefused(_ data: Data, _ fragment: String, limits: PackageLimits = PackageLimits(),
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            do {
                _ = try OOXMLPackage.load(docx: data, limits: limits)
                Issue.record("accepted hostile package", sourceLocation: sourceLocation)
            } catch {
                #expect("\(error)".lowercased().contains(fragment.lowercased()), "\(error)", sourceLocation: sourceLocation)
            }
        }
        #expect(elapsed < .seconds(2), sourceLocation: sourceLocation)
    }

    @Test func zipBombIsRefusedByRatio() throws {
        let bomb = Data(count: 20 << 20) // 20 MiB of zeros deflates ~1000:1
        expectRefused(try Self.zip([("[Content_Types].xml", Self.contentTypes), ("word/document.xml", bomb)]), "ratio")
    }

    @Test func oversizedEntryIsRefusedEvenWhenItsHeaderLies() throws {
        var limits = PackageLimits()
        limits.maxEntryBytes = 1 << 20
        limits.maxCompressionRatio = 10_000
        let big = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) })
        var data = try Self.zip([("[Content_Types].xml", Self.contentTypes), ("word/document.xml", big)], method: .none)
        expectRefused(data, "expands to more than", limits: limits)
        // Patch the central directory's uncompressed size to claim 10 bytes: extraction still stops.
        let bytes = [UInt8](data)
        let cd = (0..<(bytes.count - 4)).last { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 1 && bytes[$0 + 3] == 2 }!
        data.replaceSubrange((cd + 24)..<(cd + 28), with: [10, 0, 0, 0])
        expectRefused(data, "damaged zip", limits: limits)
    }

    @Test func a100MBDocumentIsRefusedQuickly() throws {
        // 100 MB of XML text, stored so that building the fixture stays cheap.
        let chunk = Data(String(repeating: "<w:p><w:r><w:t>lorem ipsum</w:t></w:r></w:p>", count: 1000).utf8)
        var big = Data(capacity: 100 << 20)
        while big.count < 100_000_000 { big.append(chunk) }
        let data = try Self.zip([("[Content_Types].xml", Self.contentTypes), ("word/document.xml", big)], method: .none)
        expectRefused(data, "over the limit")
    }

    @Test func pathTraversalAndAbsolutePathsAreRefused() throws {
        for name in ["../evil.xml", "word/../../evil.xml", "/etc/passwd", "C:/x.xml", "word\\x.xml"] {
            expectRefused(try Self.zip([("[Content_Types].xml", Self.contentTypes), (name, Data("x".utf8))]), "unsafe")
        }
    }

    @Test func encryptedEntriesAreRefused() throws {
        var data = try Self.zip([("[Content_Types].xml", Self.contentTypes)])
        // Set the "encrypted" general-purpose flag in the central directory.
        let bytes = [UInt8](data)
        let cd = (0..<(bytes.count - 4)).last { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 1 && bytes[$0 + 3] == 2 }!
        data[cd + 8] |= 1
        expectRefused(data, "encrypted")
        // A password-protected Word file is an OLE container, not a zip.
        expectRefused(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)), "password")
    }

    @Test func truncatedNonZipAndEmptyFilesAreRefused() throws {
        let good = try Self.zip([("[Content_Types].xml", Self.contentTypes), ("word/document.xml", Data("<a/>".utf8))])
        expectRefused(good.prefix(good.count / 2), "truncated")
        expectRefused(Data("%PDF-1.7 not a docx".utf8), "not a zip")
        expectRefused(Data(), "not a .docx")
        expectRefused(try Self.zip([("word/document.xml", Data("<a/>".utf8))]), "[Content_Types].xml")
    }

    @Test func invalidXMLAndDoctypeInsideAPackageAreCompileErrors() throws {
        for body in ["<w:document><w:body>\u{FF}</w:body>", "<!DOCTYPE x [<!ENTITY a \"b\">]><w:document>&a;</w:document>"] {
            var bytes = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)
            bytes.append(contentsOf: body.utf8.map { $0 == 0xC3 ? 0xFF : $0 })
            if body.contains("\u{FF}") { bytes = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document>{{x}}".utf8) + Data([0xFF, 0xFE]) + Data("</w:document>".utf8) }
            let package = OOXMLPackage(parts: ["[Content_Types].xml": Self.contentTypes, "word/document.xml": bytes])
            #expect(throws: DiagnosticList.self) { try DocxTemplate.compile(package, file: "upload.docx") }
            do { _ = try DocxTemplate.compile(package, file: "upload.docx") } catch {
                #expect(error.diagnostics.contains { $0.rule == "docx.invalid-xml" })
            }
        }
    }

    @Test func roundTripOfAGoodPackageKeepsEveryPart() throws {
        let package = try OOXMLPackage.load(folder: DocxFixtures.templateFolder)
        let reread = try OOXMLPackage.load(docx: try package.docxData())
        #expect(reread == package)
    }
}
