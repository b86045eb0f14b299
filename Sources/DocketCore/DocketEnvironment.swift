import Foundation

/// Everything a run of Docket takes from its surroundings, resolved once by the front end (the
/// CLI, a server, a test) and passed down. No library module reads environment variables or
/// `CommandLine` itself: they receive this value.
///
/// | fact | from, in order |
/// |---|---|
/// | project root (`Templates/`, `Schemas/`) | `$DOCKET_HOME`; the current folder; the executable's folder and up to four above it; `<prefix>/share/docket` of an installed binary (`make install`) |
/// | now / today | `$DOCKET_NOW` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`, for reproducible runs), else the clock; today is the local date of now |
/// | schedule | `$DOCKET_SCHEDULE`, else `<root>/Schemas/schedule/masshealth-schedule.yaml` |
/// | tracker database | `$DOCKET_DB`, else `$XDG_DATA_HOME/docket/tracker.sqlite`, else `~/.local/share/docket/tracker.sqlite` |
/// | who is acting | `$DOCKET_USER`, else `$USER`, else `unknown` |
/// | busy timeout | `$DOCKET_BUSY_TIMEOUT` seconds, else 5 |
/// | colour | never with `$NO_COLOR` set; else only on a terminal |
/// | where programs are (LibreOffice for PDF) | `$PATH` |
public struct DocketEnvironment: Sendable {
    /// The folder holding `Templates/` and `Schemas/`, when one was found.
    public var projectRoot: URL?
    /// The instant this run acts at (history timestamps).
    public var now: Date
    /// Today: the one date every command uses as "today" (file names, lateness, upcoming, board).
    public var today: LocalDate
    /// The schedule file.
    public var schedulePath: String
    /// The tracker database file.
    public var databasePath: String
    /// Where a server keeps its databases and files (`$XDG_DATA_HOME/docket`).
    public var dataDirectory: String
    /// Who is acting, for the tracker's history.
    public var user: String
    /// Seconds to wait for a busy database.
    public var busyTimeout: Double
    /// `$NO_COLOR` is set: never colour output, even on a terminal.
    public var noColor = false
    /// The folders of `$PATH`, where LibreOffice's `soffice` is looked for (PDF output).
    public var searchPath: [String] = []

    public init(projectRoot: URL?, now: Date, today: LocalDate, schedulePath: String, databasePath: String,
                user: String = "unknown", busyTimeout: Double = 5) {
        self.projectRoot = projectRoot
        self.now = now
        self.today = today
        self.schedulePath = schedulePath
        self.databasePath = databasePath
        self.dataDirectory = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        self.user = user
        self.busyTimeout = busyTimeout
    }

    /// The schedule file below a project root.
    public static let scheduleRelativePath = "Schemas/schedule/masshealth-schedule.yaml"
    /// Where `make install` puts the shipped files, relative to the prefix.
    public static let installedDataRelativePath = "share/docket"

    /// Why the surroundings cannot be used.
    public enum Problem: Error, Sendable, Equatable {
        /// `$DOCKET_NOW` is not a date or timestamp.
        case badNow(String)
    }

    /// Resolves the environment from the process's `variables`, the executable path and the
    /// current folder. A pure function of its arguments: tests pass their own.
    public static func resolve(variables: [String: String], executable: String, currentDirectory: String,
                               clock: Date = Date(), timeZone: TimeZone = .current) throws(Problem) -> DocketEnvironment {
        func value(_ name: String) -> String? { variables[name].flatMap { $0.isEmpty ? nil : $0 } }
        let root = projectRoot(home: value("DOCKET_HOME"), executable: executable, currentDirectory: currentDirectory)
        var now = clock
        var today = LocalDate.on(clock, in: timeZone)
        if let text = value("DOCKET_NOW") {
            guard let instant = parseInstant(text) else { throw .badNow(text) }
            now = instant.date
            today = instant.day
        }
        let schedule = value("DOCKET_SCHEDULE")
            ?? (root ?? URL(fileURLWithPath: currentDirectory)).appendingPathComponent(scheduleRelativePath).path
        let base = value("XDG_DATA_HOME") ?? ((value("HOME") ?? NSHomeDirectory()) + "/.local/share")
        let db = value("DOCKET_DB") ?? base + "/docket/tracker.sqlite"
        var env = DocketEnvironment(projectRoot: root, now: now, today: today, schedulePath: schedule, databasePath: db,
                                    user: value("DOCKET_USER") ?? value("USER") ?? "unknown",
                                    busyTimeout: value("DOCKET_BUSY_TIMEOUT").flatMap(Double.init) ?? 5)
        env.dataDirectory = base + "/docket"
        env.noColor = variables["NO_COLOR"] != nil
        env.searchPath = (variables["PATH"] ?? "").split(separator: ":").map(String.init)
        return env
    }

    /// `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SSZ`, with the date it names.
    public static func parseInstant(_ text: String) -> (date: Date, day: LocalDate)? {
        if let day = LocalDate(text) {
            return (Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400), day)
        }
        guard text.count == 20, text.hasSuffix("Z"), let day = LocalDate(String(text.prefix(10))),
              text.dropFirst(10).first == "T" else { return nil }
        let clock = text.dropFirst(11).dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let h = Int(clock[0]), let m = Int(clock[1]), let s = Int(clock[2]),
              (0..<24).contains(h), (0..<60).contains(m), (0..<61).contains(s) else { return nil }
        let seconds = Double(day.dayNumber) * 86_400 + Double(h * 3600 + m * 60 + s)
        return (Date(timeIntervalSince1970: seconds), day)
    }

    /// Whether `url` holds Docket's shipped files.
    public static func holdsProject(_ url: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: url.appendingPathComponent("Templates").path)
            && fm.fileExists(atPath: url.appendingPathComponent("Schemas").path)
    }

    static func projectRoot(home: String?, executable: String, currentDirectory: String) -> URL? {
        if let home { return URL(fileURLWithPath: home) }
        let cwd = URL(fileURLWithPath: currentDirectory)
        var exe = URL(fileURLWithPath: executable, relativeTo: cwd).standardizedFileURL.resolvingSymlinksInPath()
        if exe.path.isEmpty { exe = cwd }
        var candidates = [cwd]
        var dir = exe.deletingLastPathComponent()
        // `.build/<config>/docket` → the repository; `<prefix>/bin/docket` → `<prefix>/share/docket`.
        candidates.append(dir.deletingLastPathComponent().appendingPathComponent(installedDataRelativePath))
        for _ in 0..<5 {
            candidates.insert(dir, at: candidates.count - 1)
            dir.deleteLastPathComponent()
        }
        return candidates.first(where: holdsProject)
    }
}

extension LocalDate {
    /// The calendar date of `instant` in `timeZone`.
    public static func on(_ instant: Date, in timeZone: TimeZone) -> LocalDate {
        let seconds = Int((instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))).rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return LocalDate(dayNumber: days)
    }
}
