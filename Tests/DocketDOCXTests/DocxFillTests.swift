import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import DocketXML
import Foundation
import Testing

@Suite struct DocxFillTests {
    @Test func splitTagsAreJoinedAndKeepTheFirstRunsFormatting() throws {
        let package = try DocxFixtures.fill()
        let xml = try DocxFixtures.text(package, "word/document.xml")
        let paragraphs = try DocxFixtures.paragraphs(xml)
        #expect(paragraphs.contains("Key Contacts for Acme & Sons <Health>"))
        // proofErr + rsid split: the value sits in the first (bold) run.
        #expect(xml.contains("<w:r w:rsidR=\"00AB12CD\"><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Acme &amp; Sons &lt;Health&gt;</w:t></w:r>"))
        // bookmarkStart inside a tag, and a comment tag with smart quotes.
        #expect(paragraphs.contains("Due: September 30, 2023 "))
        #expect(!xml.contains("{{"), "a tag survived")
    }

    @Test func newlinesTabsEmojiAndRightToLeftSurvive() throws {
        let xml = try DocxFixtures.text(try DocxFixtures.fill(), "word/document.xml")
        let paragraphs = try DocxFixtures.paragraphs(xml)
        #expect(paragraphs.contains("Address: 1 Main St\nBoston, MA\tUSA"))
        #expect(xml.contains("<w:br/>") && xml.contains("<w:tab/>"))
        #expect(paragraphs.contains { $0.hasPrefix("Goal 1: Reduce ED visits 👩🏽‍⚕️") })
        #expect(paragraphs.contains { $0.hasPrefix("Goal 2: שלום \"quoted\"") })
    }

    @Test func paragraphLoopsAndFalseConditionsLeaveNoEmptyParagraphs() throws {
        let xml = try DocxFixtures.text(try DocxFixtures.fill(), "word/document.xml")
        let paragraphs = try DocxFixtures.paragraphs(xml)
        #expect(!paragraphs.contains("This note must not appear."))
        #expect(!paragraphs.contains(""), "an empty paragraph was left: \(paragraphs)")
        let goals = paragraphs.filter { $0.hasPrefix("Goal ") }
        #expect(goals.count == 2)
    }

