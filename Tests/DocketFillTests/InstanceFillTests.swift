import DocketCalendar
import DocketCore
import DocketDeliverables
import DocketFill
import DocketTestSupport
import Foundation
import Testing

/// `fill --instance`: every PIP and Strategic Plan event the tracker instantiates fills the right
/// deliverable with its PIP number, remeasurement, year and due date (issue 12).
@Suite struct InstanceFillTests {
    static let registry = try! DeliverableRegistry.load(root: TestPaths.packageRoot)  // test fixture: the shipped Templates/ must load
    static let calendar = DueDates.load(root: TestPaths.packageRoot)!  // test fixture: the shipped schedule must load

    /// The shipped example of `deliverable`, made the given entity type's, without the fields an instance sets.
    static func example(_ deliverable: Deliverable, entityType: String) throws -> LoadedData {
        var loaded = try DataLoader.load(path: deliverable.exampleURL.path)
        for key in ["pip", "remeasurement", "year"] { loaded.value.setValue(.null, at: [key]) }
        if case .object(var o) = loaded.value { o = o.filter { $0.value != .null }; loaded.value = .object(o) }
        let value = entityType == "hospital" ? "acute-hospital" : entityType
        if loaded.value.value(atDotted: "entity.type") != nil { loaded.value.setValue(.string(value), atDotted: "entity.type") }
        return loaded
    }

    static func fill(_ key: String, data: LoadedData? = nil, _ kind: OutputKind = .md, date: String = "2023-09-29") throws -> (InstanceFill, FillResult) {
        let instance = try InstanceFill.resolve(key, calendar: calendar)
        let deliverable = try #require(registry.deliverable(id: instance.deliverable), "no deliverable \(instance.deliverable)")
        let type = instance.event.entityTypes.first ?? ""
        let input = try data ?? example(deliverable, entityType: type)
        let pipeline = try FillPipeline(target: DeliverableTarget(deliverable: deliverable), formats: [kind], dueDates: calendar)
        return (instance, pipeline.fill(FillRequest(input: .data(input), format: kind, date: date, instance: instance)))
    }

    static var pipEvents: [CalendarEvent] {
        calendar.events.values.filter { $0.program == "pip" && $0.id.hasPrefix("pip.") && $0.id.contains(".pip") }
            .sorted { $0.id < $1.id }
    }

    @Test func everyPIPEventOfAHospitalAndAnACONamesADeliverable() {
        let events = Self.pipEvents
        #expect(events.count == 20, "\(events.map(\.id))")
        for e in events {
            #expect(e.deliverable.map { Self.registry.deliverable(id: $0) != nil } == true, "\(e.id) → \(e.deliverable ?? "nothing")")
            #expect(e.deliverableOptions?["pip"] != nil, "\(e.id)")
        }
    }

