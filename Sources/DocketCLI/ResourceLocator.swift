import Foundation

/// Finds Docket's shipped files (Templates/, Schemas/): `$DOCKET_HOME`, else the current folder or
/// one above it, else the folder the executable was built into (`.build/<config>/docket` → repo root).
enum ResourceLocator {
    static func root() -> URL? {
        let fm = FileManager.default
        func ok(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("Templates").path)
                && fm.fileExists(atPath: url.appendingPathComponent("Schemas").path)
        }
        if let home = ProcessInfo.processInfo.environment["DOCKET_HOME"] {
            return URL(fileURLWithPath: home)
        }
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        var exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        if !exe.path.hasPrefix("/") { exe = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent(exe.path) }
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir)
            dir.deleteLastPathComponent()
        }
        return candidates.first(where: ok)
    }
}
