import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// A running `docket` (or other program) whose standard output is read line by line.
final class LiveProcess {
    let process = Process()
    let output = Pipe()
    let input = Pipe()
    private var buffer = Data()

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        try process.run()
    }

    /// Reads until `count` complete lines have arrived (or end of output); returns every complete line so far.
    func lines(atLeast count: Int) -> [String] {
        while completeLines().count < count {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        return completeLines()
    }

    /// Reads to end of output and returns every complete line.
    func allLines() -> [String] {
        buffer.append(output.fileHandleForReading.readDataToEndOfFile())
        return completeLines()
    }

    private func completeLines() -> [String] {
        let text = String(decoding: buffer, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast() // the part after the last newline is incomplete
        return lines
    }
}

@Suite struct TrackReliabilityTests {
    static let instance = "BHOS/pip.hospital.pip1.midyear-planning"

    func committedIDs(_ lines: [String]) -> [Int] {
        lines.compactMap { $0.hasPrefix("committed ") ? Int($0.dropFirst(10)) : nil }
    }

    func eventIDs(_ s: TrackSandbox, _ instance: String) throws -> Set<Int> {
        let h = try s.json(["history", instance])
        return Set((h["events"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue })
    }

    func stress(_ s: TrackSandbox, _ instance: String, events: Int) throws -> LiveProcess {
        try LiveProcess(DocketBinary.executable, ["track", "stress", instance, "--events", "\(events)", "--db", s.db],
                        environment: ["DOCKET_NOW": "2023-09-01", "DOCKET_USER": "stress"])
    }

    /// SIGKILL mid-batch: every event reported committed survives and integrity_check passes.
    @Test func sigkillMidBatchKeepsEveryCommittedEvent() throws {
        let s = TrackSandbox()
        try s.setUpPartners()
        let before = try eventIDs(s, Self.instance)
        let writer = try stress(s, Self.instance, events: 1_000_000)
        _ = writer.lines(atLeast: 300)
        kill(writer.process.processIdentifier, SIGKILL)
        writer.process.waitUntilExit()
        #expect(writer.process.terminationReason == .uncaughtSignal)
        let committed = committedIDs(writer.allLines())
        #expect(committed.count >= 300 && committed.count < 1_000_000)

        let stored = try eventIDs(s, Self.instance)
        #expect(Set(committed).isSubset(of: stored))
        #expect(stored.count - before.count >= committed.count)
        #expect(try s.ok(["check"]).contains("integrity: ok"))
        // Cross-check with SQLite itself, outside Docket.
        let sqlite = try ProcessRunner.run(Self.python, ["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", s.db])
        #expect(sqlite.stdout == "ok\n", "\(sqlite.stderr)")
        // The database still takes writes.
        try s.ok(["set", Self.instance, "drafting"])
    }

    /// Two processes writing at once both succeed, each event in its own transaction.
    @Test func concurrentWritersBothSucceed() throws {
        let s = TrackSandbox()
        try s.setUpPartners()
        let other = "BACO/pip.aco.pip1.midyear-planning"
        let a = try stress(s, Self.instance, events: 150)
        let b = try stress(s, other, events: 150)
        let la = a.allLines(), lb = b.allLines()
        a.process.waitUntilExit()
        b.process.waitUntilExit()
        #expect(a.process.terminationStatus == 0 && b.process.terminationStatus == 0)
        #expect(committedIDs(la).count == 150 && committedIDs(lb).count == 150)
        #expect(try eventIDs(s, Self.instance).count == 151)
        #expect(try eventIDs(s, other).count == 151)
        #expect(try s.ok(["check"]).contains("integrity: ok"))
    }

    /// A writer that cannot get the lock within the busy timeout exits 1 with "busy, retry".
    @Test func busyDatabaseGivesAClearRetryMessage() throws {
        let s = TrackSandbox()
        try s.setUpPartners()
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("INSERT INTO entity (abbreviation, name, type) VALUES ('HOLD', 'Held', 'mco')")
            print("locked", flush=True)
            sys.stdin.readline()
            c.execute("COMMIT")
            """
        let holder = try LiveProcess(Self.python, ["-c", script, s.db])
        #expect(holder.lines(atLeast: 1) == ["locked"])
        let r = try DocketBinary.run(["track", "entity", "add", "LATE", "--name", "Late", "--type", "mco", "--db", s.db],
                                  environment: ["DOCKET_BUSY_TIMEOUT": "0.3"])
        holder.input.fileHandleForWriting.write(Data("\n".utf8))
        holder.process.waitUntilExit()
        #expect(r.status == 1)
        #expect(r.stderr.contains("database is busy, retry"))
        let list = try s.ok(["entity", "list"])
        #expect(list.contains("HOLD") && !list.contains("LATE"))
        try s.ok(["entity", "add", "LATE", "--name", "Late", "--type", "mco"])
    }

    /// The venv's Python when set up (`scripts/setup.sh test`), else python3 on PATH (only the stdlib is used).
    static var python: String {
        let venv = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return ProcessRunner.which("python3") ?? "/usr/bin/python3"
    }
}
