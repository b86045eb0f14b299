import Foundation

/// Real clients our users have, reading our output: LibreOffice and pandoc for .docx,
/// Python (icalendar, vobject, jsonschema, python-docx) from the project's `.venv`.
public enum Readers {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// LibreOffice converts `docx` to `format` ("txt", "pdf"); returns the converted file's URL.
    /// Each call uses its own user profile, so conversions can run in parallel.
    public static func libreOfficeConvert(_ docx: URL, to format: String) throws -> URL {
        guard let soffice = ProcessRunner.which("soffice") ?? ProcessRunner.which("libreoffice") else {
            throw Unavailable(description: "LibreOffice (soffice) is not installed: run scripts/setup.sh test")
        }
        let out = TestPaths.temporaryDirectory("lo-out")
        let profile = TestPaths.temporaryDirectory("lo-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let target = format == "txt" ? "txt:Text (encoded):UTF8" : format
        let r = try ProcessRunner.run(soffice, ["-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore",
                                                "--convert-to", target, "--outdir", out.path, docx.path])
        let result = out.appendingPathComponent(docx.deletingPathExtension().lastPathComponent + "." + format)
        guard r.status == 0, FileManager.default.fileExists(atPath: result.path) else {
            throw Unavailable(description: "LibreOffice could not convert \(docx.lastPathComponent) (exit \(r.status)): \(r.stderr) \(r.stdout)")
        }
        return result
    }

    /// The document's text as LibreOffice reads it.
    public static func libreOfficeText(_ docx: URL) throws -> String {
        try String(contentsOf: try libreOfficeConvert(docx, to: "txt"), encoding: .utf8)
    }

    /// The document's text as pandoc reads it (`pandoc -f docx -t plain`).
    public static func pandocText(_ docx: URL, to format: String = "plain") throws -> String {
        guard let pandoc = ProcessRunner.which("pandoc") else {
            throw Unavailable(description: "pandoc is not installed: run scripts/setup.sh test")
        }
        let r = try ProcessRunner.run(pandoc, ["-f", "docx", "-t", format, "--wrap=none", docx.path])
        guard r.status == 0 else { throw Unavailable(description: "pandoc failed on \(docx.lastPathComponent): \(r.stderr)") }
        return r.stdout
    }

    /// The project's Python (`.venv/bin/python`, made by scripts/setup.sh test).
    public static var python: String {
        let venv = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : (ProcessRunner.which("python3") ?? "/usr/bin/python3")
    }

    /// Runs a Python snippet with `arguments` in `sys.argv[1:]`.
    public static func runPython(_ code: String, _ arguments: [String] = []) throws -> ProcessResult {
        try ProcessRunner.run(try Tools.venvPython(), ["-c", code] + arguments)
    }
}

extension String {
    /// Whitespace folded to single spaces: for comparing text read back by another program.
    public var foldedWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The tools the tests need, installed by `make test` (scripts/setup.sh test). A missing one is a
/// test failure that names the setup step, never a skipped test or a crash.
public enum Tools {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The path of `name` on PATH.
    public static func require(_ name: String) throws -> String {
        guard let path = ProcessRunner.which(name) else {
            throw Missing(description: "\(name) is not installed: run `make test` (scripts/setup.sh test installs it)")
        }
        return path
    }

    /// The project's `.venv/bin/python` (with icalendar, vobject, jsonschema, python-docx, holidays).
    public static func venvPython() throws -> String {
        let venv = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: venv) else {
            throw Missing(description: ".venv/bin/python is missing: run `make test` (scripts/setup.sh test creates the .venv)")
        }
        return venv
    }
}
