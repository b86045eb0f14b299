import DocketDeliverables
import DocketFill
import DocketTestSupport
import DocketTracker
import DocketWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every page and action in process (HummingbirdTesting's router client).
@Suite struct WorkspaceRouteTests {
    @Test func healthAndSignIn() async throws {
        let f = try WorkspaceFixture()
        try await f.app.test(.router) { client in
            var b = Browser(client)
            #expect(try await b.get("/healthz").text == "ok")
            let anonymous = try await b.get("/")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login")
            #expect(try await b.signIn("pat", password: "wrong").status == .unauthorized)
            let ok = try await b.signIn("pat")
            #expect(ok.status == .seeOther)
            let cookie = try #require(ok.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "\(cookie)")
            let board = try await b.get("/")
            #expect(board.status == .ok)
            #expect(board.text.contains("PIP 1 Mid-year Planning Report"), "the preparer sees MBRH's PIP instances")
            #expect(!board.text.contains(">OTHR<"), "and not another entity's")
            let csrf = try await b.csrf()
            #expect(try await b.post("/logout", [("_csrf", csrf)]).status == .seeOther)
            #expect(try await b.get("/").status == .seeOther, "signed out")
        }
    }

    @Test func failedSignInsAreThrottled() async throws {
        let f = try WorkspaceFixture()
        try await f.app.test(.router) { client in
            var b = Browser(client)
            for _ in 0..<5 { try await b.signIn("vic", password: "nope") }
            #expect(try await b.signIn("vic").status == .tooManyRequests)
        }
    }

    /// Every route × role: the status each role gets.
    @Test func authorisationMatrix() async throws {
        let f = try WorkspaceFixture()
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        let partner = try f.instance("NSCC/pip.aco.pip1.midyear-planning")
        let other = try f.instance("OTHR/pip.hospital.pip1.midyear-planning")
        let hqe = try f.instance("NSCC/hqe.strategic-plan.2023")
        let expected: [(String, [String: HTTPResponse.Status])] = [
            ("/", ["ada": .ok, "pat": .ok, "rita": .ok, "vic": .ok]),
            ("/admin", ["ada": .ok, "pat": .forbidden, "rita": .forbidden, "vic": .forbidden]),
            ("/instances/\(own)", ["ada": .ok, "pat": .ok, "rita": .ok, "vic": .ok]),
            ("/instances/\(partner)", ["ada": .ok, "pat": .ok, "rita": .ok, "vic": .ok]),
            ("/instances/\(hqe)", ["ada": .ok, "pat": .forbidden, "rita": .ok, "vic": .ok]),
            ("/instances/\(other)", ["ada": .ok, "pat": .forbidden, "rita": .ok, "vic": .ok]),
            ("/instances/\(own)/form", ["ada": .ok, "pat": .ok, "rita": .ok, "vic": .ok]),
            ("/instances/\(other)/form", ["ada": .ok, "pat": .forbidden, "rita": .ok, "vic": .ok]),
            ("/instances/999999", ["ada": .notFound, "pat": .notFound, "rita": .notFound, "vic": .notFound]),
            ("/check", ["ada": .ok, "pat": .ok, "rita": .ok, "vic": .ok]),
            ("/calendar", ["ada": .ok, "pat": .ok, "rita": .ok, "vic": .ok]),
            ("/board.csv", ["ada": .ok, "pat": .ok, "rita": .ok, "vic": .ok]),
        ]
        try await f.app.test(.router) { client in
            for name in ["ada", "pat", "rita", "vic"] {
                var b = Browser(client)
                try await b.signIn(name)
                for (uri, codes) in expected {
                    let status = try await b.get(uri).status
                    #expect(status == codes[name], "\(name) GET \(uri): \(status)")
                }
                // Changing an instance: the entity's preparer and admins only.
                let csrf = try await b.csrf()
                let change = try await b.post("/instances/\(own)/status", [("_csrf", csrf), ("status", "drafting")])
                let allowed = name == "ada" || name == "pat"
                #expect(change.status == (allowed ? .seeOther : .forbidden), "\(name) POST status: \(change.status)")
                if allowed {  // back, for the next role
                    _ = try await b.post("/instances/\(own)/status", [("_csrf", csrf), ("status", "filled")])
                }
            }
        }
    }

    @Test func everyChangeNeedsTheSessionsCSRFToken() async throws {
        let f = try WorkspaceFixture()
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("ada")
            #expect(try await b.post("/instances/\(own)/status", [("status", "drafting")]).status == .forbidden)
            #expect(try await b.post("/instances/\(own)/status", [("_csrf", "forged"), ("status", "drafting")]).status == .forbidden)
            #expect(try await b.post("/admin/users", [("name", "eve"), ("role", "admin"), ("password", "12345678")]).status == .forbidden)
            #expect(try await b.post("/logout", []).status == .forbidden)
        }
    }

    @Test func formSavesChecksAndDownloads() async throws {
        let f = try WorkspaceFixture()
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let page = try await b.get("/instances/\(own)/form")
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"/entity/name\""), "fields named by JSON Pointer")
            #expect(page.text.contains("value=\"Merrimack Bay Regional Hospital\""), "pre-filled from the entity")
            let csrf = try await b.csrf("/instances/\(own)/form")
            let base: [(String, String)] = [
                ("_csrf", csrf), ("/entity/name", "Merrimack Bay Regional Hospital"), ("/entity/abbreviation", "MBRH"),
                ("/entity/type", "acute-hospital"), ("/contacts/executiveSponsor/name", "Dr. Elena Marquez"),
                ("/midYearPlanning/response", "We met **twice** with our ACO partner to choose the Care Coordination domain and its follow-up measures."),
            ]
            let bad = try await b.post("/instances/\(own)/form", base + [("/contacts/executiveSponsor/email", "not-an-email"), ("_action", "check")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("There is a problem"))
            #expect(bad.text.contains("href=\"#f-contacts-executiveSponsor-email\""), "the summary links to the field")
            #expect(bad.text.contains("id=\"f-contacts-executiveSponsor-email\""))
            let saved = try await b.post("/instances/\(own)/form", base + [("/contacts/executiveSponsor/email", "emarquez@mbrh.example.org"), ("_action", "save")])
            #expect(saved.text.contains("Saved as version 2"), "check saved version 1, save version 2")
            let docx = try await b.post("/instances/\(own)/form", base + [("/contacts/executiveSponsor/email", "emarquez@mbrh.example.org"), ("_action", "download-docx")])
            #expect(docx.status == .ok, "\(docx.text.range(of: "There is a problem").map { String(docx.text[$0.lowerBound...].prefix(1500)) } ?? "")")
            #expect(docx.headers[.contentDisposition] == "attachment; filename=\"MBRH_PIPMidYearReport_09202023.docx\"")
            #expect(Array(docx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            // Add and remove an Other Supporting Personnel row, no JavaScript.
            let added = try await b.post("/instances/\(own)/form", base + [("_array", "/contacts/other"), ("_action", "add:/contacts/other")])
            #expect(added.text.contains("name=\"/contacts/other/0/name\""))
        }
    }

    @Test func submitReviewAndTheFeed() async throws {
        let f = try WorkspaceFixture()
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        try await f.app.test(.router) { client in
            var pat = Browser(client)
            try await pat.signIn("pat")
            let csrf = try await pat.csrf()
            for step in ["filled", "validated", "uploaded"] {
                #expect(try await pat.post("/instances/\(own)/status", [("_csrf", csrf), ("status", step)]).status == .seeOther, "\(step)")
            }
            #expect(try await pat.get("/instances/\(own)").text.contains("click “submit”"), "the OnBase two-step reminder")
            #expect(try await pat.get("/").text.contains("uploaded"))
            _ = try await pat.post("/instances/\(own)/status", [("_csrf", csrf), ("status", "submitted")])
            var rita = Browser(client)
            try await rita.signIn("rita")
            let rcsrf = try await rita.csrf()
            let review = try await rita.post("/instances/\(own)/review", [("_csrf", rcsrf), ("criterion:key-contacts", "met"),
                ("criterion:mid-year-narrative", "partially-met"), ("resubmitBy", "2023-11-15")])
            #expect(review.status == .seeOther, "\(review.text.prefix(300))")
            #expect(try await rita.get("/instances/\(own)").text.contains("resubmit by 2023-11-15"))
            // The preparer's private feed shows the resubmission date; ETag → 304.
            let made = try await pat.post("/calendar/feed", [("_csrf", csrf)]).text
            let token = try #require(made.range(of: "/feeds/").map { String(made[$0.upperBound...].prefix { $0 != "." }) })
            let anonymous = Browser(client)
            let feed = try await anonymous.get("/feeds/\(token).ics")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.text.contains("DTSTART;VALUE=DATE:20231115"), "\(feed.text.prefix(600))")
            let etag = try #require(feed.headers[.eTag])
            #expect(try await anonymous.get("/feeds/\(token).ics", [.ifNoneMatch: etag]).status == .notModified)
            #expect(try await anonymous.get("/feeds/wrongtoken.ics").status == .notFound)
        }
    }

    @Test func uploadsOverTheLimitAre413() async throws {
        let f = try WorkspaceFixture(maxUpload: 1024)
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let big = try await client.execute(uri: "/check", method: .post,
                headers: b.headers([.contentType: "multipart/form-data; boundary=x", .contentLength: "5000"]),
                body: ByteBuffer(repeating: 65, count: 5000))
            #expect(big.status == .contentTooLarge)
        }
    }

    @Test func checkASubmissionUpload() async throws {
        let f = try WorkspaceFixture()
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("vic")
            let csrf = try await b.csrf("/check")
            let data = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "abbreviation: MBRH", with: "abbreviation: MB-RH")
            let body = "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../pip.yaml\"\r\nContent-Type: application/yaml\r\n\r\n"
                + "deliverable: pip-midyear-report\n" + data + "\r\n--XyZ--\r\n"
            let r = try await client.execute(uri: "/check", method: .post, headers: b.headers([.contentType: "multipart/form-data; boundary=XyZ"]),
                                             body: ByteBuffer(string: body))
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("pip.yaml: 1 error"), "\(r.text.suffix(1500))")
            #expect(r.text.contains("letters and digits only"))
            #expect(!r.text.contains("../"), "the user's path is not used")
        }
    }
}

