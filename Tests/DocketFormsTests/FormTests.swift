import DocketCore
@testable import DocketDOCX
import DocketForms
import DocketTestSupport
import DocketXML
import Foundation
import Testing

/// `docket form`'s library: blank and pre-filled forms, their control kinds, and what extract
/// and validate make of them.
@Suite struct FormTests {
    static let ids = ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"]

    func form(_ id: String, _ data: JSONValue = [:]) throws -> URL {
        let r = FormBuilder.build(try #require(Forms.registry.deliverable(id: id)), data: data, date: "2023-09-29")
        let bytes = try #require(r.bytes, "\(r.diagnostics.map(\.message))")
        #expect(r.diagnostics.filter(\.isError).isEmpty)
        let url = TestPaths.temporaryDirectory("form").appendingPathComponent(try #require(r.fileName))
        try bytes.write(to: url)
        return url
    }

    /// The sdtPr of each answer region, by tag key.
    func controls(_ url: URL) throws -> [String: XMLElement] {
        let package = try OOXMLPackage.load(docx: url)
        let doc = try SafeXMLParser.parse([UInt8](try #require(package.parts["word/document.xml"])))
        var out: [String: XMLElement] = [:]
        doc.root.forEachDescendant { e, _ in
            if e.name == "w:sdtPr", e.child("w15:repeatingSection") == nil,  // a list's section is not an answer
               let tag = e.child("w:tag")?.attribute("w:val"), let t = AnswerTag(tag: tag) { out[t.key] = e }
        }
        return out
    }

    @Test func blankFormHasTheSchemaKindsOfControl() throws {
        let url = try form("pip-midyear-report")
        #expect(url.lastPathComponent == "ABBR_PIPMidYearReport_09292023.docx")
        let c = try controls(url)
        let rating = try #require(c["review.criteria.keyContacts.rating"])
        #expect(rating.child("w:dropDownList")?.elements.compactMap { $0.attribute("w:value") } == ["Met", "Partially Met", "Did Not Meet"])
        #expect(c["midYearPlanning.response"]?.child("w:richText") != nil)
        // Inline answers are rich-text controls without `w:text`: LibreOffice keeps their text (FormBuilder.control).
        #expect(c["entity.name"] != nil && c["entity.name"]?.child("w:text") == nil)
        #expect(c.values.allSatisfy { $0.child("w:showingPlcHdr") != nil })
        let hqe = try controls(try form("hqe-strategic-plan"))
        #expect(hqe["check:commitment.publicStatement.exists"]?.child("w14:checkbox") != nil)

        for id in Self.ids {
            let violations = try OOXMLOrder.violations(in: OOXMLPackage.load(docx: try form(id)))
            #expect(violations.isEmpty, "\(id): \(violations.map(\.description))")
        }
    }

    @Test(arguments: ids)
    func blankFormExtractsNothingAndValidateNamesEachRequiredAnswer(_ id: String) throws {
        let url = try form(id)
        let text = try String(decoding: #require(OOXMLPackage.load(docx: url).parts["word/document.xml"]), as: UTF8.self)
        #expect(!text.contains("[MISSING"))
        let extraction = try FormExtractor.extract(docx: url, registry: Forms.registry, deliverable: id)
        #expect(extraction.data == [:], "\(extraction.yaml)")
        let report = Forms.validate(url)
        let named = Set(report.errors.compactMap(\.instanceLocation).map(JSONPointer.dotted))
        for required in ["entity.name", "entity.abbreviation"] { #expect(named.contains(required), "\(id): \(named.sorted())") }
    }

    @Test func blankFormSavedByLibreOfficeStillExtractsNothing() throws {
        _ = try Tools.require("soffice")
        let saved = try Readers.libreOfficeConvert(try form("pip-midyear-report"), to: "docx")
        let extraction = try FormExtractor.extract(docx: saved, registry: Forms.registry, deliverable: "pip-midyear-report")
        #expect(extraction.data == [:], "\(extraction.yaml)")
    }

    @Test func prefilledFormGivesItsDataBack() throws {
        let partial: JSONValue = ["entity": ["name": "Merrimack Bay Regional Hospital", "abbreviation": "MBRH"],
                                  "contacts": ["executiveSponsor": ["name": "Dr. Elena Marquez-Whitfield", "email": "emarquez@mbrh.example.org"]],
                                  "review": ["reviewer": "MassHealth Health Equity Team", "date": "2023-10-27", "criteria": ["keyContacts": ["rating": "Met"]]]]
        let url = try form("pip-midyear-report", partial)
        #expect(url.lastPathComponent == "MBRH_PIPMidYearReport_09292023.docx")
        let extraction = try FormExtractor.extract(docx: url, registry: Forms.registry)
        #expect(extraction.data == partial, "\(extraction.yaml)")
        let c = try controls(url)
        #expect(c["entity.name"]?.child("w:showingPlcHdr") == nil && c["contacts.clinicalLead.name"]?.child("w:showingPlcHdr") != nil)
        let date = try #require(c["review.date"]?.child("w:date"))  // a date picker, M/d/yyyy, holding the date
        #expect(date.child("w:dateFormat")?.attribute("w:val") == "M/d/yyyy" && date.attribute("w:fullDate") == "2023-10-27T00:00:00Z")
    }
}
