import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A front end's terminal: standard error lines, whether a stream is a terminal (colour only
/// then, and never when the environment says `NO_COLOR`), and a progress bar.
public enum Terminal {
    public static func isTerminal(fileDescriptor: Int32, noColor: Bool) -> Bool {
        !noColor && isatty(fileDescriptor) == 1
    }

    public static func writeError(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }
}

/// A progress bar on standard error, drawn only when `enabled` (a terminal); thread-safe.
public final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()

    public init(enabled: Bool) { self.enabled = enabled }

    public func tick(_ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.withLock {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
        }
    }

    public func finish() { if enabled { FileHandle.standardError.write(Data("\n".utf8)) } }
}
