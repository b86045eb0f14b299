import Foundation

/// Where LibreOffice and a Python with its UNO bridge are, found once per pool.
public struct LibreOfficeInstall: Sendable, Equatable {
    /// The `soffice` launcher (it restarts soffice.bin once when a new profile asks for it).
    public var soffice: String
    /// A Python that imports `uno`: LibreOffice's own (official builds), else the system's
    /// (Debian's `python3-uno` is built for /usr/bin/python3), else the first on the path.
    public var python: String

    public init(soffice: String, python: String) {
        self.soffice = soffice
        self.python = python
    }

    /// Folders looked in after the search path (macOS keeps soffice inside the application).
    static let wellKnown = ["/Applications/LibreOffice.app/Contents/MacOS"]

    /// Finds soffice on `searchPath` (the run's `$PATH` folders), then in the well-known folders;
    /// throws `.libreOfficeMissing` naming the package, or `.unoMissing` when no Python is found.
    public static func locate(searchPath: [String]) throws(PDFError) -> LibreOfficeInstall {
        let fm = FileManager.default
        func executable(_ dir: String, _ name: String) -> String? {
            let path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
            return fm.isExecutableFile(atPath: path) ? path : nil
        }
        guard let soffice = (searchPath + wellKnown).lazy.compactMap({ executable($0, "soffice") ?? executable($0, "libreoffice") }).first else {
            throw PDFError(.libreOfficeMissing, "soffice not found")
        }
        let program = URL(fileURLWithPath: soffice).resolvingSymlinksInPath().deletingLastPathComponent().path
        let candidates = [program, "/usr/bin", "/usr/local/bin"] + searchPath
        guard let python = candidates.lazy.compactMap({ executable($0, "python3") ?? executable($0, "python") }).first else {
            throw PDFError(.unoMissing, "no python3 found")
        }
        return LibreOfficeInstall(soffice: soffice, python: python)
    }
}
