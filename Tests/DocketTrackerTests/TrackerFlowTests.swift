import Foundation
import Testing
@testable import DocketTracker

@Suite struct TrackerFlowTests {
    @Test func syncCreatesOneInstancePerEntityAndEventAndIsIdempotent() throws {
        let t = try makeTracker()
        try addPartners(t)
        let report = try t.sync(from: StaticSchedule(events: try pipEvents()))
        // 5 PIP events for each of BACO (acpp, also aco) and BHOS (hospital), plus BACO's pending DSRIP plan.
        #expect(report.created.count == 11)
        #expect(report.created.contains("BACO/pip.aco.pip1.midyear-planning"))
        #expect(report.created.contains("BHOS/pip.hospital.pip1.midyear-planning"))
        #expect(!report.created.contains { $0.hasPrefix("BHOS/pip.aco") })
        let again = try t.sync(from: StaticSchedule(events: try pipEvents()))
        #expect(again.created.isEmpty && again.updated.isEmpty && again.unchanged == 11 && again.stale.isEmpty)
        let fewer = try t.sync(from: StaticSchedule(events: try pipEvents().filter { $0.program == "pip" }))
        #expect(fewer.stale == ["BACO/dsrip.aco.full-participation-plan"])
        let inst = try t.instance("BACO/pip.aco.pip1.midyear-planning")
        #expect(inst.due == "2023-09-30" && inst.status == .planned && inst.source.hasPrefix("D000-01 "))
        #expect(inst.deliverable == "pip-midyear-report")
    }

