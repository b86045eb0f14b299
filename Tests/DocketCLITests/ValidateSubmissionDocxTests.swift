import DocketTestSupport
import Foundation
import Testing

/// `docket validate` on filled .docx submissions, end to end: `docket fill --format docx` of each
/// example validates clean; Word-like edits of document.xml (unzip, edit, rezip) fail with the
/// answer named and its place.
@Suite struct ValidateSubmissionDocxTests {
    static let ids = ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"]
    static let pip = "MBRH_PIPMidYearReport_09292023.docx"
    static let hqe = "PVHPP_HQEStrategicPlan_09292023.docx"

    static let filled: URL = {
        let dir = TestPaths.temporaryDirectory("validate-docx")
        for id in ids {
            let r = try! DocketBinary.run(["fill", id, "--data", "Templates/\(id)/example.yaml", "--format", "docx",
                                        "--out-dir", dir.path, "--date", "2023-09-29"])
            precondition(r.status == 0, "docket fill \(id) failed: \(r.stderr)")
        }
        return dir
    }()

    /// `name` from the filled folder with word/document.xml changed by `edit`, saved as `saveAs`.
    static func edited(_ name: String, saveAs: String? = nil, _ edit: (String) -> String) throws -> String {
        let work = TestPaths.temporaryDirectory("docx-edit")
        let unpacked = work.appendingPathComponent("x")
        let unzip = try ProcessRunner.run(try #require(ProcessRunner.which("unzip")), ["-q", filled.appendingPathComponent(name).path, "-d", unpacked.path])
        try #require(unzip.status == 0, "\(unzip.stderr)")
        let xml = unpacked.appendingPathComponent("word/document.xml")
        let text = try String(contentsOf: xml, encoding: .utf8)
        let changed = edit(text)
        try #require(changed != text, "the edit changed nothing")
        try changed.write(to: xml, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent(saveAs ?? name)
        let zip = try ProcessRunner.run(try #require(ProcessRunner.which("zip")), ["-q", "-X", "-r", out.path, "."], cwd: unpacked)
        try #require(zip.status == 0, "\(zip.stderr)")
        return out.path
    }

    /// The content of the first `w:sdt` tagged `tag`, replaced by `replacement`.
    static func replacingContent(of tag: String, with replacement: String, in xml: String) -> String {
        guard let t = xml.range(of: "w:val=\"\(tag)\""),
              let open = xml.range(of: "<w:sdtContent>", range: t.upperBound..<xml.endIndex),
              let close = xml.range(of: "</w:sdtContent>", range: open.upperBound..<xml.endIndex) else { return xml }
        return xml.replacingCharacters(in: open.upperBound..<close.lowerBound, with: replacement)
    }

    static func report(_ path: String, _ extra: [String] = []) throws -> (status: Int32, errors: [[String: Any]], warnings: [[String: Any]]) {
        let r = try DocketBinary.run(["validate", "--format", "json"] + extra + [path])
        let array = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)\(r.stderr)")
        let one = try #require(array.first)
        return (r.status, one["errors"] as? [[String: Any]] ?? [], one["warnings"] as? [[String: Any]] ?? [])
    }

    @Test func filledExamplesValidateClean() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.filled.path).filter { $0.hasSuffix(".docx") }.sorted()
        #expect(files.count == 3)
        let r = try DocketBinary.run(["validate", "--format", "json"] + files.map { Self.filled.appendingPathComponent($0).path })
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let reports = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(Set(reports.compactMap { $0["deliverable"] as? String }) == Set(Self.ids))
        for report in reports {
            #expect((report["errors"] as? [Any])?.isEmpty == true, "\(report)")
            // Only the HQE example's suggested page counts (it is shorter than the form suggests) warn.
            let rules = Set(((report["warnings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
            let allowed: Set<String> = report["deliverable"] as? String == "hqe-strategic-plan" ? ["R003-13", "R003-15", "R003-16", "R003-17", "R003-18"] : []
            #expect(rules.isSubset(of: allowed), "\(report)")
        }
    }

    @Test func deletedAnswerFailsNamingIt() throws {
        let path = try Self.edited(Self.pip) { Self.replacingContent(of: "docket:midYearPlanning.response", with: "<w:p/>", in: $0) }
        let r = try Self.report(path)
        #expect(r.status == 1)
        let named = r.errors.first { ($0["message"] as? String)?.contains("answer `midYearPlanning.response`") == true }
        #expect(named?["instanceLocation"] as? String == "/midYearPlanning/response")
        #expect((named?["where"] as? String)?.contains("under “Mid-Year Planning for PIP 1:”") == true, "\(r.errors)")
        #expect(r.errors.contains { $0["rule"] as? String == "submission.empty-response" })
    }

    @Test func deletedContactNameInTableIsPlacedInItsCell() throws {
        let path = try Self.edited(Self.pip) { Self.replacingContent(of: "docket:contacts.other.0.name", with: "<w:p/>", in: $0) }
        let r = try Self.report(path)
        #expect(r.status == 1)
        let named = r.errors.first { ($0["message"] as? String)?.contains("answer `contacts.other.0.name`") == true }
        #expect((named?["where"] as? String)?.contains("table 2, row 4, cell 2") == true, "\(r.errors)")
    }

    /// An answer rewritten the way Word stores edits (split runs, rsids, proofing marks,
    /// tracked insertion and deletion) still reads back and validates clean.
    @Test func wordEditedAnswerValidatesClean() throws {
        let word = """
        <w:p w:rsidR="00A1" w:rsidRDefault="00B2"><w:r w:rsidR="00C3"><w:t xml:space="preserve">We held twelve joint </w:t></w:r>\
        <w:proofErr w:type="spellStart"/><w:r><w:t>meetings</w:t></w:r><w:proofErr w:type="spellEnd"/>\
        <w:ins w:id="7" w:author="Staff"><w:r><w:t xml:space="preserve"> with the ACO</w:t></w:r></w:ins>\
        <w:del w:id="8" w:author="Staff"><w:r><w:delText> (deleted)</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>\
        <w:p><w:r><w:t>Anticipated challenges: timely data exchange.</w:t></w:r></w:p>
        """
        let path = try Self.edited(Self.pip) { Self.replacingContent(of: "docket:midYearPlanning.response", with: word, in: $0) }
        let r = try Self.report(path, ["--strict"])
        #expect(r.status == 0, "\(r.errors) \(r.warnings)")
    }

    @Test func removedAnswerRegionIsReported() throws {
        let path = try Self.edited(Self.hqe) { xml in
            guard let tag = xml.range(of: "w:val=\"docket:commitment.teamComposition\""),
                  let start = xml.range(of: "<w:sdt>", options: .backwards, range: xml.startIndex..<tag.lowerBound),
                  let end = xml.range(of: "</w:sdt>", range: tag.upperBound..<xml.endIndex) else { return xml }
            return xml.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
        }
        let r = try Self.report(path)
        #expect(r.status == 1)
        #expect(r.errors.contains { ($0["rule"] as? String) == "submission.missing-answer" && ($0["message"] as? String)?.contains("docket:commitment.teamComposition") == true }, "\(r.errors)")
    }

    @Test func yesNoBoxesBothOrNeitherChecked() throws {
        let both = try Self.edited(Self.hqe) { xml in
            // The No box of 2.i is unchecked in the example (Yes): check it too.
            guard let tag = xml.range(of: "docket:checkNo:commitment.publicStatement.exists"),
                  let state = xml.range(of: "<w14:checked w14:val=\"0\"/>", range: tag.upperBound..<xml.endIndex) else { return xml }
            return xml.replacingCharacters(in: state, with: "<w14:checked w14:val=\"1\"/>")
        }
        let r = try Self.report(both)
        #expect(r.status == 1)
        #expect(r.errors.contains { ($0["message"] as? String) == "answer `commitment.publicStatement.exists`: both Yes and No are checked: uncheck one" }, "\(r.errors)")
        let neither = try Self.edited(Self.hqe) { xml in
            guard let tag = xml.range(of: "docket:check:commitment.publicStatement.exists"),
                  let state = xml.range(of: "<w14:checked w14:val=\"1\"/>", range: tag.upperBound..<xml.endIndex) else { return xml }
            return xml.replacingCharacters(in: state, with: "<w14:checked w14:val=\"0\"/>")
        }
        let n = try Self.report(neither)
        #expect(n.status == 1)
        #expect(n.errors.contains { ($0["message"] as? String)?.contains("neither Yes nor No is checked") == true }, "\(n.errors)")
        #expect(n.errors.filter { ($0["instanceLocation"] as? String) == "/commitment/publicStatement/exists" }.count == 1, "said once: \(n.errors)")
    }

    @Test func leftoverTagIsPlaced() throws {
        let path = try Self.edited(Self.pip) { $0.replacingOccurrences(of: ">Dr. Samuel Okafor<", with: ">{{contacts.clinicalLead.name}}<") }
        let r = try Self.report(path)
        #expect(r.status == 1)
        let leftover = r.errors.first { $0["rule"] as? String == "submission.leftover" }
        #expect((leftover?["where"] as? String)?.contains("table 2, row 2, cell 2") == true, "\(r.errors)")
    }

    @Test func wrongFileNameAndLateDate() throws {
        let wrong = try Self.edited(Self.pip, saveAs: "MBRH PIP report.docx") { $0.replacingOccurrences(of: "Merrimack Bay", with: "Merrimack  Bay") }
        let r = try Self.report(wrong, ["--deliverable", "pip-midyear-report"])
        #expect(r.status == 1)
        #expect(r.errors.contains { $0["rule"] as? String == "R000-05" })
        let other = try Self.edited(Self.pip, saveAs: "XYZ_PIPMidYearReport_10042023.docx") { $0.replacingOccurrences(of: "Merrimack Bay", with: "Merrimack  Bay") }
        let o = try Self.report(other)
        #expect(o.errors.contains { ($0["message"] as? String)?.contains("starts with `XYZ` but the document is for `MBRH`") == true }, "\(o.errors)")
        #expect(o.warnings.contains { $0["rule"] as? String == "R000-04" })
    }
}
