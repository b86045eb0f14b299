import DocketCalendar
import DocketTestSupport
import Testing
@testable import DocketTracker

@Suite struct CalendarProviderTests {
    func provider() throws -> CalendarScheduleProvider {
        let path = Schedule.bundledDefaultURL(packageRoot: TestPaths.packageRoot).path
        return try CalendarScheduleProvider.load(path: path)
    }

    @Test func acppReceivesACOEventsAndUnknownTypesAreIgnored() throws {
        let p = try provider()
        let events = try p.events(entityTypes: ["acpp", "obstetric"], from: "2023-01-01", to: "2023-12-31", triggers: [:])
        let mid = try #require(events.first { $0.id == "pip.aco.pip1.midyear-planning" })
        #expect(mid.due == "2023-09-30" && mid.deliverable == "pip-midyear-report" && mid.source.reference == "D000-01")
        #expect(!events.contains { $0.id.hasPrefix("pip.hospital.") })
        #expect(try p.events(entityTypes: ["obstetric"], from: nil, to: nil, triggers: [:]).isEmpty)
    }

    @Test func recordedTriggersDatePendingEvents() throws {
        let p = try provider()
        let id = "dsrip.aco.full-participation-plan"
        #expect(p.triggerIDs.contains(id))
        let pending = try p.events(entityTypes: ["aco"], from: nil, to: nil, triggers: [:]).first { $0.id == id }
        #expect(pending?.due == nil && pending?.status == .pending)
        let dated = try p.events(entityTypes: ["aco"], from: nil, to: nil, triggers: [id: "2023-10-02", "not-a-trigger": "2023-10-02"])
            .first { $0.id == id }
        #expect(dated?.due == "2023-11-01") // D001-04: up to 30 calendar days from notification
    }
}
