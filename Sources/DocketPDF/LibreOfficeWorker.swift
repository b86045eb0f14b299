import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One long-lived converter: `uno-bridge.py` in its own process group, which runs one headless
/// soffice with its own user profile in its own work folder and converts one document at a time.
/// The pool hands a worker to one thread at a time. Requests and replies are JSON lines on a
/// socket pair (never a network socket); soffice listens on a local UNO pipe only.
final class LibreOfficeWorker: @unchecked Sendable {
    /// Why a conversion failed: the document (the worker is fine) or the worker (restart it).
    enum Failure: Error {
        case document(String)
        case died(String)
        case timedOut
    }

    let pid: pid_t
    let directory: URL
    private var fd: Int32
    private var buffer: [UInt8] = []

    private init(pid: pid_t, fd: Int32, directory: URL) {
        self.pid = pid
        self.fd = fd
        self.directory = directory
    }

    /// Starts the bridge and waits for soffice to accept its connection.
    static func start(_ install: LibreOfficeInstall, bridge: String, root: URL, timeout: Double) throws(PDFError) -> LibreOfficeWorker {
        let directory = root.appendingPathComponent("docket-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw PDFError(.io, "cannot create the converter's folder \(directory.path): \(error.localizedDescription)")
        }
        let pipeName = "docket-" + UUID().uuidString.prefix(12).lowercased()
        let worker: LibreOfficeWorker
        do {
            let (pid, fd) = try Spawn.run(install.python, ["-I", bridge, install.soffice, directory.path, pipeName])
            worker = LibreOfficeWorker(pid: pid, fd: fd, directory: directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw PDFError(.startFailed, "cannot run \(install.python): \(error)")
        }
        guard let line = worker.readLine(deadline: Date().addingTimeInterval(timeout)) else {
            worker.kill()
            throw PDFError(.startFailed, "soffice (\(install.soffice)) did not answer within \(Int(timeout)) s")
        }
        let reply = Reply(line)
        if reply.ready { return worker }
        worker.kill()
        if reply.missing == PDFError.unoPackage { throw PDFError(.unoMissing, "\(install.python): \(reply.error ?? "import uno failed")") }
        throw PDFError(.startFailed, reply.error ?? "the converter's first line was not understood")
    }

    /// Converts one document within `timeout` seconds.
    func convert(_ docx: Data, options: PDFOptions, timeout: Double) throws(Failure) -> Data {
        let input = directory.appendingPathComponent("in.docx"), output = directory.appendingPathComponent("out.pdf")
        try? FileManager.default.removeItem(at: output)
        do { try docx.write(to: input) } catch { throw .died("cannot write \(input.path): \(error.localizedDescription)") }
        let request: [String: Any] = ["in": input.path, "out": output.path, "pdfa": options.pdfA]
        guard let json = try? JSONSerialization.data(withJSONObject: request), send(json + Data([10])) else {
            throw .died("the converter stopped reading")
        }
        guard let line = readLine(deadline: Date().addingTimeInterval(timeout)) else {
            if fd < 0 { throw .died("the converter exited") }
            throw .timedOut
        }
        let reply = Reply(line)
        guard reply.ok else {
            if reply.fatal { throw .died(reply.error ?? "soffice stopped") }
            throw .document(reply.error ?? "LibreOffice could not convert the document")
        }
        guard let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF-".utf8)) else {
            throw .document("LibreOffice reported success but wrote no PDF")
        }
        try? FileManager.default.removeItem(at: output)
        return pdf
    }

    /// Asks the bridge to end (closing its input ends soffice and removes the work folder), waits
    /// up to `grace` seconds, then kills what is left.
    func stop(grace: Double) {
        closeSocket()
        if !wait(until: Date().addingTimeInterval(grace)) { kill() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Kills the bridge and soffice (the whole process group) and removes the work folder.
    func kill() {
        closeSocket()
        _ = killpg(pid, SIGKILL)
        _ = wait(until: Date().addingTimeInterval(10))
        try? FileManager.default.removeItem(at: directory)
    }

    private var exited = false

    /// Reaps the bridge; false if it is still running at `deadline`.
    private func wait(until deadline: Date) -> Bool {
        while !exited {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { exited = true; break }
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    private func closeSocket() {
        if fd >= 0 { close(fd); fd = -1 }
    }

    private func send(_ data: Data) -> Bool {
        guard fd >= 0 else { return false }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Spawn.send(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// The next reply line; nil at the deadline or when the bridge closed the socket (then fd < 0).
    private func readLine(deadline: Date) -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeSubrange(...nl)
                return line
            }
            guard fd >= 0 else { return nil }
            let ms = deadline.timeIntervalSinceNow * 1000
            if ms <= 0 { return nil }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let r = poll(&p, 1, Int32(min(ms, 60_000)))
            if r < 0 && errno == EINTR { continue }
            if r == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { closeSocket(); return nil }
            buffer += chunk[..<n]
        }
    }

    /// A reply line of the bridge.
    struct Reply {
        var object: [String: Any]
        init(_ line: String) {
            object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        var ready: Bool { object["ready"] as? Bool ?? false }
        var ok: Bool { object["ok"] as? Bool ?? false }
        var fatal: Bool { object["fatal"] as? Bool ?? false }
        var error: String? { object["error"] as? String }
        var missing: String? { object["missing"] as? String }
    }
}
