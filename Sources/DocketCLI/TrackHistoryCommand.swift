import ArgumentParser
import DocketCore
import DocketTracker

/// `docket track history INSTANCE`: the append-only event log of one instance.
struct TrackHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history",
        abstract: "Every change of one instance: who, when, from, to, note, file hash; and its reviews.")

    @Argument(help: "Instance: ENTITY/EVENT-ID or #ID.") var instance: String
    @Option(help: "Output format: text or json.") var format: TrackTextFormat = .text
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run(json: format == .json) {
            let h = try options.open().history(instance)
            TrackRunner.emit(format == .json ? JSONWriter.string(HistoryFormat.json(h), pretty: true) + "\n" : HistoryFormat.text(h))
        }
    }
}
