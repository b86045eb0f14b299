import ArgumentParser
import DocketTracker

/// Hidden `docket track stress INSTANCE --events N`: appends N note events, one transaction each,
/// printing each event id after its commit. Used by the crash (SIGKILL) and concurrency tests.
struct TrackStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress",
        abstract: "Append N history notes, one transaction each (test tool).", shouldDisplay: false)

    @Argument(help: "Instance: ENTITY/EVENT-ID or #ID.") var instance: String
    @Option(help: "Number of events.") var events: Int = 100
    @OptionGroup var options: TrackOptions

    func validate() throws {
        if events < 1 { throw ValidationError("--events \(events): give a count ≥ 1") }
    }

    func run() throws {
        try TrackRunner.run {
            try options.open().stress(instance, count: events) { id in TrackRunner.emit("committed \(id)\n") }
        }
    }
}
