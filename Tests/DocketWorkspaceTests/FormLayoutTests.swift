import DocketCore
import DocketTestSupport
@testable import DocketWorkspace
import Foundation
import Testing

/// Layout hints beside a deliverable (`Templates/<id>/form.yaml`): order, sections, labels, help, widgets.
@Suite struct FormLayoutTests {
    func write(_ yaml: String) throws -> URL {
        let url = TestPaths.temporaryDirectory("layout").appendingPathComponent("form.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func hintsApplyByPointerWithListIndicesAsStars() throws {
        let layout = try FormLayout.load(try write("""
            fields:
              /contacts/other/*/role: {label: Role for PIPs, help: What they do, widget: text}
              /note: {widget: textarea, rows: 4}
            order:
              /entity: [type, name]
            """))
        #expect(layout.field("/contacts/other/3/role")?.label == "Role for PIPs")
        #expect(layout.field("/note")?.rows == 4 && layout.field("/note")?.widget == .textarea)
        #expect(layout.field("/missing") == nil)
        #expect(layout.ordered(["name", "abbreviation", "type"], at: "/entity") == ["type", "name", "abbreviation"])
        #expect(layout.ordered(["b", "a"], at: "/other") == ["b", "a"])
    }

    @Test func anUnknownWidgetIsALocatedError() throws {
        let url = try write("fields:\n  /x: {widget: slider}\n")
        #expect {
            try FormLayout.load(url)
        } throws: { error in
            guard let d = error as? Diagnostic else { return false }
            return d.rule == "form.layout" && d.message.contains("`slider`") && d.location?.position?.line == 2
        }
    }

    @Test func noFileMeansNoHints() throws {
        let layout = try FormLayout.load(URL(fileURLWithPath: "/nonexistent/form.yaml"))
        #expect(layout.fields.isEmpty && layout.sections.isEmpty)
    }

    @Test func theShippedHintsLoad() throws {
        for id in ["pip-midyear-report"] {
            let layout = try FormLayout.load(TestPaths.packageRoot.appendingPathComponent("Templates/\(id)/form.yaml"))
            #expect(!layout.sections.isEmpty, "\(id)")
        }
    }
}
