import ArgumentParser
import DocketTracker

/// `docket track upcoming --days N`: what falls due soon.
struct TrackUpcomingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upcoming",
        abstract: "Instances not yet submitted that fall due within the next N days (today included).")

    @Option(help: "Window in days (default 30).") var days: Int = 30
    @Option(help: "Only this entity (abbreviation).") var entity: String?
    @Option(help: "Output format: text, json or csv.") var format: TrackFormat = .text
    @OptionGroup var options: TrackOptions

    func validate() throws {
        if days < 0 { throw ValidationError("--days \(days): give a number of days ≥ 0") }
    }

    func run() throws {
        try TrackRunner.run(json: format == .json) {
            let board = try options.open().board(entity: entity)
            TrackBoards.print(board.upcoming(days: days), today: board.today, format: format, title: "due within \(days) days")
        }
    }
}
