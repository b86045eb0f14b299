import Foundation

/// Writes output files atomically: a temporary file in the same folder, then rename, so a
/// failed run leaves nothing behind and a reader never sees half a file.
public enum AtomicFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: error.localizedDescription)
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try data.write(to: temp)
            if rename(temp.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temp)
                throw Failure(path: path, reason: reason)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw Failure(path: path, reason: error.localizedDescription)
        }
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        try write(Data(text.utf8), to: path)
    }
}

/// Exit codes shared by every command.
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// Invalid input or failed validation.
    case invalid = 1
    /// Usage or I/O error.
    case usage = 2
}
