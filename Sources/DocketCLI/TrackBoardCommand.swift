import ArgumentParser
import DocketCore
import DocketTracker

/// `docket track board`: what is due, by status, overdue first.
struct TrackBoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "board",
        abstract: "What is due, by status; overdue first (text table with days left, JSON or CSV).")

    @Option(help: "Only this entity (abbreviation).") var entity: String?
    @Flag(help: "Include accepted instances.") var all = false
    @Option(help: "Output format: text, json or csv.") var format: TrackFormat = .text
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run(json: format == .json) {
            let board = try options.open().board(entity: entity, includeAccepted: all)
            TrackBoards.print(board.rows, today: board.today, format: format, title: "board")
        }
    }
}

/// Output shared by `board`, `overdue` and `upcoming`.
enum TrackBoards {
    static func print(_ rows: [BoardRow], today: String, format: TrackFormat, title: String) {
        switch format {
        case .text:
            TrackRunner.emit(BoardFormat.text(rows, today: today, color: Terminal.isTerminal(fileDescriptor: 1), title: title))
        case .json: TrackRunner.emit(BoardFormat.json(rows, today: today))
        case .csv: TrackRunner.emit(BoardFormat.csv(rows))
        }
    }
}
