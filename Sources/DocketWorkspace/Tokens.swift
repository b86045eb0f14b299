import Crypto
import Foundation
import HummingbirdBcrypt

/// Secrets: random tokens (sessions, CSRF, feed links), their SHA-256 for storage, and password
/// hashes (bcrypt).
enum Secrets {
    /// 32 random bytes, base64url without padding.
    static func token() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Hex SHA-256 of `text`: what the store keeps of a token.
    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func hashPassword(_ password: String, cost: UInt8) -> String { Bcrypt.hash(password, cost: cost) }

    static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Constant-time comparison (CSRF tokens).
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Sign-in attempts per user name: at most `limit` failures in `window` seconds.
final class LoginThrottle: @unchecked Sendable {
    private var failures: [String: [Date]] = [:]
    private let lock = NSLock()
    let limit: Int
    let window: TimeInterval

    init(limit: Int = 5, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    func allowed(_ name: String, now: Date = Date()) -> Bool {
        lock.withLock { (failures[name] ?? []).filter { now.timeIntervalSince($0) < window }.count < limit }
    }

    func failed(_ name: String, now: Date = Date()) {
        lock.withLock { failures[name, default: []].append(now) }
    }

    func succeeded(_ name: String) { lock.withLock { failures[name] = nil } }
}
