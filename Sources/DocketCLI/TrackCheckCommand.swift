import ArgumentParser
import DocketCore
import DocketTracker

/// `docket track check`: database health (PRAGMA integrity_check) and schema version.
struct TrackCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Check the tracker database: SQLite integrity, schema version, event count.")

    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run {
            let tracker = try options.open()
            guard let sqlite = tracker.store as? SQLiteTrackerStore else {
                TrackRunner.emit("\(tracker.store.location): not a SQLite store; nothing to check here\n")
                return
            }
            let integrity = try sqlite.integrityCheck()
            let events = try tracker.store.read { try $0.eventCount() }
            TrackRunner.emit("""
                database: \(sqlite.location)
                schema: \(try sqlite.appliedMigrations().joined(separator: ", "))
                events: \(events)
                integrity: \(integrity)

                """)
            if integrity != "ok" {
                throw TrackerError.io("integrity check failed: \(integrity)", path: sqlite.location)
            }
        }
    }
}
