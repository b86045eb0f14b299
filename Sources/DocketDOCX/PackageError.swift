/// Why a .docx package (or unpacked folder) was refused. The message names the entry and the
/// limit, so a user can tell a corrupt upload from a hostile one.
public struct PackageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for callers to act on (exit codes, advice) without reading the message.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file or folder cannot be read (missing, permissions).
        case unreadable
        /// Not a zip archive at all (or too short to be one).
        case notAZip
        /// A legacy .doc or a password-protected document (OLE compound file).
        case legacyOrProtected
        /// A zip archive that is truncated or damaged.
        case damaged
        /// A zip archive that is not an OOXML package (no `[Content_Types].xml`, no main part).
        case notOOXML
        /// ZIP64 or a compression method a .docx does not use.
        case unsupported
        /// Encrypted zip entries.
        case encrypted
        /// An entry name with `..`, an absolute path, a backslash or a control character.
        case unsafeName
        /// Over a size, entry-count or expansion limit, or a suspicious compression ratio (zip bomb).
        case bomb
        /// A part that is not well-formed XML.
        case invalidXML
        /// A part with a DOCTYPE or entity declarations (refused: never expanded).
        case doctype
        /// Writing a package failed.
        case write

        /// Whether the file was refused for safety (do not upload it) rather than damaged.
        public var isUnsafe: Bool { [.unsafeName, .bomb, .doctype].contains(self) }
    }

    public var kind: Kind
    public var message: String
    /// The zip entry or part concerned, when there is one.
    public var entry: String?
    public init(_ kind: Kind, _ message: String, entry: String? = nil) {
        self.kind = kind
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