/// Import into a form, and entities added from the admin page.
@Suite struct WorkspaceImportTests {
    static func multipart(_ csrf: String, name: String, _ bytes: [UInt8]) -> ByteBuffer {
        var b = ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n\r\n")
        b.writeBytes(bytes)
        b.writeString("\r\n--XyZ--\r\n")
        return b
    }

    @Test func importADataFileAndAFilledDocx() async throws {
        let f = try WorkspaceFixture()
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        let example = TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let csrf = try await b.csrf("/instances/\(own)/form")
            let headers = b.headers([.contentType: "multipart/form-data; boundary=XyZ"])
            let yaml = try await client.execute(uri: "/instances/\(own)/import", method: .post, headers: headers,
                                                body: Self.multipart(csrf, name: "example.yaml", Array(try Data(contentsOf: example))))
            #expect(yaml.status == .ok)
            #expect(yaml.text.contains("Imported example.yaml as version 1"))
            #expect(yaml.text.contains("value=\"Dr. Elena Marquez-Whitfield\""))
            // A filled .docx: its answers read back, what it does not hold kept from the saved data.
            let registry = try DeliverableRegistry.load(root: TestPaths.packageRoot)
            let pipeline = try FillPipeline(target: DeliverableTarget(deliverable: try #require(registry.deliverable(id: "pip-midyear-report"))), formats: [.docx])
            let filled = pipeline.fill(FillRequest(input: .file(example.path), format: .docx, date: "2023-09-20"))
            let bytes = try #require(filled.bytes)
            let back = try await client.execute(uri: "/instances/\(own)/import", method: .post, headers: headers,
                                                body: Self.multipart(csrf, name: "MBRH_PIPMidYearReport_09202023.docx", [UInt8](bytes)))
            #expect(back.text.contains("Imported MBRH_PIPMidYearReport_09202023.docx as version 2"), "\(back.text.prefix(600))")
            #expect(back.text.contains("value=\"Dr. Elena Marquez-Whitfield\""))
            #expect(back.text.contains("value=\"acute-hospital\" checked>"), "entity.type kept from the saved data")
            // A viewer may not import.
            var vic = Browser(client)
            try await vic.signIn("vic")
            let vcsrf = try await vic.csrf("/instances/\(own)/form")
            let refused = try await client.execute(uri: "/instances/\(own)/import", method: .post, headers: vic.headers([.contentType: "multipart/form-data; boundary=XyZ"]),
                                                   body: Self.multipart(vcsrf, name: "example.yaml", Array(try Data(contentsOf: example))))
            #expect(refused.status == .forbidden)
        }
    }

    @Test func adminAddsAnEntityAndItsCalendar() async throws {
        let f = try WorkspaceFixture()
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("ada")
            let csrf = try await b.csrf("/admin")
            let r = try await b.post("/admin/entities", [("_csrf", csrf), ("abbreviation", "NEWH"), ("name", "New Hospital"), ("type", "hospital")])
            #expect(r.status == .ok)
            #expect(r.text.contains("Added NEWH:"), "\(r.text.suffix(800))")
            #expect(try await b.get("/?entity=NEWH").text.contains("PIP 1 Mid-year Planning Report"))
            let bad = try await b.post("/admin/entities", [("_csrf", csrf), ("abbreviation", "X1"), ("name", "X"), ("type", "hospital"), ("partner", "NOPE")])
            #expect(bad.status == .unprocessableContent)
            var pat = Browser(client)
            try await pat.signIn("pat")
            #expect(try await pat.post("/admin/entities", [("_csrf", try await pat.csrf()), ("abbreviation", "Y")]).status == .forbidden)
        }
    }