    @Test func syncRangeKeepsPendingAndDatedInside() throws {
        let t = try makeTracker()
        try addPartners(t)
        let r = try t.sync(from: StaticSchedule(events: try pipEvents()), from: "2024-01-01", to: "2024-12-31", entity: "BHOS")
        #expect(r.created.sorted() == ["BHOS/pip.hospital.pip1.remeasurement-1", "BHOS/pip.hospital.pip2.baseline-planning",
                                       "BHOS/pip.hospital.pip2.midyear-planning"])
    }

    @Test func recordedTriggerDatesAPendingInstanceAndHistoryShowsIt() throws {
        let t = try makeTracker()
        try addPartners(t)
        let provider = TriggerResolvingSchedule(events: try pipEvents())
        _ = try t.sync(from: provider)
        #expect(try t.instance("BACO/dsrip.aco.full-participation-plan").due == nil)
        try t.recordTrigger("dsrip.aco.full-participation-plan", date: "2023-10-02", entity: "BACO")
        let r = try t.sync(from: provider)
        #expect(r.updated == ["BACO/dsrip.aco.full-participation-plan"])
        let h = try t.history("BACO/dsrip.aco.full-participation-plan")
        #expect(h.instance.due == "2023-11-01" && h.instance.dueStatus == "derived")
        #expect(h.events.count == 2)
        #expect(h.events[1].note?.contains("due pending") == true && h.events[1].note?.contains("due 2023-11-01") == true)
    }

    @Test func badInputWritesNothing() throws {
        let t = try syncedPartners()
        let count = try t.store.read { try $0.eventCount() }
        let key = "BACO/pip.aco.pip1.midyear-planning"
        #expect(trackerError { try t.setStatus(key, to: .submitted) }?.diagnostic.rule == "track.illegal-transition")
        #expect(trackerError { try t.setStatus("NOPE/x", to: .drafting) }?.diagnostic.rule == "track.unknown-entity")
        #expect(trackerError { try t.setStatus("BACO/nothing", to: .drafting) }?.diagnostic.rule == "track.unknown-instance")
        #expect(trackerError { try t.recordTrigger("x", date: "2023-13-01") }?.diagnostic.rule == "track.bad-date")
        #expect(trackerError { _ = try t.sync(from: StaticSchedule(events: []), entity: "ZZZ") }?.diagnostic.rule == "track.unknown-entity")
        #expect(trackerError { try t.addEntity(Entity(abbreviation: "X", name: "X", type: "hospital", partners: ["NOPE"])) }?
            .diagnostic.rule == "track.unknown-entity")
        #expect(try t.store.read { try $0.eventCount() } == count)
        #expect(try t.instance(key).status == .planned)
        #expect(try t.entities().map(\.abbreviation) == ["BACO", "BHOS"])
    }

    @Test func partnershipIsRecordedOnBothSides() throws {
        let t = try makeTracker()
        try addPartners(t)
        #expect(try t.entity("BHOS").partners == ["BACO"])
        #expect(try t.entity("BACO").contacts.first?.email == "ann@example.org")
        try t.addEntity(Entity(abbreviation: "BACO", name: "Bay ACO", type: "acpp"))
        #expect(try t.entity("BHOS").partners == [])
        try t.addEntity(Entity(abbreviation: "H2", name: "Second Hospital", type: "hospital"))
        #expect(trackerError { try t.addEntity(Entity(abbreviation: "H3", name: "H3", type: "hospital", partners: ["H2"])) }?
            .diagnostic.message.contains("pair an ACO") == true)
        #expect(trackerError { try t.addEntity(Entity(abbreviation: "M", name: "M", type: "mco", partners: ["H2"])) } != nil)
        #expect(trackerError { try t.addEntity(Entity(abbreviation: "A", name: "A", type: "aco", partnerExempt: true, partners: ["H2"])) }?
            .diagnostic.message.contains("partner-exempt") == true)
        #expect(try t.entities().map(\.abbreviation) == ["BACO", "BHOS", "H2"])
    }

    @Test func reviewPartiallyMetRequiresResubmissionDate() throws {
        let t = try syncedPartners()
        let key = "BHOS/pip.hospital.pip1.midyear-planning"
        for s in [InstanceStatus.drafting, .filled, .validated, .uploaded, .submitted] { try t.setStatus(key, to: s) }
        let pm = [CriterionRating(criterion: "key-contacts", rating: .met),
                  CriterionRating(criterion: "mid-year-narrative", rating: .partiallyMet, comment: "expand challenges")]
        #expect(trackerError { try t.review(key, criteria: pm) }?.diagnostic.rule == "track.resubmit-date-required")
        #expect(trackerError { try t.review(key, criteria: [pm[0]], resubmitBy: nil) }?.diagnostic.message.contains("not rated: mid-year-narrative") == true)
        let inst = try t.review(key, criteria: pm, comment: "see comments", resubmitBy: "2023-11-15")
        #expect(inst.status == .resubmissionRequired && inst.resubmitBy == "2023-11-15" && inst.effectiveDue == "2023-11-15")
        let h = try t.history(key)
        #expect(h.reviews.count == 1 && h.reviews[0].criteria[1].comment == "expand challenges")
        #expect(h.events.suffix(2).map(\.to) == [.reviewed, .resubmissionRequired])
    }

    @Test func artifactsMoveTheNearestOpenInstanceAndRecordTheHash() throws {
        let t = try syncedPartners()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("abc-\(UUID().uuidString).txt").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: file))
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        let filled = try t.recordArtifact(entity: "BACO", deliverable: "pip-midyear-report", kind: .filled, file: file)
        #expect(filled.instance == "BACO/pip.aco.pip1.midyear-planning" && filled.to == .filled && filled.sha256 == abc)
        let bad = try t.recordArtifact(entity: "BACO", deliverable: "pip-midyear-report", kind: .validated(valid: false), file: file)
        #expect(bad.to == .filled)
        #expect(try t.instance(filled.instance).validation == "invalid")
        let good = try t.recordArtifact(entity: "BACO", deliverable: "pip-midyear-report", kind: .validated(valid: true), file: file)
        #expect(good.to == .validated)
        let events = try t.history(filled.instance).events
        #expect(events.last?.sha256 == abc && events.last?.file == file)
        #expect(trackerError { try t.recordArtifact(entity: "BACO", deliverable: "hqe-strategic-plan", kind: .filled, file: file) }?
            .diagnostic.rule == "track.no-open-instance")
    }

    @Test func artifactBatchIsAllOrNothing() throws {
        let t = try syncedPartners()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("b-\(UUID().uuidString).md").path
        try Data("report".utf8).write(to: URL(fileURLWithPath: file))
        let good = ArtifactInput(entity: "BHOS", deliverable: "pip-midyear-report", kind: .filled, file: file)
        let bad = ArtifactInput(entity: "NOPE", deliverable: "pip-midyear-report", kind: .filled, file: file)
        #expect(trackerError { try t.recordArtifacts([good, bad]) }?.diagnostic.rule == "track.unknown-entity")
        #expect(try t.instance("BHOS/pip.hospital.pip1.midyear-planning").status == .planned)
        let done = try t.recordArtifacts([good, ArtifactInput(entity: "BACO", deliverable: "pip-midyear-report", kind: .validated(valid: true), file: file)])
        #expect(done.map(\.to) == [.filled, .validated])
        #expect(try t.history("BACO/pip.aco.pip1.midyear-planning").events.map(\.to) == [.planned, .filled, .validated])
    }

    @Test func historyIsAppendOnly() throws {
        let t = try syncedPartners()
        let store = try #require(t.store as? SQLiteTrackerStore)
        #expect(throws: (any Error).self) { try store.execute("UPDATE event SET note = 'x'") }
        #expect(throws: (any Error).self) { try store.execute("DELETE FROM event") }
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func whoAndWhenComeFromTheEnvironment() throws {
        let c = try TrackerContext.fromEnvironment(by: nil, environment: ["USER": "u", "DOCKET_USER": "d", "DOCKET_NOW": "2024-03-05T10:11:12Z"])
        #expect(c.user == "d" && c.timestamp == "2024-03-05T10:11:12Z" && c.today == "2024-03-05")
        #expect(try TrackerContext.fromEnvironment(by: "lead", environment: ["USER": "u"]).user == "lead")
        #expect(try TrackerContext.fromEnvironment(environment: [:]).user == "unknown")
        #expect(trackerError { _ = try TrackerContext.fromEnvironment(environment: ["DOCKET_NOW": "soon"]) } != nil)
    }
}
