import ArgumentParser
import DocketCore
import DocketDeliverables
import Foundation

/// The run's surroundings, resolved once per process from its environment variables, executable
/// path and current folder (`DocketEnvironment`), then passed down to the libraries. This is
/// the only place that reads `ProcessInfo` or `CommandLine`.
enum RunContext {
    static let resolved: Result<DocketEnvironment, DocketEnvironment.Problem> = Result { () throws(DocketEnvironment.Problem) in
        try DocketEnvironment.resolve(variables: ProcessInfo.processInfo.environment,
                                      executable: CommandLine.arguments.first ?? "",
                                      currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// The environment, or a usage error naming the bad variable.
    static func environment() throws -> DocketEnvironment {
        switch resolved {
        case .success(let env): return env
        case .failure(.badNow(let text)):
            throw ValidationError("DOCKET_NOW \"\(text)\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; fix or unset it")
        }
    }

    /// The shipped deliverables under the project root, loaded once (nil when there is no root).
    static let registry: Result<DeliverableRegistry, DiagnosticList>? = {
        guard case .success(let env) = resolved, let root = env.projectRoot else { return nil }
        return Result { () throws(DiagnosticList) in try DeliverableRegistry.load(root: root) }
    }()

    /// The registry when it loaded; problems in the shipped metadata, if any.
    static var deliverables: DeliverableRegistry? { try? registry?.get() }
    static var registryProblems: [Diagnostic] { if case .failure(let list)? = registry { return list.diagnostics }; return [] }

    /// Advice when no project folder was found.
    static let noProjectAdvice = "no deliverables found: run docket from the repository, set DOCKET_HOME, or install it with `make install`"

    /// Worker threads for batches.
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
