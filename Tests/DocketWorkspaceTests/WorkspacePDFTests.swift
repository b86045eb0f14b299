@testable import DocketWorkspace
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The workspace's PDF downloads: from the form and for a saved version, read back by poppler;
/// without LibreOffice, the form again with the message naming the package (503).
@Suite struct WorkspacePDFTests {
    static let fields: [(String, String)] = [
        ("/entity/name", "Merrimack Bay Regional Hospital"), ("/entity/abbreviation", "MBRH"), ("/entity/type", "acute-hospital"),
        ("/contacts/executiveSponsor/name", "Dr. Elena Marquez"), ("/contacts/executiveSponsor/email", "emarquez@mbrh.example.org"),
        ("/midYearPlanning/response", "We met **twice** with our ACO partner to choose the Care Coordination domain and its follow-up measures."),
    ]

    @Test func formAndSavedVersionDownloadAsPDF() async throws {
        let f = try WorkspaceFixture(path: "/usr/local/bin:/usr/bin:/bin")
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let page = try await b.get("/instances/\(own)/form")
            #expect(page.text.contains("value=\"download-pdf\""), "the form offers Download .pdf")
            let csrf = try await b.csrf("/instances/\(own)/form")
            let pdf = try await b.post("/instances/\(own)/form", [("_csrf", csrf)] + Self.fields + [("_action", "download-pdf")])
            #expect(pdf.status == .ok, "\(pdf.text.prefix(2000))")
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.headers[.contentDisposition] == "attachment; filename=\"MBRH_PIPMidYearReport_09202023.pdf\"")
            let file = TestPaths.temporaryDirectory("workspace-pdf").appendingPathComponent("form.pdf")
            try Data(pdf.body.readableBytesView).write(to: file)
            let text = try PDFReaders.text(file)
            #expect(text.contains("We met twice with our ACO partner to choose the Care Coordination domain"), "\(text.prefix(500))")
            #expect(try PDFReaders.structure(file).structTreeRoot)

            _ = try await b.post("/instances/\(own)/form", [("_csrf", csrf)] + Self.fields + [("_action", "save")])
            let instance = try await b.get("/instances/\(own)")
            #expect(instance.text.contains("/versions/1/pdf\">.pdf</a>"), "each saved version links its PDF")
            let version = try await b.get("/instances/\(own)/versions/1/pdf")
            #expect(version.status == .ok)
            #expect(version.headers[.contentType] == "application/pdf")
            #expect(Array(version.body.readableBytesView.prefix(5)) == Array("%PDF-".utf8))
            #expect(try await b.get("/instances/\(own)/versions/1/html").status == .notFound, "only the offered formats")
        }
    }

    @Test func withoutLibreOfficeTheFormSaysWhatToInstall() async throws {
        let f = try WorkspaceFixture(path: TestPaths.temporaryDirectory("no-soffice").path)
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let csrf = try await b.csrf("/instances/\(own)/form")
            let r = try await b.post("/instances/\(own)/form", [("_csrf", csrf)] + Self.fields + [("_action", "download-pdf")])
            #expect(r.status == .serviceUnavailable)
            #expect(r.text.contains("libreoffice-writer-nogui"))
            #expect(r.text.contains("name=\"/entity/name\""), "the form, with what was typed")
        }
    }
}
