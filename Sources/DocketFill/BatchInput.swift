import DocketCore
import Foundation

/// Expands a batch argument: a folder (its .yaml, .yml and .json files) or a glob pattern.
public enum BatchInput {
    public static func expand(_ pattern: String) throws(Diagnostic) -> [String] {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: pattern, isDirectory: &isDir), isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: pattern)) ?? []
            let files = names.filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            if files.isEmpty {
                throw Diagnostic(.error, rule: "fill.batch", "no .yaml, .yml or .json files in folder '\(pattern)'")
            }
            return files.map { URL(fileURLWithPath: pattern).appendingPathComponent($0).path }
        }
        var g = glob_t()
        defer { globfree(&g) }
        guard glob(pattern, 0, nil, &g) == 0, g.gl_pathc > 0 else {
            throw Diagnostic(.error, rule: "fill.batch", "'\(pattern)' matches no file; give a folder or a glob such as 'data/*.yaml'")
        }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    /// Output names produced by more than one input: name → the first input that produced it.
    /// Used to refuse a batch where two entities would overwrite each other's file.
    public static func clashes(_ names: [String?]) -> [Int: Int] {
        var seen: [String: Int] = [:]
        var out: [Int: Int] = [:]
        for (i, name) in names.enumerated() {
            guard let name else { continue }
            if let first = seen[name] { out[i] = first } else { seen[name] = i }
        }
        return out
    }
}
