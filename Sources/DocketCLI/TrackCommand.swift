import ArgumentParser
import DocketCore

/// `docket track`: deliverable tracking in a SQLite database (see docs/tracker.md).
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Track deliverables per entity: due, drafted, validated, uploaded, submitted, reviewed, accepted.",
        discussion: """
            Every command is one transaction on the tracker database (--db, default $DOCKET_DB or \
            $XDG_DATA_HOME/docket/tracker.sqlite, created on first use). Instances are named \
            ENTITY/EVENT-ID (e.g. BACO/pip.aco.pip1.midyear-planning) or #ID as shown by `board`.

            Exit codes: 0 ok, 1 bad input / illegal transition / database busy, 2 usage or I/O error.
            """,
        subcommands: [
            TrackInitCommand.self, TrackEntityCommand.self, TrackSyncCommand.self, TrackTriggerCommand.self,
            TrackBoardCommand.self, TrackSetCommand.self, TrackReviewCommand.self, TrackHistoryCommand.self,
            TrackOverdueCommand.self, TrackUpcomingCommand.self, TrackCheckCommand.self, TrackStressCommand.self,
        ]
    )
}