    @Test(arguments: pipEvents.map(\.id))
    func eachPIPEventFillsTheRightReportAndDueDate(_ id: String) throws {
        let abbreviation = id.contains(".aco.") ? "HBHP" : "MBRH"
        let example = try Self.example(try #require(Self.registry.deliverable(id: try InstanceFill.resolve("X/\(id)", calendar: Self.calendar).deliverable)),
                                       entityType: id.contains(".aco.") ? "aco" : "hospital")
        var data = example
        data.value.setValue(.string(abbreviation), atDotted: "entity.abbreviation")
        let (instance, r) = try Self.fill("\(abbreviation)/\(id)", data: data)
        #expect(r.status == .success, "\(id): \(r.diagnostics.filter(\.isError).map(\.message))")
        let text = String(decoding: r.bytes ?? Data(), as: UTF8.self)
        guard case .int(let pip) = instance.event.deliverableOptions?["pip"] else { Issue.record("no pip option"); return }
        let due = try #require(instance.event.due.flatMap(LocalDate.init))
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let long = "\(months[due.month - 1]) \(due.day), \(due.year)"
        #expect(text.contains("PIP \(pip)"), "\(id)")
        #expect(text.contains(long), "\(id): due \(long) not printed")
        if case .int(let m) = instance.event.deliverableOptions?["remeasurement"] { #expect(text.contains("Remeasurement \(m)"), "\(id)") }
        #expect(r.fileName?.hasPrefix(abbreviation + "_PIP") == true, "\(r.fileName ?? "")")
    }

    @Test func pip2MidYearIsPIP2sFormWithItsGuidance() throws {
        let (_, r) = try Self.fill("MBRH/pip.hospital.pip2.midyear-planning")
        let text = String(decoding: try #require(r.bytes), as: UTF8.self)
        #expect(text.contains("**Due September 30, 2024**"))
        #expect(text.contains("by September 30, 2024, via OnBase"))
        #expect(text.contains("## Mid-Year Planning for PIP 2:"))
        #expect(text.contains("implementing PIP 2."))
        #expect(!text.contains("Mid-Year Planning for PIP 1"))
        #expect(text.contains("Added by Docket: the form's guidance for PIP 2"))
        // PIP 1's report is the form as published.
        let (_, one) = try Self.fill("MBRH/pip.hospital.pip1.midyear-planning")
        let first = String(decoding: try #require(one.bytes), as: UTF8.self)
        #expect(first.contains("**Due September 30, 2023**") && first.contains("## Mid-Year Planning for PIP 1:"))
        #expect(!first.contains("guidance for PIP"))
    }

    @Test func pip2RulesApply() throws {
        let deliverable = try #require(Self.registry.deliverable(id: "pip-midyear-report"))
        var obstetric = try Self.example(deliverable, entityType: "hospital")
        obstetric.value.setValue(true, atDotted: "entity.obstetricDelivery")
        obstetric.value.setValue(["domain": "Care for Acute and Chronic Conditions", "measures": ["Asthma Medication Ratio"]], at: ["pips", "pip2"])
        let (_, r26) = try Self.fill("MBRH/pip.hospital.pip2.midyear-planning", data: obstetric)
        #expect(r26.status == .invalid)
        #expect(r26.diagnostics.contains { $0.rule == "R000-26" && $0.instanceLocation == "/pips/pip2/domain" }, "\(r26.diagnostics.map(\.rule))")

        var same = try Self.example(deliverable, entityType: "hospital")
        same.value.setValue(["domain": "Care Coordination"], at: ["pips", "pip1"])
        same.value.setValue(["domain": "care coordination"], at: ["pips", "pip2"])
        let (_, r24) = try Self.fill("MBRH/pip.hospital.pip2.midyear-planning", data: same)
        #expect(r24.diagnostics.contains { $0.rule == "R000-24" && $0.instanceLocation == "/pips/pip2/domain" }, "\(r24.diagnostics.map(\.rule))")
    }

    @Test func theDataMustAgreeWithTheInstance() throws {
        let deliverable = try #require(Self.registry.deliverable(id: "pip-midyear-report"))
        var wrongPIP = try Self.example(deliverable, entityType: "hospital")
        wrongPIP.value.setValue(1, at: ["pip"])
        let (_, a) = try Self.fill("MBRH/pip.hospital.pip2.midyear-planning", data: wrongPIP)
        #expect(a.status == .invalid && a.diagnostics.contains { $0.rule == "fill.instance" && $0.message.contains("`pip`") })

        let (_, b) = try Self.fill("BMC/pip.hospital.pip2.midyear-planning")
        #expect(b.status == .invalid && b.diagnostics.contains { $0.rule == "fill.instance" && $0.message.contains("`BMC`") })

        let aco = try Self.example(deliverable, entityType: "hospital")
        let (_, c) = try Self.fill("MBRH/pip.aco.pip2.midyear-planning", data: aco)
        #expect(c.status == .invalid && c.diagnostics.contains { $0.rule == "fill.instance" && $0.instanceLocation == nil })
    }

    @Test func malformedAndUnknownInstancesAreTypedProblems() {
        #expect(throws: InstanceFill.Problem.malformed("MBRH")) { try InstanceFill.resolve("MBRH", calendar: Self.calendar) }
        #expect(throws: InstanceFill.Problem.unknownEvent("pip.hospital.pip2.midyear", suggestion: "pip.hospital.pip2.midyear-planning")) {
            try InstanceFill.resolve("MBRH/pip.hospital.pip2.midyear", calendar: Self.calendar)
        }
        let without = Self.calendar.events.values.first { $0.deliverable == nil }!
        #expect(throws: InstanceFill.Problem.noDeliverable(without.id)) { try InstanceFill.resolve("MBRH/\(without.id)", calendar: Self.calendar) }
    }

    @Test func strategicPlanYearsComeFromTheCalendar() throws {
        let key = "HBHP/hqe.strategic-plan.2025"
        let instance = try InstanceFill.resolve(key, calendar: Self.calendar)
        #expect(instance.deliverable == "hqe-strategic-plan")
        #expect(instance.options["year"] == .int(2025))
        #expect(instance.event.due == "2025-12-31")
    }

    @Test func theListingShowsTheEventsEachDeliverableAnswers() {
        let targets = Self.registry.deliverables.map(DeliverableTarget.init(deliverable:))
        let text = FillListing.text(targets, calendar: Self.calendar)
        #expect(text.contains("    pip.hospital.pip2.midyear-planning"))
        #expect(text.contains("due 2024-09-30  pip=2"))
        let json = FillListing.json(targets, calendar: Self.calendar)
        let pip = json.arrayValue?.first { $0["id"] == "pip-midyear-report" }
        #expect(pip?["events"]?.arrayValue?.count == 4)
    }
}
