import DocketCore
@testable import DocketDOCX
import DocketTestSupport
import DocketXML
import Foundation
import Testing

/// Shared fixtures and data for the DOCX tests.
enum DocxFixtures {
    static var templateFolder: URL { TestPaths.fixture("DocketDOCXTests", "report-template") }

    static let data: JSONValue = [
        "entity": ["name": "Acme & Sons <Health>"],
        "due": "2023-09-30",
        "address": "1 Main St\nBoston, MA\tUSA",
        "goals": [["title": "Reduce ED visits 👩🏽‍⚕️"], ["title": "שלום \"quoted\""]],
        "showNote": false,
        "contacts": [
            ["role": "Executive Sponsor", "name": "Ann Lee", "email": "ann@example.org"],
            ["role": "Primary Contact", "name": "Bo Chen", "email": "bo@example.org"],
            ["role": "Quality Lead", "name": "Cy Diaz", "email": "cy@example.org"],
        ],
        "programs": [["name": "Alpha", "sites": ["North", "South"]], ["name": "Beta", "sites": ["East"]]],
        "hasTable": true,
        "narrative": "## Approach\n\nWe **will** *reduce* ~~delays~~ with [MassHealth](https://www.mass.gov/masshealth).\n\n- first bullet\n- second bullet\n  1. nested one\n  2. nested two\n\n3. third\n4. fourth\n\n| Measure | Target |\n|:--|--:|\n| ED visits | 10% |\n",
        "summary": "on **track**",
        "agree": "Yes",
        "sponsor": ["name": "Dee Evans"],
        "source": "MassHealth 2023",
        "docket": ["fileName": "ACO_Report_09302023", "date": "2023-09-30", "deliverable": "test"],
    ]

    static func compile() throws -> DocxTemplate {
        try DocxTemplate.load(templateFolder)
    }

    /// Fills and returns the filled package, failing the test on errors.
    static func fill(_ data: JSONValue = data) throws -> OOXMLPackage {
        let template = try compile()
        let (package, diagnostics) = template.fillPackage(data: data)
        let errors = diagnostics.filter(\.isError)
        #expect(errors.isEmpty, "\(errors)")
        return try #require(package)
    }

    static func text(_ package: OOXMLPackage, _ part: String) throws -> String {
        String(decoding: try #require(package.parts[part]), as: UTF8.self)
    }

    /// The visible text of each body paragraph (tables flattened), in order.
    static func paragraphs(_ xml: String) throws -> [String] {
        let doc = try SafeXMLParser.parse(xml)
        var out: [String] = []
        doc.root.forEachDescendant { e, _ in
            if e.name == "w:p" { out.append(visibleText(e)) }
        }
        return out
    }

    static func visibleText(_ e: XMLElement) -> String {
        var s = ""
        for child in e.children {
            guard case .element(let c) = child else { continue }
            switch c.name {
            case "w:t": s += c.textContent
            case "w:br": s += "\n"
            case "w:tab": s += "\t"
            case "w:p": break
            default: s += visibleText(c)
            }
        }
        return s
    }
}
