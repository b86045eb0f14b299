import ArgumentParser
import DocketCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(being built)")
    func run() throws {
        Terminal.writeError("docket list: not available in this build yet")
        throw ExitCode(ExitStatus.usage.rawValue)
    }
}
