import Crypto
import Foundation

/// SHA-256 of files, as lowercase hex (recorded on history events).
public enum FileHash {
    public static func sha256(path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TrackerError.invalid(rule: "track.unreadable-file",
                                       "cannot read file \(path); check the path given to --file")
        }
        return sha256(data: data)
    }

    public static func sha256(data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
