import Testing
@testable import DocketTracker

@Suite struct LifecycleTests {
    @Test func happyPathIsLegal() throws {
        let path: [InstanceStatus] = [.planned, .drafting, .filled, .validated, .uploaded, .submitted]
        for (a, b) in zip(path, path.dropFirst()) {
            try Lifecycle.check(instance: "X/e", from: a, to: b)
        }
        try Lifecycle.check(instance: "X/e", from: .reviewed, to: .accepted)
        try Lifecycle.check(instance: "X/e", from: .resubmissionRequired, to: .drafting)
    }

    @Test func illegalMoveNamesTheLegalOnes() {
        let e = trackerError { try Lifecycle.check(instance: "BACO/pip", from: .planned, to: .submitted) }
        #expect(e?.diagnostic.rule == "track.illegal-transition")
        #expect(e?.diagnostic.message.contains("legal from planned: drafting, filled") == true)
    }

    @Test func reviewOnlyFromSubmittedAndNothingAfterAccepted() {
        #expect(!InstanceStatus.submitted.legalNext.contains(.reviewed))
        #expect(Lifecycle.reviewEntry == [.submitted])
        #expect(InstanceStatus.accepted.legalNext.isEmpty)
        #expect(Lifecycle.describeLegal(from: .submitted).contains("track review"))
    }

    @Test func parsesStatusesAndRefusesUnknown() throws {
        #expect(try Lifecycle.parse("resubmission_required") == .resubmissionRequired)
        #expect(throws: TrackerError.self) { try Lifecycle.parse("done") }
    }

    @Test func datesAreStrict() {
        #expect(TrackDate.parse("2024-02-29") != nil)
        #expect(TrackDate.parse("2023-02-29") == nil)
        #expect(TrackDate.parse("2023-9-30") == nil)
        #expect(TrackDate.days(from: "2023-09-01", to: "2023-09-30") == 29)
        #expect(TrackDate.adding(30, to: "2024-02-15") == "2024-03-16")
    }

    @Test func rubricCriteriaParse() throws {
        let c = try Rubric.parse("key-contacts=Partially Met")
        #expect(c.criterion == "key-contacts" && c.rating == .partiallyMet)
        #expect(c.rating.requiresResubmission)
        #expect(!Rating.met.requiresResubmission)
        #expect(throws: TrackerError.self) { try Rubric.parse("key-contacts=great") }
    }

    @Test func contactsParse() {
        #expect(Contact.parse("Ann Lee <ann@example.org> (PIP lead)") == Contact(name: "Ann Lee", role: "PIP lead", email: "ann@example.org"))
        #expect(Contact.parse("Bob") == Contact(name: "Bob"))
    }
}
