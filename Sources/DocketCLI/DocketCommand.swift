import ArgumentParser
import Foundation
import DocketCore

/// `docket`: the root command. Each subcommand lives in its own file.
public struct DocketCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "docket",
        abstract: "Fill, validate, schedule and track MassHealth compliance deliverables.",
        discussion: """
            Exit codes: 0 success, 1 invalid input or failed validation, 2 usage or I/O error.
            """,
        version: DocketVersion.string,
        subcommands: [ListCommand.self, FillCommand.self, ValidateCommand.self, FormCommand.self, ExtractCommand.self,
                      CalendarCommand.self, TrackCommand.self, ServeCommand.self, AdminCommand.self]
    )

    public init() {}

    /// Runs the command line and exits with Docket's exit codes (usage errors exit 2, not 64).
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.writeError(fullMessage(for: error))
            Foundation.exit(code == .validationFailure || code.rawValue == 64 ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

public enum DocketVersion {
    public static let string = "0.1.0"
}
