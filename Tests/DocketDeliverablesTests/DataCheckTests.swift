import DocketCore
import DocketDeliverables
import DocketSchema
import DocketTestSupport
import Foundation
import Testing

/// Schema and named rules together: one problem, one message (issue 13).
@Suite struct DataCheckTests {
    static let registry = try! DeliverableRegistry.load(root: TestPaths.packageRoot)  // the shipped Templates/ must load

    func check(_ prefix: String) throws -> [Diagnostic] {
        let example = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
        let data = try DataLoader.load(data: Data((prefix + example).utf8), path: "pip.yaml")
        return try DataCheck.check(data, try #require(Self.registry.deliverable(id: "pip-midyear-report")), catalog: SchemaCatalog())
    }

    @Test func anUnknownDomainIsOneMessage() throws {
        let found = try check("pips:\n  pip1:\n    domain: Dental Care\n")
        let about = found.filter { $0.instanceLocation == "/pips/pip1/domain" }
        #expect(about.count == 1, "\(about.map(\.message))")
        #expect(about.first?.rule == "R000-24")
        #expect(about.first?.message.contains("care-coordination") == true, "\(about.map(\.message))")
    }

    @Test func aRoutingKeyIsNotData() throws {
        let found = try check("deliverable: pip-midyear-report\n")
        #expect(!found.contains { $0.isError }, "\(found.map(\.message))")
    }

    @Test func sameDomainTwiceIsStillReported() throws {
        let found = try check("pips:\n  pip1: {domain: care-coordination}\n  pip2: {domain: care-coordination}\n")
        #expect(found.contains { $0.rule == "R000-24" && $0.message.contains("distinct domains") })
    }
}
