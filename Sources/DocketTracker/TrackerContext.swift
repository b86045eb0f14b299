import Foundation

/// Who is acting and when: stamped on every history event.
///
/// "who" is `--by NAME`, else `$DOCKET_USER`, else `$USER`, else `unknown`. "when" is the real
/// UTC time, unless `$DOCKET_NOW` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`) overrides it so that
/// tests and reports can be reproduced.
public struct TrackerContext: Sendable {
    public var now: Date
    public var user: String

    public init(now: Date, user: String) {
        self.now = now
        self.user = user
    }

    /// UTC timestamp `YYYY-MM-DDTHH:MM:SSZ`.
    public var timestamp: String { Self.formatter.string(from: now) }
    /// Today's date (UTC), `YYYY-MM-DD`.
    public var today: String { TrackDate.string(now) }

    public static func fromEnvironment(by: String? = nil,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) throws(TrackerError) -> TrackerContext {
        let user = [by, environment["DOCKET_USER"], environment["USER"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? "unknown"
        var now = Date()
        if let text = environment["DOCKET_NOW"], !text.isEmpty {
            guard let parsed = parseNow(text) else {
                throw TrackerError.invalid(rule: "track.bad-date",
                    "DOCKET_NOW: \"\(text)\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
            }
            now = parsed
        }
        return TrackerContext(now: now, user: user)
    }

    static func parseNow(_ text: String) -> Date? {
        if let d = formatter.date(from: text) { return d }
        guard let c = TrackDate.parse(text) else { return nil }
        return TrackDate.calendar.date(from: c)
    }

    nonisolated(unsafe) static let formatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f
    }()
}
