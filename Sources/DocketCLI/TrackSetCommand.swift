import ArgumentParser
import DocketTracker

/// `docket track set INSTANCE STATUS`: moves an instance along its lifecycle.
struct TrackSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set",
        abstract: "Move an instance to a new status (illegal moves are refused and the legal ones named).",
        discussion: "Statuses: \(InstanceStatus.allCases.map(\.rawValue).joined(separator: ", ")). Reviews use `docket track review`.")

    @Argument(help: "Instance: ENTITY/EVENT-ID, ENTITY/DELIVERABLE-ID or #ID.") var instance: String
    @Argument(help: "New status.") var status: String
    @Option(help: "File produced or uploaded (its SHA-256 is recorded).") var file: String?
    @Option(help: "Note for the history.") var note: String?
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run {
            let target = try Lifecycle.parse(status)
            let (before, inst) = try options.open().setStatus(instance, to: target, file: file, note: note)
            var out = "#\(inst.id) \(inst.key): \(before.rawValue) → \(inst.status.rawValue)\n"
            if inst.status == .uploaded {
                out += "warning: uploaded is not submitted: click \"submit\" in OnBase, then `docket track set \(inst.key) submitted` (R000-06)\n"
            }
            TrackRunner.emit(out)
        }
    }
}
