import ArgumentParser
import DocketCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(being built)")
    func run() throws {
        Terminal.writeError("docket validate: not available in this build yet")
        throw ExitCode(ExitStatus.usage.rawValue)
    }
}
