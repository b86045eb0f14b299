/// A minimal, bounds-checked reader of a zip's central directory, run before ZIPFoundation
/// touches the data: it tells a non-zip, a truncated zip, an encrypted or ZIP64 archive and
/// lying sizes apart with clear messages, and never reads outside the buffer.
struct ZipDirectory {
    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var isDirectory: Bool { name.hasSuffix("/") }
        var isEncrypted: Bool { flags & 0x0001 != 0 || flags & 0x0040 != 0 }
    }

    var entries: [Entry]

    init(_ bytes: [UInt8], limits: PackageLimits) throws(PackageError) {
        guard bytes.count >= 4 else { throw PackageError(.notAZip, "not a .docx: the file is \(bytes.count) bytes long") }
        let isZip = bytes[0] == 0x50 && bytes[1] == 0x4B && (bytes[2] == 3 || bytes[2] == 5) && (bytes[3] == 4 || bytes[3] == 6)
        guard isZip else {
            if bytes[0] == 0xD0, bytes[1] == 0xCF, bytes[2] == 0x11, bytes[3] == 0xE0 {
                throw PackageError(.legacyOrProtected, "not a .docx: an OLE compound file (a legacy .doc, or a password-protected .docx); save it as an unprotected .docx")
            }
            throw PackageError(.notAZip, "not a .docx: the file is not a zip archive")
        }
        guard let eocd = Self.findEndOfCentralDirectory(bytes) else {
            throw PackageError(.damaged, "truncated or damaged zip: no end-of-central-directory record")
        }
        let count = Int(Self.u16(bytes, eocd + 10))
        let cdSize = Int(Self.u32(bytes, eocd + 12))
        let cdOffset = Int(Self.u32(bytes, eocd + 16))
        if count == 0xFFFF || cdOffset == 0xFFFF_FFFF { throw PackageError(.unsupported, "ZIP64 archives are not accepted for .docx files") }
        guard count <= limits.maxEntries else {
            throw PackageError(.bomb, "the archive has \(count) entries, over the limit of \(limits.maxEntries)")
        }
        guard cdOffset + cdSize <= eocd else { throw PackageError(.damaged, "truncated or damaged zip: central directory out of bounds") }
        var entries: [Entry] = []
        var p = cdOffset
        for _ in 0..<count {
            guard p + 46 <= eocd, Self.u32(bytes, p) == 0x0201_4B50 else {
                throw PackageError(.damaged, "truncated or damaged zip: bad central directory entry")
            }
            let nameLength = Int(Self.u16(bytes, p + 28))
            let extraLength = Int(Self.u16(bytes, p + 30))
            let commentLength = Int(Self.u16(bytes, p + 32))
            guard p + 46 + nameLength <= eocd else { throw PackageError(.damaged, "truncated or damaged zip: entry name out of bounds") }
            let nameBytes = bytes[(p + 46)..<(p + 46 + nameLength)]
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                throw PackageError(.unsafeName, "entry name is not valid UTF-8")
            }
            let entry = Entry(name: name, flags: Self.u16(bytes, p + 8), method: Self.u16(bytes, p + 10),
                              compressedSize: Int(Self.u32(bytes, p + 20)), uncompressedSize: Int(Self.u32(bytes, p + 24)))
            try Self.checkLocalHeader(bytes, at: Int(Self.u32(bytes, p + 42)), matching: entry, before: cdOffset)
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The local header must exist and, unless sizes follow in a data descriptor, agree with the
    /// central directory: a mismatch is how lying sizes hide a bomb or a truncated entry.
    static func checkLocalHeader(_ b: [UInt8], at offset: Int, matching entry: Entry, before limit: Int) throws(PackageError) {
        guard offset + 30 <= limit, u32(b, offset) == 0x0403_4B50 else {
            throw PackageError(.damaged, "damaged zip: missing local header", entry: entry.name)
        }
        let flags = u16(b, offset + 6)
        if flags & 0x0008 != 0 { return }
        let compressed = Int(u32(b, offset + 18)), uncompressed = Int(u32(b, offset + 22))
        guard compressed == entry.compressedSize, uncompressed == entry.uncompressedSize else {
            throw PackageError(.damaged, "damaged zip: local header sizes (\(uncompressed) bytes) differ from the central directory (\(entry.uncompressedSize) bytes)", entry: entry.name)
        }
        let nameLength = Int(u16(b, offset + 26)), extraLength = Int(u16(b, offset + 28))
        guard offset + 30 + nameLength + extraLength + compressed <= limit else {
            throw PackageError(.damaged, "truncated or damaged zip: entry data out of bounds", entry: entry.name)
        }
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// The offset of the EOCD record (searched backwards over the last 64 KiB + 22 bytes).
    static func findEndOfCentralDirectory(_ b: [UInt8]) -> Int? {
        guard b.count >= 22 else { return nil }
        var i = b.count - 22
        let lowest = max(0, b.count - 22 - 0xFFFF)
        while i >= lowest {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 5, b[i + 3] == 6 {
                let commentLength = Int(u16(b, i + 20))
                if i + 22 + commentLength == b.count { return i }
            }
            i -= 1
        }
        return nil
    }
}