    @Test func adminEditsAnExistingEntity() async throws {
        let f = try WorkspaceFixture()
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("ada")
            #expect(try await b.get("/admin").text.contains("href=\"/admin/entities/OTHR\""))
            let page = try await b.get("/admin/entities/OTHR")
            #expect(page.status == .ok && page.text.contains("value=\"Other Hospital\""))
            let csrf = try await b.csrf("/admin/entities/OTHR")
            let saved = try await b.post("/admin/entities/OTHR", [("_csrf", csrf), ("name", "Other Regional Hospital"), ("type", "hospital"),
                                                                  ("partners", ""), ("obstetric", "1")])
            #expect(saved.status == .ok && saved.text.contains("Saved OTHR:"), "\(saved.text.suffix(600))")
            let t = Tracker(store: f.workspace.trackerStore, context: TrackerContext(now: Date(), user: "test"))
            let othr = try #require(try t.entities().first { $0.abbreviation == "OTHR" })
            #expect(othr.name == "Other Regional Hospital" && othr.obstetric && !othr.partnerExempt)
            let bad = try await b.post("/admin/entities/OTHR", [("_csrf", csrf), ("name", "X"), ("type", "hospital"), ("partners", "NOPE")])
            #expect(bad.status == .unprocessableContent)
            #expect(try await b.get("/admin/entities/NOPE").status == .notFound)
            var pat = Browser(client)
            try await pat.signIn("pat")
            #expect(try await pat.get("/admin/entities/OTHR").status == .forbidden)
            #expect(try await pat.post("/admin/entities/OTHR", [("_csrf", try await pat.csrf()), ("name", "Y")]).status == .forbidden)
        }
    }
}

