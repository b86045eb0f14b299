import ArgumentParser
import DocketCore

struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "track", abstract: "(being built)")
    func run() throws {
        Terminal.writeError("docket track: not available in this build yet")
        throw ExitCode(ExitStatus.usage.rawValue)
    }
}
