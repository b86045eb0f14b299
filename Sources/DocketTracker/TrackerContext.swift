import DocketCore
import Foundation

/// Who is acting and when: stamped on every history event.
///
/// "who" is `--by NAME`, else the environment's user; "when" is the environment's now
/// (`DocketEnvironment`: the clock, or `$DOCKET_NOW` so that tests and reports can be reproduced).
public struct TrackerContext: Sendable {
    public var now: Date
    public var user: String
    /// Today: the environment's today (`DocketEnvironment.today`), else the UTC date of `now`.
    public var day: LocalDate

    public init(now: Date, user: String, today: LocalDate? = nil) {
        self.now = now
        self.user = user
        self.day = today ?? LocalDate.on(now, in: TimeZone(identifier: "UTC") ?? .current)
    }

    /// UTC timestamp `YYYY-MM-DDTHH:MM:SSZ`.
    public var timestamp: String { Self.formatter.string(from: now) }
    /// Today, `YYYY-MM-DD`.
    public var today: String { day.description }

    /// "who" is `by`, else the environment's user; "when" is the environment's now.
    public init(environment: DocketEnvironment, by: String? = nil) {
        self.init(now: environment.now, user: by.flatMap { $0.isEmpty ? nil : $0 } ?? environment.user, today: environment.today)
    }

    /// The context from environment variables (`DOCKET_USER`, `USER`, `DOCKET_NOW`), resolved by
    /// `DocketEnvironment` (the one place that reads them).
    public static func fromEnvironment(by: String? = nil, environment: [String: String]) throws(TrackerError) -> TrackerContext {
        do {
            let env = try DocketEnvironment.resolve(variables: environment, executable: "", currentDirectory: "/")
            return TrackerContext(environment: env, by: by)
        } catch {
            switch error {
            case .badNow(let text):
                throw TrackerError.invalid(rule: "track.bad-date", "DOCKET_NOW: \"\(text)\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
            }
        }
    }

    /// Formatting only (no mutable state shared across threads after creation); a fresh formatter
    /// per call keeps this free of `nonisolated(unsafe)`.
    static var formatter: ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f
    }
}