    @Test func rowLoopsRepeatRows() throws {
        let xml = try DocxFixtures.text(try DocxFixtures.fill(), "word/document.xml")
        let doc = try SafeXMLParser.parse(xml)
        let table = try #require(doc.root.firstDescendant("w:tbl"))
        let rows = table.elements.filter { $0.name == "w:tr" }.map { row in
            row.elements.filter { $0.name == "w:tc" }.map { $0.elements.filter { $0.name == "w:p" }.map(DocxFixtures.visibleText).joined(separator: "\n") }
        }
        #expect(rows == [["Role", "Name", "Email"],
                         ["Executive Sponsor", "Ann Lee", "ann@example.org"],
                         ["Primary Contact", "Bo Chen", "bo@example.org"],
                         ["Quality Lead", "Cy Diaz", "cy@example.org"]])
        // The role keeps its own run's bold formatting.
        #expect(xml.contains("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Primary Contact</w:t>"))
    }

    @Test func nestedLoopsAndTableLoops() throws {
        let paragraphs = try DocxFixtures.paragraphs(try DocxFixtures.text(try DocxFixtures.fill(), "word/document.xml"))
        let programLines = paragraphs.filter { $0.hasPrefix("Program: ") || $0.hasPrefix("Site: ") }
        #expect(programLines == ["Program: Alpha", "Site: North of Alpha", "Site: South of Alpha", "Program: Beta", "Site: East of Beta"])
        #expect(paragraphs.contains("Conditional table body"))
        var data = DocxFixtures.data
        if case .object(var o) = data { o["hasTable"] = false; data = .object(o) }
        let without = try DocxFixtures.paragraphs(try DocxFixtures.text(try DocxFixtures.fill(data), "word/document.xml"))
        #expect(!without.contains("Conditional table body"))
        #expect(!without.contains(""))
    }

    @Test func headersFootersAndFootnotesAreTemplated() throws {
        let package = try DocxFixtures.fill()
        #expect(try DocxFixtures.paragraphs(DocxFixtures.text(package, "word/header1.xml")) == ["Header: Acme & Sons <Health>"])
        #expect(try DocxFixtures.paragraphs(DocxFixtures.text(package, "word/footer1.xml")) == ["File ACO_Report_09302023"])
        #expect(try DocxFixtures.text(package, "word/footnotes.xml").contains("Source: MassHealth 2023"))
    }

    @Test func checkboxContentControlsFollowTheData() throws {
        let xml = try DocxFixtures.text(try DocxFixtures.fill(), "word/document.xml")
        let doc = try SafeXMLParser.parse(xml)
        var states: [String: (String?, String)] = [:]
        doc.root.forEachDescendant { e, _ in
            guard e.name == "w:sdt", let tag = e.child("w:sdtPr")?.child("w:tag")?.attribute("w:val"),
                  let box = e.child("w:sdtPr")?.child("w14:checkbox") else { return }
            states[tag] = (box.child("w14:checked")?.attribute("w14:val"), e.child("w:sdtContent")?.textContent ?? "")
        }
        #expect(states["docket:check:agree"]?.0 == "1")
        #expect(states["docket:check:agree"]?.1 == "☒")
        #expect(states["docket:checkNo:agree"]?.0 == "0")
        #expect(states["docket:checkNo:agree"]?.1 == "☐")
    }

    @Test func repeatedContentGetsUniqueIds() throws {
        let xml = try DocxFixtures.text(try DocxFixtures.fill(), "word/document.xml")
        let doc = try SafeXMLParser.parse(xml)
        var bookmarkIds: [String] = [], bookmarkNames: [String] = [], endIds: [String] = [], sdtIds: [String] = [], paraIds: [String] = []
        doc.root.forEachDescendant { e, _ in
            switch e.name {
            case "w:bookmarkStart": bookmarkIds.append(e.attribute("w:id")!); bookmarkNames.append(e.attribute("w:name")!)
            case "w:bookmarkEnd": endIds.append(e.attribute("w:id")!)
            case "w:id": sdtIds.append(e.attribute("w:val")!)
            case "w:p": if let id = e.attribute("w14:paraId") { paraIds.append(id) }
            default: break
            }
        }
        // The template's bookmarks ("due" + "goal" twice), then one per answer region (`_dk<n>`, AnswerBookmarks).
        #expect(bookmarkNames.filter { !$0.hasPrefix(AnswerBookmarks.namePrefix) }.count == 3)
        #expect(bookmarkNames.filter { $0.hasPrefix(AnswerBookmarks.namePrefix) }.count == xml.components(separatedBy: "w:val=\"docket:").count - 1)
        #expect(Set(bookmarkIds).count == bookmarkIds.count)
        #expect(Set(bookmarkNames).count == bookmarkNames.count)
        #expect(Set(endIds) == Set(bookmarkIds))
        #expect(sdtIds.count >= 5 && Set(sdtIds).count == sdtIds.count)
        #expect(paraIds.count == 3 && Set(paraIds).count == 3)
        // Answer-region tags inside loops carry the item index.
        #expect(xml.contains("docket:goals.0.title") && xml.contains("docket:goals.1.title"))
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        let template = try DocxFixtures.compile()
        let a = try #require(template.fill(data: DocxFixtures.data).data)
        let b = try #require(template.fill(data: DocxFixtures.data).data)
        #expect(a == b)
        let again = try #require(try DocxFixtures.compile().fill(data: DocxFixtures.data).data)
        #expect(a == again)
        // Entry order and timestamps are fixed.
        let package = try OOXMLPackage.load(docx: a)
        #expect(package.orderedPartNames.first == "[Content_Types].xml")
        #expect(Array(a[10..<14]) == [0, 0, 0x21, 0]) // DOS time 00:00:00, date 1980-01-01
    }

    /// Every part has a content type, every internal relationship points at a part, and every
    /// `r:id` used in a part is defined in its relationships.
    @Test func filledPackageIsConsistent() throws {
        let package = try DocxFixtures.fill()
        let types = try SafeXMLParser.parse(try DocxFixtures.text(package, "[Content_Types].xml")).root
        let defaults = Set(types.elements.filter { $0.name == "Default" }.compactMap { $0.attribute("Extension")?.lowercased() })
        let overrides = Set(types.elements.filter { $0.name == "Override" }.compactMap { $0.attribute("PartName") })
        for name in package.parts.keys where name != "[Content_Types].xml" {
            let ext = String(name.split(separator: ".").last ?? "").lowercased()
            #expect(defaults.contains(ext) || overrides.contains("/" + name), "\(name) has no content type")
        }
        for override in overrides { #expect(package.parts[String(override.dropFirst())] != nil, "override for missing \(override)") }
        for relsName in package.parts.keys where relsName.hasSuffix(".rels") {
            let rels = try SafeXMLParser.parse(try DocxFixtures.text(package, relsName)).root
            let source = relsName.replacingOccurrences(of: "_rels/", with: "").replacingOccurrences(of: ".rels", with: "")
            let base = source.contains("/") ? String(source[..<source.lastIndex(of: "/")!]) + "/" : ""
            var ids = Set<String>()
            for rel in rels.elements {
                ids.insert(rel.attribute("Id")!)
                guard rel.attribute("TargetMode") != "External", let target = rel.attribute("Target") else { continue }
                let resolved = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
                #expect(package.parts[resolved] != nil, "\(relsName): \(target) missing")
            }
            if let xml = package.parts[source].map({ String(decoding: $0, as: UTF8.self) }) {
                var used = Set<String>()
                try SafeXMLParser.parse(xml).root.forEachDescendant { e, _ in
                    for a in e.attributes where a.name == "r:id" || a.name == "r:embed" { used.insert(a.value) }
                }
                #expect(used.isSubset(of: ids), "\(source) uses undefined \(used.subtracting(ids))")
            }
        }
    }
}
