import DocketCore
import DocketDeliverables
import DocketTestSupport
import Foundation
import Testing

/// The derived fields (`derived.*`, `docket.*`) and OnBase names, computed from data.
@Suite struct DerivationTests {
    // MARK: Registry and names

    @Test func registryFindsTheThreeDeliverables() throws {
        #expect(Shipped.registry.ids == ["hqe-strategic-plan", "ia-midpoint-assessment", "pip-baseline-report", "pip-closure-report",
                                        "pip-midyear-report", "pip-remeasurement-report"])
        for d in Shipped.registry.deliverables {
            for url in [d.templateMarkdownURL, d.exampleURL, d.schemaURL, d.docxFolderURL.appendingPathComponent("word/document.xml")] {
                #expect(FileManager.default.fileExists(atPath: url.path), "\(d.id): \(url.path)")
            }
            #expect(!d.ruleIDs.isEmpty)
        }
    }

    /// The tracker and the workspace's review form take a review's criterion ids from here.
    @Test func reviewCriteriaAreTheRubricsIDs() {
        #expect(Shipped.registry.reviewCriteria["pip-midyear-report"] == ["key-contacts", "mid-year-narrative"])
        #expect(Shipped.registry.reviewCriteria["ia-midpoint-assessment"] == nil)
    }

    @Test func registryReportsAMismatchedId() throws {
        let root = TestPaths.temporaryDirectory()
        let folder = root.appendingPathComponent("Templates/bad-one")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "id: other-name\ntitle: X\n".write(to: folder.appendingPathComponent("deliverable.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticList.self) { try DeliverableRegistry.load(root: root) }
    }

    @Test func onBaseNamesFollowThePatterns() {
        #expect(Shipped.deliverable("pip-midyear-report").fileName(data: Shipped.example("pip-midyear-report"), date: "2023-09-30")
                == "MBRH_PIPMidYearReport_09302023")
        #expect(Shipped.deliverable("hqe-strategic-plan").fileName(data: Shipped.example("hqe-strategic-plan"), date: "2023-12-29")
                == "PVHPP_HQEStrategicPlan_12292023")
        #expect(Shipped.deliverable("ia-midpoint-assessment").fileName(data: Shipped.example("ia-midpoint-assessment"), date: "2020-12-01")
                == "CCP_MidpointAssessment_12012020")
    }

    @Test func dataCanOverrideTheNamePattern() {
        var data = Shipped.example("hqe-strategic-plan")
        data.setTestValue(["fileNamePattern": "{{entity.abbreviation}}-{{entity.contractType}}_Plan_{{mmddyyyy(docket.date)}}"], key: "options")
        #expect(Shipped.deliverable("hqe-strategic-plan").fileName(data: data, date: "2023-12-29") == "PVHPP-ACPP_Plan_12292023")
    }

    @Test func enrichAddsDocketFields() {
        let e = Shipped.deliverable("pip-midyear-report").enrich(Shipped.example("pip-midyear-report"), date: "2023-09-30")
        #expect(e["docket"]?["date"] == "2023-09-30")
        #expect(e["docket"]?["deliverable"] == "pip-midyear-report")
        #expect(e["docket"]?["fileName"] == "MBRH_PIPMidYearReport_09302023")
        #expect(e["entity"] == Shipped.example("pip-midyear-report")["entity"])
    }

    // MARK: PIP

    func pipDerived(_ change: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var data = Shipped.example("pip-midyear-report")
        change(&data)
        return Shipped.deliverable("pip-midyear-report").enrich(data, date: Shipped.date)["derived"]!
    }

    @Test func pipPrintsBothAppendicesUnlessTheDataChooses() {
        #expect(pipDerived()["appendices"]?.arrayValue?.map { $0["letter"] } == ["A", "B"])
        #expect(pipDerived()["appendixNote"] == "")
        let aco = pipDerived { $0.setTestValue("aco", key: "entity", "type") }
        #expect(aco["appendices"]?.arrayValue?.map { $0["letter"] } == ["A", "B"], "the entity type does not drop an appendix")
        #expect(pipDerived()["appendices"]?[0]?["alternativeMeasures"]?.arrayValue?.count == 7)
        #expect(pipDerived()["appendices"]?[1]?["alternativeMeasures"]?.arrayValue?.count == 4)
        let onlyA = pipDerived { $0.setTestValue(["appendices": ["A"]], key: "options") }
        #expect(onlyA["appendices"]?.arrayValue?.map { $0["letter"] } == ["A"])
        #expect(onlyA["appendixNote"] == "This copy prints Appendix A (Acute Hospitals) only, as chosen in its data (options.appendices); the published form carries Appendix A (Acute Hospitals) and Appendix B (ACOs).")
        let both = pipDerived { $0.setTestValue(["appendices": ["B", "A"]], key: "options") }
        #expect(both["appendices"]?.arrayValue?.map { $0["letter"] } == ["A", "B"], "in the form's order")
        #expect(both["appendixNote"] == "")
    }

    @Test func pipReviewDatedBeforeTheSubmissionIsNoted() {
        #expect(pipDerived()["reviewDateNote"] == "", "the example's review has no date")
        let early = pipDerived { $0.setTestValue("2023-09-01", key: "review", "date") }
        #expect(early["reviewDateNote"] == "the review is dated September 1, 2023, before this submission (September 29, 2023).")
        let later = pipDerived { $0.setTestValue("2023-10-27", key: "review", "date") }
        #expect(later["reviewDateNote"] == "")
        var data = Shipped.example("pip-midyear-report")
        data.setTestValue("2023-09-01", key: "review", "date")
        #expect(Shipped.markdown("pip-midyear-report", data: data).output.contains("*Added by Docket: the review is dated September 1, 2023, before this submission (September 29, 2023).*"))
    }

    @Test func pipResubmissionIsDerivedFromTheReview() {
        #expect(pipDerived()["resubmissionRequired"] == true)
        #expect(pipDerived()["reviewOutcome"] == "Resubmission required (Mid-Year Planning for PIP 1: Partially Met).")
        let met = pipDerived { $0.setTestValue("Met", key: "review", "criteria", "narrative", "rating") }
        #expect(met["resubmissionRequired"] == false)
        #expect(met["reviewOutcome"] == "All criteria Met; no resubmission required.")
        let none = pipDerived { $0.setTestValue(nil, key: "review") }
        #expect(none["reviewed"] == false)
        #expect(none["resubmissionRequired"] == false)
        #expect(none["rubric"]?[1]?["rating"] == .null)
        #expect(none["rubric"]?[1]?["criteria"] == "Entities provide a narrative for mid-year planning that includes, in sufficient detail, elements of the prompt")
    }

    @Test func pipKeyContactsKeepBlankRolesAndListOthers() {
        let rows = pipDerived()["keyContacts"]?.arrayValue ?? []
        #expect(rows.map { $0["path"]?.stringValue } == ["contacts.executiveSponsor", "contacts.clinicalLead", "contacts.projectManager",
                                                       "contacts.other.0", "contacts.other.1"])
        #expect(rows[2]["unchanged"] == true)
        #expect(rows[2]["name"] == .null)
        #expect(rows[3]["role"] == "Health Equity Data Analyst")
        let noOthers = pipDerived { $0.setTestValue([], key: "contacts", "other") }["keyContacts"]?.arrayValue ?? []
        #expect(noOthers.count == 4)
        #expect(noOthers[3]["label"] == "Other Supporting Personnel, Role for PIPs, and Email/Contact Information")
    }

    // MARK: HQE

    @Test(arguments: [("ACPP", "Accountable Care Partnership Plan (ACPP)"), ("PCACO", "Primary Care ACO (PCACO)"), ("MCO", "Managed Care Organization (MCO)")])
    func hqeContractTypeIsALabelNotARewrite(type: String, label: String) {
        var data = Shipped.example("hqe-strategic-plan")
        data.setTestValue(.string(type), key: "entity", "contractType")
        let d = Shipped.deliverable("hqe-strategic-plan").enrich(data, date: Shipped.date)["derived"]!
        #expect(d["contractTypeLabel"] == .string(label))
        #expect(d["org"] == nil, "nothing to put where the form says ACO/MCO")
    }

    // MARK: IA

    func iaDerived(_ change: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var data = Shipped.example("ia-midpoint-assessment")
        change(&data)
        return Shipped.deliverable("ia-midpoint-assessment").enrich(data, date: Shipped.date)["derived"]!
    }

    @Test func iaSentencesAndListsFollowRatings() {
        let d = iaDerived()
        #expect(d["summarySentence"] == "The IA finds that CCP is On track or On track with limited recommendations in five of five focus areas.")
        #expect(d["areasWithoutRecommendations"] == ["Integration of Systems and Processes", "Workforce Development"])
        #expect(d["areasWithRecommendations"]?.arrayValue?.map { $0["name"] } ==
                ["Organizational Structure and Engagement", "Health Information Technology and Exchange", "Care Model"])
        #expect(d["enrollmentCount"] == "3,237")

        let worse = iaDerived {
            $0.setTestValue("Opportunity for improvement", key: "focusAreas", "4", "rating")
            $0.setTestValue([], key: "focusAreas", "0", "recommendations")
            $0.setTestValue("On track", key: "focusAreas", "0", "rating")
        }
        #expect(worse["summarySentence"] == "The IA finds that CCP is On track or On track with limited recommendations in four of five focus areas.")
        #expect(worse["overallSentence"]?.stringValue?.contains("in four of five focus areas of progress") == true)
        #expect(worse["focusAreas"]?[4]?["findingSentence"] == "The IA finds that CCP is Opportunity for improvement in the Care Model focus area.")
        #expect(worse["focusAreas"]?[0]?["findingSentence"] ==
                "The IA finds that CCP is On track with no recommendations in the Organizational Structure and Engagement focus area.")
        #expect(worse["areasWithoutRecommendations"]?.arrayValue?.count == 3)
    }

    /// The report's own Results sentence (the seed's "CCP has an On track …", l.336) is printed as
    /// written; one that no longer names the area's rating gives way to the standard sentence.
    @Test func iaReportsOwnFindingSentenceIsKeptWhileItAgreesWithTheRating() {
        #expect(iaDerived()["focusAreas"]?[4]?["findingSentence"] ==
                "The IA finds that CCP has an On track with limited recommendations in the Care Model focus area.")
        let none = iaDerived { $0.setTestValue(nil, key: "focusAreas", "4", "findingSentence") }
        #expect(none["focusAreas"]?[4]?["findingSentence"] == "The IA finds that CCP is On track with limited recommendations in the Care Model focus area.")
    }

    @Test func iaAreasFollowTheFrameworkOrderNotTheDataOrder() {
        let d = iaDerived { data in
            let areas = data["focusAreas"]!.arrayValue!
            data.setTestValue(.array(areas.reversed()), key: "focusAreas")
        }
        #expect(d["focusAreas"]?.arrayValue?.map { $0["number"] } == [1, 2, 3, 4, 5])
        #expect(d["focusAreas"]?[0]?["path"] == "focusAreas.4")
        #expect(d["focusAreas"]?[0]?["rating"] == "On track with limited recommendations")
    }
}

extension JSONValue {
    /// Test helper: sets a value at an object/array path (array indices as strings); nil removes.
    mutating func setTestValue(_ value: JSONValue?, key first: String, _ rest: String...) {
        set(value, Array([first] + rest))
    }

    private mutating func set(_ value: JSONValue?, _ keys: [String]) {
        guard let key = keys.first else { self = value ?? .null; return }
        switch self {
        case .array(var a):
            let i = Int(key)!
            if keys.count == 1, value == nil { a.remove(at: i) } else { a[i].set(value, Array(keys.dropFirst())) }
            self = .array(a)
        default:
            var o = objectValue ?? [:]
            if keys.count == 1, value == nil { o[key] = nil } else {
                var child = o[key] ?? .null
                child.set(value, Array(keys.dropFirst()))
                o[key] = child
            }
            self = .object(o)
        }
    }
}
