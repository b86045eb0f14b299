import ArgumentParser
import DocketCalendar
import DocketCore
import DocketTracker
import Foundation

/// `docket track sync`: creates deliverable instances from the calendar for every entity.
struct TrackSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync",
        abstract: "Create deliverable instances from the calendar for each entity (recorded trigger dates resolve pending events).")

    @Option(help: "Only events due on or after this date (YYYY-MM-DD).") var from: String?
    @Option(help: "Only events due on or before this date (YYYY-MM-DD).") var to: String?
    @Option(help: "Only this entity (abbreviation).") var entity: String?
    @Option(help: "Schedule file (default: the shipped Schemas/schedule/masshealth-schedule.yaml).") var schedule: String?
    @Option(help: "Use a JSON list of calendar events instead of the schedule (e.g. a calendar JSON export).")
    var events: String?
    @Option(name: .customLong("choose"), help: "Schedule choice as ID=ALTERNATIVE; repeatable.") var choices: [String] = []
    @OptionGroup var options: TrackOptions

    func validate() throws {
        if events != nil && (schedule != nil || !choices.isEmpty) {
            throw ValidationError("--events replaces the schedule; drop --schedule/--choose or drop --events")
        }
        _ = try Assignments.parse(choices, option: "--choose", example: "hqe-annual-dates=stated-only")
    }

    func run() throws {
        try TrackRunner.run {
            let provider = try TrackScheduleSource.provider(events: events, schedule: schedule, choices: choices)
            TrackRunner.emit(try options.open().sync(from: provider, from: from, to: to, entity: entity).text)
        }
    }
}

/// Where `sync` and `trigger` get calendar events from.
enum TrackScheduleSource {
    static func provider(events: String?, schedule: String?, choices: [String]) throws -> any ScheduleProvider {
        if let events { return try StaticSchedule.load(path: events) }
        return try calendar(schedule: schedule, choices: choices)
    }

    static func calendar(schedule: String?, choices: [String]) throws -> CalendarScheduleProvider {
        let chosen = try Assignments.parse(choices, option: "--choose", example: "hqe-annual-dates=stated-only")
        return try CalendarScheduleProvider.load(path: schedule ?? RunContext.environment().schedulePath, choices: chosen)
    }
}
