import ArgumentParser
import DocketTracker

/// `docket track init`: creates (or upgrades) the tracker database.
struct TrackInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init",
        abstract: "Create the tracker database (WAL mode) or upgrade it to the latest schema.")

    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run {
            let tracker = try options.open()
            var versions = TrackerMigrations.versions.joined(separator: ", ")
            if let sqlite = tracker.store as? SQLiteTrackerStore {
                versions = try sqlite.appliedMigrations().joined(separator: ", ")
            }
            TrackRunner.emit("tracker database \(tracker.store.location) ready (schema \(versions))\n")
        }
    }
}
