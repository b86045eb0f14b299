import Foundation
import Testing
import DocketTestSupport
@testable import DocketCore

@Suite struct AtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFiles() throws {
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("sub/out.txt").path
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second, longer", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path) == ["out.txt"])
    }

    @Test func failureLeavesNothingBehind() throws {
        let dir = TestPaths.temporaryDirectory()
        try "x".write(to: dir.appendingPathComponent("file"), atomically: false, encoding: .utf8)
        // The parent of the target is a file: the write must fail cleanly.
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("y", to: dir.appendingPathComponent("file/out.txt").path) }
        // A target that is a folder cannot be replaced by a file.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder"), withIntermediateDirectories: false)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("y", to: dir.appendingPathComponent("folder").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["file", "folder"])
    }
}
