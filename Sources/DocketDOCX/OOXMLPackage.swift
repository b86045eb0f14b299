import DocketCore
import Foundation
import ZIPFoundation

/// An OOXML package (a .docx) as named parts in memory. Loads from an untrusted .docx with
/// the bounds of `PackageLimits`, or from an unpacked folder kept as text in a repository;
/// writes a .docx deterministically (same parts ⇒ same bytes).
public struct OOXMLPackage: Sendable, Hashable {
    /// Part name (`word/document.xml`, no leading slash) → bytes.
    public var parts: [String: Data]

    public init(parts: [String: Data] = [:]) { self.parts = parts }

    /// Part names in the order they are written: `[Content_Types].xml`, `_rels/.rels`, then sorted.
    public var orderedPartNames: [String] {
        let first = ["[Content_Types].xml", "_rels/.rels"].filter { parts[$0] != nil }
        return first + parts.keys.filter { !first.contains($0) }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    // MARK: Reading

    /// Reads a .docx file.
    public static func load(docx url: URL, limits: PackageLimits = PackageLimits()) throws(PackageError) -> OOXMLPackage {
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw PackageError(.unreadable, "cannot read \(url.path): \(error.localizedDescription)")
        }
        guard size <= limits.maxArchiveBytes else {
            throw PackageError(.bomb, "\(url.lastPathComponent) is \(size) bytes, over the limit of \(limits.maxArchiveBytes) bytes")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw PackageError(.unreadable, "cannot read \(url.path): \(error.localizedDescription)") }
        return try load(docx: data, limits: limits)
    }

