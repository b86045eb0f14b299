import DocketCore
import DocketDeliverables
import DocketFill
import DocketTestSupport
import Foundation
import Testing

@Suite struct FillPipelineTests {
    static let registry = try! DeliverableRegistry.load(root: TestPaths.packageRoot)  // test fixture: the shipped Templates/ must load

    func pipeline(_ id: String, _ kind: OutputKind = .docx) throws -> FillPipeline {
        let target = try FillTargets.resolve(id, registry: Self.registry)
        return try FillPipeline(target: target, formats: [kind])
    }

    @Test func fillsTheShippedExampleInProcess() throws {
        let p = try pipeline("pip-midyear-report")
        let example = TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml").path
        let r = p.fill(FillRequest(input: .file(example), format: .docx, date: "2023-09-29"))
        #expect(r.status == .success)
        #expect(r.fileName == "MBRH_PIPMidYearReport_09292023.docx")
        #expect(r.entity == "MBRH")
        #expect((r.bytes?.count ?? 0) > 10_000)
        #expect(r.bytes?.prefix(2) == Data("PK".utf8))
    }

    @Test func badDataIsRefusedWithTheValidatorsMessages() throws {
        let p = try pipeline("pip-midyear-report", .md)
        let data = try DataLoader.load(data: Data("entity: {abbreviation: X}\n".utf8), path: "mem.yaml")
        let r = p.fill(FillRequest(input: .data(data), format: .md, date: "2023-09-29"))
        #expect(r.status == .invalid)
        #expect(r.bytes == nil)
        #expect(r.diagnostics.contains { $0.rule == "schema.required" && $0.property == "name" })
    }

    @Test func aRoutingKeyFillsAsItValidates() throws {
        let p = try pipeline("pip-midyear-report", .md)
        let example = TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml")
        let text = "deliverable: pip-midyear-report\n" + (try String(contentsOf: example, encoding: .utf8))
        let data = try DataLoader.load(data: Data(text.utf8), path: "routed.yaml")
        let r = p.fill(FillRequest(input: .data(data), format: .md, date: "2023-09-29"))
        #expect(r.status == .success, "\(r.diagnostics.map(\.message))")
    }

    @Test func unreadableFileIsAnIOError() throws {
        let p = try pipeline("pip-midyear-report", .md)
        let r = p.fill(FillRequest(input: .file("/nonexistent/data.yaml"), format: .md, date: "2023-09-29"))
        #expect(r.status == .usage)
        #expect(r.diagnostics.first?.rule == "io.read")
    }

    @Test func parallelFillsKeepRequestOrder() throws {
        let p = try pipeline("hqe-strategic-plan", .md)
        let example = TestPaths.packageRoot.appendingPathComponent("Templates/hqe-strategic-plan/example.yaml").path
        let requests = (0..<12).map { i in
            FillRequest(input: .file(i % 3 == 0 ? "/missing-\(i).yaml" : example), format: .md, date: "2023-12-29")
        }
        let done = Counter()
        let results = p.fillAll(requests, jobs: 4) { _, _ in done.add() }
        #expect(results.count == 12)
        #expect(done.value == 12)
        for (i, r) in results.enumerated() { #expect((r.status == .usage) == (i % 3 == 0)) }
        let once = p.fill(requests[1])
        #expect(results[1].bytes == once.bytes)
    }

    @Test func unknownTargetSuggestsTheClosestId() {
        #expect(throws: Diagnostic.self) { _ = try FillTargets.resolve("pip-midyear-reprot", registry: Self.registry) }
        do { _ = try FillTargets.resolve("pip-midyear-reprot", registry: Self.registry) } catch {
            #expect(error.message.contains("did you mean 'pip-midyear-report'"))
        }
    }
}

final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
