import ArgumentParser
import DocketCore
import DocketWorkspace

/// `docket serve`: the web workspace (docs/workspace.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the web workspace (docs/workspace.md).")

    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(help: "Address to listen on (loopback by default).") var host: String = "127.0.0.1"
    @OptionGroup var store: WorkspaceOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port) is not a port number (1-65535)") }
    }

    func run() throws {
        let workspace = try store.open()
        if try workspace.store.users().isEmpty {
            Terminal.writeError("no users yet: create the first admin with `docket admin user add NAME --role admin --password-stdin`"
                + (store.dataDir.map { " --data-dir \($0)" } ?? ""))
        }
        print("Docket workspace: http://\(host):\(port)/")
        try WorkspaceApp.runBlocking(workspace, host: host, port: port)
    }
}

/// Where the workspace keeps its data: `--data-dir` (default `$XDG_DATA_HOME/docket`), `--db`.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder of the workspace's databases (default $XDG_DATA_HOME/docket).") var dataDir: String?
    @Option(help: "Tracker database file (default <data-dir>/tracker.sqlite).") var db: String?
    @Flag(name: .customLong("secure-cookies"), help: "Mark session cookies Secure (behind TLS).") var secure = false

    func open() throws -> Workspace {
        guard let registry = RunContext.deliverables else { throw ValidationError(RunContext.noProjectAdvice) }
        let env = try RunContext.environment()
        return try Workspace.open(environment: env, registry: registry, dataDir: dataDir ?? env.dataDirectory, database: db, secureCookies: secure)
    }
}
