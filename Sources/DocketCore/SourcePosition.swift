import Foundation

/// A 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// Where each value of a loaded data file starts, keyed by JSON Pointer ("" is the root).
public struct SourceMap: Sendable {
    public var positions: [String: SourcePosition] = [:]
    public init() {}

    /// The position of `pointer`, or of its nearest ancestor that has one.
    public func position(for pointer: String) -> SourcePosition? {
        var p = pointer
        while true {
            if let pos = positions[p] { return pos }
            guard let slash = p.lastIndex(of: "/") else { return nil }
            p = String(p[..<slash])
        }
    }
}

/// A path relative to the current folder when it lies below it: shorter, clickable messages.
public func displayPath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
}
