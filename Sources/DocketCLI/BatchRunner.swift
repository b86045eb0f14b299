import DocketCore
import Foundation

/// Expands `--batch`: a folder (its .yaml, .yml and .json files) or a glob pattern.
enum BatchInput {
    static func expand(_ pattern: String) throws(Diagnostic) -> [String] {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: pattern, isDirectory: &isDir), isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: pattern)) ?? []
            let files = names.filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            if files.isEmpty {
                throw Diagnostic(.error, rule: "fill.batch", "no .yaml, .yml or .json files in folder '\(pattern)'")
            }
            return files.map { URL(fileURLWithPath: pattern).appendingPathComponent($0).path }
        }
        var g = glob_t()
        defer { globfree(&g) }
        guard glob(pattern, 0, nil, &g) == 0, g.gl_pathc > 0 else {
            throw Diagnostic(.error, rule: "fill.batch", "'\(pattern)' matches no file; give a folder or a glob such as 'data/*.yaml'")
        }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}

/// Fills many data files in parallel; one bad file does not stop the others.
struct BatchRunner {
    let job: FillJob
    let outDir: String
    let jobs: Int
    let reporter: FillReporter

    /// Fills every file; returns the worst status and the files written with their entity.
    func run(_ files: [String]) -> (ExitStatus, [(String, String?)]) {
        let results = Results(count: files.count)
        let progress = Progress(total: files.count, enabled: Terminal.isTerminal(fileDescriptor: 2))
        let queue = DispatchQueue(label: "docket.batch", attributes: .concurrent)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: jobs)
        let job = self.job, outDir = self.outDir
        for (i, file) in files.enumerated() {
            slots.wait()
            group.enter()
            queue.async {
                let r = job.run(dataPath: file, output: nil, outDir: outDir)
                results.set(i, r)
                progress.tick()
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        progress.finish()
        // Report in input order: the same output for the same inputs.
        var failed = 0, warnings = 0
        var seen: [String: String] = [:]
        var worst = ExitStatus.success
        var written: [(String, String?)] = []
        for (i, file) in files.enumerated() {
            let r = results.get(i)!
            warnings += r.diagnostics.filter { $0.severity == .warning }.count
            if let name = r.outputName, let other = seen[name], r.status == .success {
                reporter.report(file: file, diagnostics: [Diagnostic(.error, rule: "fill.batch-name-clash",
                    "\(file) and \(other) both produce \(name): give each entity its own abbreviation", location: SourceLocation(file: file))],
                    failed: true, batch: true)
                failed += 1
                worst = .invalid
                continue
            }
            if let name = r.outputName { seen[name] = file }
            if let path = r.written { written.append((path, r.entity)) }
            reporter.report(file: file, diagnostics: r.diagnostics, written: r.written, failed: r.status != .success, batch: true)
            if r.status != .success {
                failed += 1
                if worst == .success || r.status == .usage { worst = r.status }
            }
        }
        reporter.note("batch: \(files.count - failed) filled, \(failed) failed, \(warnings) warning\(warnings == 1 ? "" : "s") → \(outDir)")
        return (worst, written)
    }

    /// Results written from worker threads.
    final class Results: @unchecked Sendable {
        private var items: [FillJob.Result?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: FillJob.Result) { lock.withLock { items[i] = r } }
        func get(_ i: Int) -> FillJob.Result? { lock.withLock { items[i] } }
    }

    /// A progress bar on standard error, only on a terminal.
    final class Progress: @unchecked Sendable {
        private let total: Int
        private let enabled: Bool
        private var done = 0
        private let lock = NSLock()
        init(total: Int, enabled: Bool) { self.total = total; self.enabled = enabled }

        func tick() {
            lock.withLock {
                done += 1
                guard enabled else { return }
                let width = 30
                let filled = total == 0 ? width : width * done / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
            }
        }

        func finish() { if enabled { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
