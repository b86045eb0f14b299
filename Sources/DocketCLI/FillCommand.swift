import ArgumentParser
import DocketCore

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fill", abstract: "(being built)")
    func run() throws {
        Terminal.writeError("docket fill: not available in this build yet")
        throw ExitCode(ExitStatus.usage.rawValue)
    }
}
