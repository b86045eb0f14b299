import ArgumentParser
import DocketCore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "(being built)")
    func run() throws {
        Terminal.writeError("docket calendar: not available in this build yet")
        throw ExitCode(ExitStatus.usage.rawValue)
    }
}
