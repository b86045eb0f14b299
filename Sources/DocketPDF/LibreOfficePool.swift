import Foundation

/// A small pool of long-lived LibreOffice converters (`LibreOfficeWorker`), started on demand up
/// to `size`, each with its own soffice and user profile. A thread asks for a PDF, takes an idle
/// converter (or waits for one), converts, gives it back. A converter that dies or takes longer
/// than `documentTimeout` is killed and a fresh one started; the document is tried once more.
/// `shutdown()` ends every converter and removes their folders (also on deinit).
public final class LibreOfficePool: PDFConverter, @unchecked Sendable {
    public struct Configuration: Sendable {
        /// Converters at most.
        public var size: Int
        /// Seconds one document may take before its converter is restarted.
        public var documentTimeout: Double
        /// Seconds soffice may take to start (a new profile is written on the first start).
        public var startTimeout: Double
        /// Where the converters' folders go (default: the temporary folder).
        public var workRoot: URL

        public init(size: Int, documentTimeout: Double = 120, startTimeout: Double = 120,
                    workRoot: URL = FileManager.default.temporaryDirectory) {
            self.size = max(1, size)
            self.documentTimeout = documentTimeout
            self.startTimeout = startTimeout
            self.workRoot = workRoot
        }

        /// The pool for a batch on `jobs` threads: one converter per thread, at most four
        /// (each soffice holds a few hundred MB; conversion is CPU-bound).
        public static func forJobs(_ jobs: Int) -> Configuration { Configuration(size: min(max(jobs, 1), 4)) }
    }

    public let install: LibreOfficeInstall
    public let configuration: Configuration
    let bridge: String

    private let condition = NSCondition()
    private var idle: [LibreOfficeWorker] = []
    private var live: [ObjectIdentifier: LibreOfficeWorker] = [:]
    private var starting = 0
    private var closed = false
    private var restartCount = 0

    /// Locates LibreOffice and starts the first converter, so a missing LibreOffice or UNO bridge
    /// is one typed error before any document (`.libreOfficeMissing`, `.unoMissing`).
    public init(install: LibreOfficeInstall, configuration: Configuration) throws(PDFError) {
        self.install = install
        self.configuration = configuration
        guard let bridge = Bundle.module.url(forResource: "uno-bridge", withExtension: "py") else {
            throw PDFError(.startFailed, "uno-bridge.py is missing from Docket's resources (reinstall docket)")
        }
        self.bridge = bridge.path
        let first = try LibreOfficeWorker.start(install, bridge: self.bridge, root: configuration.workRoot, timeout: configuration.startTimeout)
        condition.withLock {
            live[ObjectIdentifier(first)] = first
            idle.append(first)
        }
    }

    /// A pool over the LibreOffice found on `searchPath` (the run's `$PATH` folders).
    public convenience init(searchPath: [String], configuration: Configuration) throws(PDFError) {
        try self.init(install: try LibreOfficeInstall.locate(searchPath: searchPath), configuration: configuration)
    }

    deinit { shutdown() }

    /// Converters killed so far after dying or hanging (each is replaced when next needed).
    public var restarts: Int { condition.withLock { restartCount } }

    /// The process groups of the running converters (each bridge and its soffice).
    public var processGroups: [Int32] { condition.withLock { live.values.map(\.pid).sorted() } }

    public func pdf(fromDOCX docx: Data, name: String, options: PDFOptions) throws(PDFError) -> Data {
        var lastFailure = ""
        var timedOut = false
        for _ in 0..<2 {
            let worker = try acquire()
            do {
                let pdf = try worker.convert(docx, options: options, timeout: configuration.documentTimeout)
                release(worker)
                return pdf
            } catch {
                switch error {
                case .document(let why):
                    release(worker)
                    throw PDFError(.conversionFailed, "\(name): LibreOffice could not convert it: \(why)")
                case .died(let why):
                    lastFailure = why
                    timedOut = false
                case .timedOut:
                    lastFailure = "no PDF after \(Int(configuration.documentTimeout)) s"
                    timedOut = true
                }
                discard(worker)
            }
        }
        if timedOut { throw PDFError(.timedOut, "\(name): \(lastFailure), also after restarting the converter") }
        throw PDFError(.conversionFailed, "\(name): the converter failed twice (\(lastFailure))")
    }

    /// Ends every converter (waiting briefly for each to close soffice) and removes their folders.
    /// Conversions asked for afterwards fail with `.shutDown`.
    public func shutdown() {
        let workers: [LibreOfficeWorker] = condition.withLock {
            closed = true
            condition.broadcast()
            // A converter in use is stopped when its thread gives it back.
            let all = idle
            for worker in all { live[ObjectIdentifier(worker)] = nil }
            idle = []
            return all
        }
        DispatchQueue.concurrentPerform(iterations: workers.count) { workers[$0].stop(grace: 10) }
    }

    /// An idle converter, a new one while fewer than `size` run, else waits for one.
    private func acquire() throws(PDFError) -> LibreOfficeWorker {
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw PDFError(.shutDown, "no more documents are converted")
            }
            if let worker = idle.popLast() {
                condition.unlock()
                return worker
            }
            if live.count + starting < configuration.size { break }
            condition.wait()
        }
        starting += 1
        condition.unlock()
        let started: LibreOfficeWorker
        do {
            started = try LibreOfficeWorker.start(install, bridge: bridge, root: configuration.workRoot, timeout: configuration.startTimeout)
        } catch {
            condition.withLock { starting -= 1; condition.signal() }
            throw error
        }
        let keep = condition.withLock { () -> Bool in
            starting -= 1
            guard !closed else { return false }
            live[ObjectIdentifier(started)] = started
            return true
        }
        guard keep else {
            started.stop(grace: 10)
            throw PDFError(.shutDown, "no more documents are converted")
        }
        return started
    }

    private func release(_ worker: LibreOfficeWorker) {
        let stillOpen = condition.withLock { () -> Bool in
            guard !closed else { live[ObjectIdentifier(worker)] = nil; return false }
            idle.append(worker)
            condition.signal()
            return true
        }
        if !stillOpen { worker.stop(grace: 10) }
    }

    /// Kills a dead or hung converter; the next `acquire` starts a fresh one in its place.
    private func discard(_ worker: LibreOfficeWorker) {
        worker.kill()
        condition.withLock {
            live[ObjectIdentifier(worker)] = nil
            restartCount += 1
            condition.signal()
        }
    }
}
