import DocketCore
@testable import DocketDOCX
@testable import DocketForms
import DocketTestSupport
import DocketXML
import Foundation
import Testing

/// `docket form --lock`: fixed text protected in Word, answers open (FormLock).
@Suite struct FormLockTests {
    func lockedForm(_ id: String, _ data: JSONValue = [:]) throws -> URL {
        let r = FormBuilder.build(try #require(Forms.registry.deliverable(id: id)), data: data, date: "2023-09-29", lock: true)
        let url = TestPaths.temporaryDirectory("form-lock").appendingPathComponent(try #require(r.fileName))
        try #require(r.bytes, "\(r.diagnostics.map(\.message))").write(to: url)
        return url
    }

    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
    func everyAnswerIsAnEditingExceptionOfAProtectedDocument(_ id: String) throws {
        let package = try OOXMLPackage.load(docx: try lockedForm(id))
        let settings = try SafeXMLParser.parse([UInt8](try #require(package.parts["word/settings.xml"]))).root
        let protection = try #require(settings.child("w:documentProtection"))
        #expect(protection.attribute("w:edit") == "readOnly" && protection.attribute("w:enforcement") == "1")
        let body = try SafeXMLParser.parse([UInt8](try #require(package.parts["word/document.xml"]))).root
        let starts = body.descendants { $0.name == "w:permStart" }, ends = body.descendants { $0.name == "w:permEnd" }
        #expect(!starts.isEmpty && starts.count == ends.count)
        #expect(Set(starts.compactMap { $0.attribute("w:id") }) == Set(ends.compactMap { $0.attribute("w:id") }))
        #expect(starts.allSatisfy { $0.attribute("w:edGrp") == "everyone" })
        // Every answer control is locked against deletion and inside an exception.
        var answers = 0, outside = 0
        func walk(_ e: XMLElement, open: Bool) {
            var inside = open
            for node in e.children {
                guard case .element(let c) = node else { continue }
                if c.name == "w:permStart" { inside = true; continue }
                if c.name == "w:permEnd" { inside = open; continue }
                if c.name == "w:sdt", c.child("w:sdtPr")?.child("w:tag")?.attribute("w:val")?.hasPrefix("docket:") == true {
                    answers += 1
                    if !inside { outside += 1 }
                    #expect(c.child("w:sdtPr")?.child("w:lock")?.attribute("w:val") == "sdtLocked")
                }
                walk(c, open: inside)
            }
        }
        walk(body, open: false)
        #expect(answers > 0 && outside == 0, "\(id): \(outside) of \(answers) answers outside an editing exception")
        #expect(try OOXMLOrder.violations(in: package).isEmpty)
    }

    /// The lock does not change what the form holds: LibreOffice opens it, python-docx reads it,
    /// and a pre-filled locked form extracts its data.
    @Test func aLockedFormStillOpensAndExtracts() throws {
        let data = try Forms.example("pip-midyear-report")
        let url = try lockedForm("pip-midyear-report", data)
        let extraction = try FormExtractor.extract(docx: url, registry: Forms.registry)
        #expect(extraction.data.value(at: "/entity/name") == data.value(at: "/entity/name"))
        _ = try Tools.require("soffice")
        #expect(try Readers.libreOfficeText(url).contains("Key Contacts Updates"))
        let py = try Readers.runPython("import sys, docx; d = docx.Document(sys.argv[1]); print(len(d.paragraphs))", [url.path])
        #expect(py.status == 0 && (Int(py.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 10, "\(py.stderr)")
    }
}
