import ArgumentParser
import DocketTracker

/// `docket track trigger EVENT-ID DATE`: records the date the State notified (for pending events).
struct TrackTriggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trigger",
        abstract: "Record a State notification date for a pending calendar event; run `sync` to apply it.",
        discussion: "Without --entity the date applies to every entity; an entity's own date wins over it.")

    @Argument(help: "Pending calendar event id (see `docket calendar`).") var event: String
    @Argument(help: "Notification date, YYYY-MM-DD.") var date: String
    @Option(help: "Only for this entity (abbreviation).") var entity: String?
    @Option(help: "Note kept with the date.") var note: String?
    @Option(help: "Schedule file used to check the event id (default: the shipped schedule).") var schedule: String?
    @Flag(name: .customLong("no-check"), help: "Do not check the event id against the schedule.") var noCheck = false
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run {
            if !noCheck {
                let ids = try TrackScheduleSource.calendar(schedule: schedule, choices: []).triggerIDs
                if !ids.contains(event) {
                    let near = ids.filter { $0.contains(event) || event.contains($0) }
                    throw TrackerError.invalid(rule: "track.unknown-trigger",
                        "\"\(event)\" is not a pending calendar event; pending ones: \((near.isEmpty ? ids : near).joined(separator: ", ")) (or pass --no-check)")
                }
            }
            try options.open().recordTrigger(event, date: date, entity: entity, note: note)
            TrackRunner.emit("trigger \(event) = \(date)\(entity.map { " for \($0)" } ?? " for every entity"); run `docket track sync` to date pending instances\n")
        }
    }
}