/// What a person sees first: the current deliverables, answers asked for by their labels.
@Suite struct WorkspacePageTests {
    @Test func boardListsWhatIsCurrentAndCountsTheRest() async throws {
        let f = try WorkspaceFixture()
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("ada")
            let board = try await b.get("/?entity=NSCC").text
            #expect(board.contains("were due more than a year ago"), "DSRIP periods of 2017-2019 are counted, not listed")
            #expect(!board.contains("ACO Preliminary Participation Plan"))
            #expect(try await b.get("/?all=1&entity=NSCC").text.contains("ACO Preliminary Participation Plan"))
        }
    }

    /// PIP 2's mid-year instance fills PIP 2's report: the PIP number and due date come from the
    /// instance's calendar event, never from the user (issue 12).
    @Test func aPIP2InstanceDownloadsPIP2sReport() async throws {
        let f = try WorkspaceFixture()
        let pip2 = try f.instance("MBRH/pip.hospital.pip2.midyear-planning")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let csrf = try await b.csrf("/instances/\(pip2)/form")
            let fields: [(String, String)] = [
                ("_csrf", csrf), ("/entity/name", "Merrimack Bay Regional Hospital"), ("/entity/abbreviation", "MBRH"),
                ("/entity/type", "acute-hospital"), ("/contacts/executiveSponsor/name", "Dr. Elena Marquez"),
                ("/contacts/executiveSponsor/email", "emarquez@mbrh.example.org"),
                ("/midYearPlanning/response", "We met twice with our ACO partner to choose PIP 2's domain; staffing is the main challenge."),
            ]
            let page = try await b.get("/instances/\(pip2)/form").text
            // Layout hints (Templates/pip-midyear-report/form.yaml): sections, a radio group, the PIP number hidden.
            #expect(page.contains("<h2>Key Contacts Updates</h2>") && page.contains("<h2>Mid-Year Planning</h2>"))
            #expect(page.contains("type=\"radio\" name=\"/entity/type\""))
            #expect(page.contains("<input type=\"hidden\" name=\"/pip\" value=\"2\">"), "the instance's PIP number")
            #expect(page.contains("rows=\"16\""))
            let md = try await b.post("/instances/\(pip2)/form", fields + [("_action", "download-md")])
            #expect(md.status == .ok, "\(md.text.prefix(3000))")
            #expect(md.text.contains("**Due September 30, 2024**"))
            #expect(md.text.contains("## Mid-Year Planning for PIP 2:"))
        }
    }

    @Test func formAsksForAnswersByLabelAndKnowsTheEntityType() async throws {
        let f = try WorkspaceFixture()
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let page = try await b.get("/instances/\(own)/form").text
            #expect(page.contains("id=\"f-entity-type-0\" value=\"acute-hospital\" checked>"), "hospital → acute-hospital through deliverable.yaml's map")
            let csrf = try await b.csrf("/instances/\(own)/form")
            let checked = try await b.post("/instances/\(own)/form", [("_csrf", csrf), ("_action", "check")]).text
            #expect(checked.contains("Mid year planning: an answer is required"), "\(checked.prefix(2000))")
            #expect(!checked.contains("missing required property"))
        }
    }
}

