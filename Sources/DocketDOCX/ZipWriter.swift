import Foundation
import ZIPFoundation

/// A deflated (or stored) ZIP entry, ready to be written: parts that do not change between fills
/// are deflated once per template and reused, so a fill only deflates what it changed.
public struct ZipEntry: Sendable, Hashable {
    public var name: String
    public var crc32: UInt32
    public var uncompressedSize: Int
    public var compressed: Data
    /// ZIP compression method: 8 deflate, 0 stored.
    public var method: UInt16 = 8

    /// Stored without compression (method 0): for PNG and JPEG, which are compressed already, so
    /// deflating them again costs time for no gain.
    public static func storing(_ data: Data, name: String) -> ZipEntry {
        ZipEntry(name: name, crc32: data.crc32(checksum: 0), uncompressedSize: data.count, compressed: data, method: 0)
    }

    /// The entry a package part gets: images stored, everything else deflated.
    public static func forPart(_ data: Data, name: String) throws -> ZipEntry {
        let lower = name.lowercased()
        if lower.hasSuffix(".png") || lower.hasSuffix(".jpeg") || lower.hasSuffix(".jpg") { return storing(data, name: name) }
        return try deflating(data, name: name)
    }

    /// Deflates `data` (raw deflate, as ZIP method 8 requires) and computes its CRC-32.
    public static func deflating(_ data: Data, name: String) throws -> ZipEntry {
        var out = Data()
        out.reserveCapacity(data.count / 3 + 64)
        let size = data.count
        let crc = try Data.compress(size: Int64(size), bufferSize: max(size, 1024), provider: { position, chunk in
            data.subdata(in: Int(position)..<Int(position) + chunk)
        }, consumer: { out.append($0) })
        return ZipEntry(name: name, crc32: crc, uncompressedSize: size, compressed: out)
    }
}

/// Writes a ZIP archive deterministically: entries in the given order, every timestamp the DOS
/// epoch (1980-01-01 00:00), no extra fields, so the same parts always give the same bytes.
public enum ZipWriter {
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (1 << 5) | 1   // 1980-01-01

    public static func archive(_ entries: [ZipEntry]) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(0) { $0 + $1.compressed.count + 2 * $1.name.utf8.count + 100 } + 22)
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let offset = UInt32(out.count)
            // Local file header.
            out.le32(0x0403_4b50); out.le16(20); out.le16(0x0800); out.le16(entry.method)
            out.le16(dosTime); out.le16(dosDate)
            out.le32(entry.crc32); out.le32(UInt32(entry.compressed.count)); out.le32(UInt32(entry.uncompressedSize))
            out.le16(UInt16(name.count)); out.le16(0)
            out.append(contentsOf: name)
            out.append(contentsOf: entry.compressed)
            // Central directory record.
            central.le32(0x0201_4b50); central.le16(0x0314); central.le16(20); central.le16(0x0800); central.le16(entry.method)
            central.le16(dosTime); central.le16(dosDate)
            central.le32(entry.crc32); central.le32(UInt32(entry.compressed.count)); central.le32(UInt32(entry.uncompressedSize))
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0o100644 << 16); central.le32(offset)
            central.append(contentsOf: name)
        }
        let centralOffset = UInt32(out.count)
        out.append(contentsOf: central)
        // End of central directory.
        out.le32(0x0605_4b50); out.le16(0); out.le16(0)
        out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return Data(out)
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    fileprivate mutating func le32(_ v: UInt32) {
        append(UInt8(v & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8((v >> 16) & 0xFF)); append(UInt8(v >> 24))
    }
}
