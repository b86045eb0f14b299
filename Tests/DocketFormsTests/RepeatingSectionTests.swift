import DocketCore
@testable import DocketDOCX
import DocketForms
import DocketTestSupport
import DocketXML
import Foundation
import Testing

/// Repeating sections (`w15:repeatingSection`) for the lists of a form: what `docket form`
/// writes, and what extract makes of items a person added or deleted in Word, and after LibreOffice.
@Suite struct RepeatingSectionTests {
    func form(_ id: String, _ data: JSONValue = [:]) throws -> URL {
        let r = FormBuilder.build(try #require(Forms.registry.deliverable(id: id)), data: data, date: "2023-09-29")
        let bytes = try #require(r.bytes, "\(r.diagnostics.map(\.message))")
        let url = TestPaths.temporaryDirectory("sections").appendingPathComponent(try #require(r.fileName))
        try bytes.write(to: url)
        return url
    }

    func document(_ url: URL) throws -> XMLElement {
        try SafeXMLParser.parse([UInt8](try #require(OOXMLPackage.load(docx: url).parts["word/document.xml"]))).root
    }

    /// The repeating sections of a document: tag → number of items.
    func sections(_ root: XMLElement) -> [String: Int] {
        var out: [String: Int] = [:]
        root.forEachDescendant { e, _ in
            guard e.name == "w:sdt", let pr = e.child("w:sdtPr"), pr.child("w15:repeatingSection") != nil,
                  let tag = pr.child("w:tag")?.attribute("w:val") else { return }
            out[tag] = e.child("w:sdtContent")?.elements.filter { $0.child("w:sdtPr")?.child("w15:repeatingSectionItem") != nil }.count ?? 0
        }
        return out
    }

    @Test func blankFormsRepeatTheirListsWithTheBoundsInThePlaceholder() throws {
        let hqe = try document(try form("hqe-strategic-plan"))
        let s = sections(hqe)
        #expect(s["docket:plan.goals"] == 3, "\(s)")  // minItems 3
        #expect(s["docket:preparers"] == 1)
        #expect(s["docket:plan.goals.0.swot.strengths"] == 1 && s["docket:plan.goals.2.swot.threats"] == 1, "\(s)")
        #expect(hqe.attribute("xmlns:w15") == RepeatingSections.namespace)
        #expect(hqe.attribute("mc:Ignorable")?.split(separator: " ").contains("w15") == true)
        let text = WMLReader.visibleText(hqe)
        #expect(text.contains("3 to 5 items; the + at the item's end adds one"), "\(text.prefix(3000))")
        let pip = try document(try form("pip-midyear-report"))
        #expect(sections(pip)["docket:contacts.other"] == 1)
        for id in FormTests.ids {
            let violations = try OOXMLOrder.violations(in: OOXMLPackage.load(docx: try form(id)))
            #expect(violations.isEmpty, "\(id): \(violations.map(\.description))")
        }
    }

    @Test func prefilledListsComeBackAsArrays() throws {
        let data = try Forms.example("hqe-strategic-plan")
        let url = try form("hqe-strategic-plan", data)
        let s = sections(try document(url))
        #expect(s["docket:plan.goals"] == data.value(at: "/plan/goals")?.arrayValue?.count)
        let extraction = try FormExtractor.extract(docx: url, registry: Forms.registry)
        let wrong = Forms.mismatches(original: data, extraction: extraction, answers: try DocxAnswers.read(docx: url), schema: try Forms.schema("hqe-strategic-plan"))
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        #expect(extraction.data.value(at: "/plan/goals")?.arrayValue?.count == data.value(at: "/plan/goals")?.arrayValue?.count)
    }

    /// What Word does when a person clicks + on an item: the item is copied with its content
    /// controls and tags as they are; bookmarks are not copied (a name is unique in a document).
    /// Deleting an item removes it. Here with lxml through python-docx.
    static let editItems = """
        import sys, copy, docx
        from docx.oxml.ns import qn
        W15 = '{http://schemas.microsoft.com/office/word/2012/wordml}'
        d = docx.Document(sys.argv[1])
        def section(tag):
            for sdt in d.element.body.iter(qn('w:sdt')):
                pr = sdt.find(qn('w:sdtPr'))
                t = pr.find(qn('w:tag')) if pr is not None else None
                if pr is not None and pr.find(W15 + 'repeatingSection') is not None and t is not None and t.get(qn('w:val')) == tag:
                    return [i for i in sdt.find(qn('w:sdtContent')) if i.tag == qn('w:sdt')]
        def add_after(item, old, new):
            c = copy.deepcopy(item)
            for b in list(c.iter(qn('w:bookmarkStart'))) + list(c.iter(qn('w:bookmarkEnd'))): b.getparent().remove(b)
            for t in c.iter(qn('w:t')):
                if t.text == old: t.text = new
            item.addnext(c)
        if sys.argv[3] == 'pip':
            others = section('docket:contacts.other')
            add_after(others[-1], 'Tomás Ferreira', 'Grace Hopper')
            others[0].getparent().remove(others[0])
        else:
            add_after(section('docket:plan.goals')[0], sys.argv[3], 'An added goal')
        d.save(sys.argv[2])
        """

    @Test func itemsAddedAndDeletedInWordReadBackAsTheNewList() throws {
        let data = try Forms.example("pip-midyear-report")
        let url = try form("pip-midyear-report", data)
        let edited = TestPaths.temporaryDirectory("sections-edited").appendingPathComponent(url.lastPathComponent)
        let r = try Readers.runPython(Self.editItems, [url.path, edited.path, "pip"])
        #expect(r.status == 0, "\(r.stderr)")
        let extraction = try FormExtractor.extract(docx: edited, registry: Forms.registry)
        let names = extraction.data.value(at: "/contacts/other")?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["Tomás Ferreira", "Grace Hopper"], "\(extraction.yaml)")
        #expect(extraction.data.value(at: "/contacts/other/1/role") == .string("Community Health Worker Supervisor"))
        #expect(Forms.validate(edited).errors.isEmpty, "\(Forms.validate(edited).errors.map(\.message))")
    }

    @Test func aGoalAddedInWordIsAFourthGoal() throws {
        let data = try Forms.example("hqe-strategic-plan")
        let first = try #require(data.value(at: "/plan/goals/0/title")?.stringValue)
        let url = try form("hqe-strategic-plan", data)
        let edited = TestPaths.temporaryDirectory("sections-goal").appendingPathComponent(url.lastPathComponent)
        let r = try Readers.runPython(Self.editItems, [url.path, edited.path, first])
        #expect(r.status == 0, "\(r.stderr)")
        let goals = try #require(try FormExtractor.extract(docx: edited, registry: Forms.registry).data.value(at: "/plan/goals")?.arrayValue)
        #expect(goals.count == (data.value(at: "/plan/goals")?.arrayValue?.count ?? 0) + 1)
        #expect(goals.compactMap { $0["title"]?.stringValue }.prefix(2) == [first, "An added goal"])
        #expect(goals[1]["kpis"] == goals[0]["kpis"])  // the copy's other answers, as Word copies them
    }

    /// LibreOffice 7.4 drops the `w15` marks and the tags; a list's block answers (a goal's
    /// actions and KPIs) come back by their bookmarks, as arrays (inline answers too, since they
    /// are no longer plain-text controls: PrefilledFormAfterLibreOfficeTests).
    @Test func listsBlockAnswersSurviveLibreOfficeByTheirBookmarks() throws {
        _ = try Tools.require("soffice")
        let data = try Forms.example("hqe-strategic-plan")
        let saved = try Readers.libreOfficeConvert(try form("hqe-strategic-plan", data), to: "docx")
        let goals = try #require(try FormExtractor.extract(docx: saved, registry: Forms.registry).data.value(at: "/plan/goals")?.arrayValue)
        let want = try #require(data.value(at: "/plan/goals")?.arrayValue)
        #expect(goals.count == want.count)
        for (g, w) in zip(goals, want) {
            for key in ["actions", "kpis"] {
                #expect(Forms.markdownKey(g[key]?.stringValue ?? "", plain: true) == Forms.markdownKey(w[key]?.stringValue ?? "", plain: true))
            }
        }
        let blank = try Readers.libreOfficeConvert(try form("hqe-strategic-plan"), to: "docx")
        let extraction = try FormExtractor.extract(docx: blank, registry: Forms.registry, deliverable: "hqe-strategic-plan")
        #expect(extraction.data == [:], "\(extraction.yaml)")
    }
}
