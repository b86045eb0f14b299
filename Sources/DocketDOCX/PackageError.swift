/// Why a .docx package (or unpacked folder) was refused. The message names the entry and the
/// limit, so a user can tell a corrupt upload from a hostile one.
public struct PackageError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The zip entry or part concerned, when there is one.
    public var entry: String?
    public init(_ message: String, entry: String? = nil) {
        self.message = message
        self.entry = entry
    }
    public var description: String { entry.map { "\($0): \(message)" } ?? message }
}

/// Bounds applied when reading an untrusted package. The defaults admit any real Word document
/// (even with large images) and refuse zip bombs quickly.
public struct PackageLimits: Sendable, Hashable {
    /// Largest accepted .docx file.
    public var maxArchiveBytes: Int = 64 << 20
    /// Most entries in the archive.
    public var maxEntries: Int = 2_000
    /// Largest uncompressed entry.
    public var maxEntryBytes: Int = 32 << 20
    /// Largest sum of uncompressed entries.
    public var maxTotalBytes: Int = 128 << 20
    /// Largest uncompressed/compressed ratio, checked for entries over `ratioThresholdBytes`.
    public var maxCompressionRatio: Int = 200
    public var ratioThresholdBytes: Int = 1 << 20
    /// Largest XML part handed to the XML parser.
    public var maxXMLPartBytes: Int = 16 << 20
    /// Most elements in one XML part (memory: each element lives in libxml2's tree, then as a value).
    public var maxXMLElements: Int = 250_000

    public init() {}
}

/// Path rules for zip entries and folder files: relative, forward slashes, no `..`.
enum PartName {
    /// Nil when `name` is safe, else why not.
    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "empty entry name" }
        if name.hasPrefix("/") || name.hasPrefix("\\") { return "absolute path" }
        if name.contains("\\") { return "backslash in path" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "control character in path" }
        if name.count >= 2, name.dropFirst().first == ":" { return "drive letter in path" }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) {
            return "'..' or '.' segment in path"
        }
        return nil
    }
}