@Suite struct WorkspaceVersionTests {
    @Test func everySavedVersionDownloads() async throws {
        let f = try WorkspaceFixture()
        let own = try f.instance("MBRH/pip.hospital.pip1.midyear-planning")
        let example = TestPaths.packageRoot.appendingPathComponent("Templates/pip-midyear-report/example.yaml")
        try await f.app.test(.router) { client in
            var b = Browser(client)
            try await b.signIn("pat")
            let csrf = try await b.csrf("/instances/\(own)/form")
            _ = try await client.execute(uri: "/instances/\(own)/import", method: .post, headers: b.headers([.contentType: "multipart/form-data; boundary=XyZ"]),
                                         body: WorkspaceImportTests.multipart(csrf, name: "example.yaml", Array(try Data(contentsOf: example))))
            #expect(try await b.get("/instances/\(own)").text.contains("/instances/\(own)/versions/1/docx"))
            let docx = try await b.get("/instances/\(own)/versions/1/docx")
            #expect(docx.status == .ok)
            #expect(docx.headers[.contentDisposition] == "attachment; filename=\"MBRH_PIPMidYearReport_09202023.docx\"")
            #expect(try await b.get("/instances/\(own)/versions/1/md").text.contains("Merrimack Bay Regional Hospital"))
            #expect(try await b.get("/instances/\(own)/versions/9/docx").status == .notFound)
        }
    }
}