    /// Reads a .docx held in memory.
    public static func load(docx data: Data, limits: PackageLimits = PackageLimits()) throws(PackageError) -> OOXMLPackage {
        guard data.count <= limits.maxArchiveBytes else {
            throw PackageError(.bomb, "the file is \(data.count) bytes, over the limit of \(limits.maxArchiveBytes) bytes")
        }
        let directory = try ZipDirectory([UInt8](data), limits: limits)
        var total = 0
        for entry in directory.entries {
            if let problem = PartName.problem(entry.name) { throw PackageError(.unsafeName, "unsafe entry name: \(problem)", entry: entry.name) }
            if entry.isEncrypted { throw PackageError(.encrypted, "encrypted zip entries are not accepted; save the document without a password", entry: entry.name) }
            guard entry.method == 0 || entry.method == 8 else {
                throw PackageError(.unsupported, "unsupported compression method \(entry.method) (only stored and deflate)", entry: entry.name)
            }
            try checkSize(declared: entry.uncompressedSize, compressed: entry.compressedSize, name: entry.name, limits: limits)
            total += entry.uncompressedSize
            guard total <= limits.maxTotalBytes else {
                throw PackageError(.bomb, "the archive expands to more than \(limits.maxTotalBytes) bytes")
            }
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw PackageError(.damaged, "damaged zip: \(error)")
        }
        var parts: [String: Data] = [:]
        total = 0
        for entry in archive where entry.type == .file {
            let name = entry.path
            guard parts[name] == nil else { throw PackageError(.damaged, "duplicate entry", entry: name) }
            var bytes = Data()
            let compressed = Int(entry.compressedSize)
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    // Enforce the limits on what actually comes out, not on what the header claims.
                    try checkSize(declared: bytes.count, compressed: compressed, name: name, limits: limits)
                    guard total + bytes.count <= limits.maxTotalBytes else {
                        throw PackageError(.bomb, "the archive expands to more than \(limits.maxTotalBytes) bytes")
                    }
                }
            } catch let error as PackageError {
                throw error
            } catch {
                throw PackageError(.damaged, "damaged zip entry: \(error)", entry: name)
            }
            total += bytes.count
            parts[name] = bytes
        }
        guard parts["[Content_Types].xml"] != nil else {
            throw PackageError(.notOOXML, "not a .docx: the archive has no [Content_Types].xml")
        }
        return OOXMLPackage(parts: parts)
    }

    private static func checkSize(declared: Int, compressed: Int, name: String, limits: PackageLimits) throws(PackageError) {
        guard declared <= limits.maxEntryBytes else {
            throw PackageError(.bomb, "entry expands to more than \(limits.maxEntryBytes) bytes", entry: name)
        }
        if declared > limits.ratioThresholdBytes, declared > max(compressed, 1) * limits.maxCompressionRatio {
            throw PackageError(.bomb, "compression ratio over \(limits.maxCompressionRatio):1 (a zip bomb?)", entry: name)
        }
    }

    /// Reads an unpacked package folder (`[Content_Types].xml`, `_rels/`, `word/` …). Dot files
    /// other than `.rels` (`.DS_Store`, `.gitkeep`, `.git/`) are skipped.
    public static func load(folder url: URL, limits: PackageLimits = PackageLimits()) throws(PackageError) -> OOXMLPackage {
        let root = url.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw PackageError(.unreadable, "cannot read folder \(url.path)")
        }
        var parts: [String: Data] = [:]
        var total = 0
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = file.standardizedFileURL.path
            guard full.hasPrefix(root.path + "/") else { continue }
            let name = String(full.dropFirst(root.path.count + 1))
            if name.split(separator: "/").contains(where: { $0.hasPrefix(".") && $0 != ".rels" }) { continue }
            if let problem = PartName.problem(name) { throw PackageError(.unsafeName, "unsafe file name: \(problem)", entry: name) }
            let data: Data
            do { data = try Data(contentsOf: file) } catch { throw PackageError(.unreadable, "cannot read: \(error.localizedDescription)", entry: name) }
            guard data.count <= limits.maxEntryBytes else { throw PackageError(.bomb, "file is over \(limits.maxEntryBytes) bytes", entry: name) }
            total += data.count
            guard parts.count < limits.maxEntries, total <= limits.maxTotalBytes else {
                throw PackageError(.bomb, "folder \(url.path) exceeds the package limits")
            }
            parts[name] = data
        }
        guard parts["[Content_Types].xml"] != nil else {
            throw PackageError(.notOOXML, "\(url.path) is not an unpacked OOXML package: no [Content_Types].xml")
        }
        return OOXMLPackage(parts: parts)
    }

    // MARK: Writing

    /// The package as .docx bytes: fixed entry order (`[Content_Types].xml`, `_rels/.rels`, then
    /// sorted), every timestamp 1980-01-01 00:00, deflate.
    public func docxData() throws(PackageError) -> Data {
        try docxData(reusing: [:])
    }

    /// As `docxData()`, taking the compressed form of a part from `cache` when its bytes are
    /// unchanged (a compiled template's untemplated parts).
    func docxData(reusing cache: [String: (data: Data, entry: ZipEntry)]) throws(PackageError) -> Data {
        var entries: [ZipEntry] = []
        for name in orderedPartNames {
            guard let bytes = parts[name] else { continue }  // orderedPartNames lists existing parts
            guard bytes.count < Int(UInt32.max), entries.count < Int(UInt16.max) else { throw PackageError(.unsupported, "too large for a zip without ZIP64", entry: name) }
            if let cached = cache[name], cached.data == bytes {
                entries.append(cached.entry)
                continue
            }
            do { entries.append(try ZipEntry.forPart(bytes, name: name)) } catch {
                throw PackageError(.write, "cannot compress: \(error)", entry: name)
            }
        }
        return ZipWriter.archive(entries)
    }

    /// Writes the .docx atomically.
    public func write(docx path: String) throws(PackageError) {
        let data = try docxData()
        do { try AtomicFile.write(data, to: path) } catch { throw PackageError(.write, error.description) }
    }

    /// Writes the parts as an unpacked folder (for `docket` users who keep templates as text).
    public func write(folder url: URL) throws(PackageError) {
        for name in orderedPartNames {
            guard let bytes = parts[name] else { continue }
            do { try AtomicFile.write(bytes, to: url.appendingPathComponent(name).path) } catch {
                throw PackageError(.write, error.description, entry: name)
            }
        }
    }
}
