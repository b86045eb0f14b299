import ArgumentParser
import DocketTracker

/// `docket track overdue`: instances still with the entity whose date has passed.
struct TrackOverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "overdue",
        abstract: "Instances past their due (or resubmission) date that are not yet submitted.")

    @Option(help: "Only this entity (abbreviation).") var entity: String?
    @Option(help: "Output format: text, json or csv.") var format: TrackFormat = .text
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run(json: format == .json) {
            let board = try options.open().board(entity: entity)
            TrackBoards.print(board.overdue, today: board.today, format: format, title: "overdue")
        }
    }
}
