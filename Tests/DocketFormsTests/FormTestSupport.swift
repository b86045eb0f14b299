import DocketCalendar
import DocketCore
import DocketDOCX
import DocketDeliverables
import DocketFill
import DocketForms
import DocketMarkdown
import DocketTestSupport
import DocketValidation
import Foundation
import Testing

/// Shared by the forms suites: the shipped deliverables, filling an example, comparing data.
enum Forms {
    static let root = TestPaths.packageRoot
    static let registry = try! DeliverableRegistry.load(root: root)  // the shipped Templates/ must load
    static let calendar = try! DueDates(schedule: Schedule.load(from: Schedule.bundledDefaultURL(packageRoot: root)))

    static func example(_ id: String) throws -> JSONValue {
        try DataLoader.load(path: root.appendingPathComponent("Templates/\(id)/example.yaml").path).value
    }

    static func schema(_ id: String) throws -> FormSchema {
        try FormSchema.load(#require(registry.deliverable(id: id)).schemaURL)
    }

    /// Fills `data` for `id` as .docx (OnBase name, dated 2023-09-29) in a new temporary folder.
    static func fill(_ id: String, _ data: JSONValue) throws -> URL {
        let pipeline = try FillPipeline(target: DeliverableTarget(deliverable: #require(registry.deliverable(id: id))), formats: [.docx])
        let r = pipeline.fill(FillRequest(input: .data(LoadedData(value: data, path: "\(id).yaml")), format: .docx, date: "2023-09-29"))
        let bytes = try #require(r.bytes, "\(r.diagnostics.map(\.message))")
        let url = TestPaths.temporaryDirectory("forms").appendingPathComponent(try #require(r.fileName))
        try bytes.write(to: url)
        return url
    }

    static func validate(_ url: URL) -> ValidationReport {
        SubmissionValidator(options: ValidationOptions(registry: registry, calendar: calendar)).validate(url.path)
    }

    /// A Markdown value compared as a tree: soft breaks are spaces, adjacent text joined, list
    /// tightness and left/unset table alignment not told apart (Word shows them alike). With
    /// `plain`, only the text (an editor that flattens formatting, as LibreOffice 7.4 does in
    /// content controls).
    static func markdownKey(_ text: String, plain: Bool) -> String {
        let doc = MarkdownDocument.parse(text)
        if plain { return doc.plainText.foldedWhitespace }
        return "\(doc.blocks.map(normal))"
    }

    private static func normal(_ b: MarkdownBlock) -> MarkdownBlock {
        switch b {
        case .paragraph(let i): return .paragraph(normal(i))
        case .heading(let l, let i): return .heading(level: l, normal(i))
        case .list(let o, let s, _, let items):
            return .list(ordered: o, start: o ? s : 1, tight: true, items: items.map { MarkdownListItem(blocks: $0.blocks.map(normal), checked: $0.checked) })
        case .blockQuote(let bs): return .blockQuote(bs.map(normal))
        case .table(let a, let h, let rows): return .table(alignments: a.map { $0 == .left ? .none : $0 }, header: h.map(normal), rows: rows.map { $0.map(normal) })
        default: return b
        }
    }

    private static func normal(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        for i in inlines {
            var n: MarkdownInline
            switch i {
            case .softBreak: n = .text(" ")
            case .emphasis(let c): n = .emphasis(normal(c))
            case .strong(let c): n = .strong(normal(c))
            case .strikethrough(let c): n = .strikethrough(normal(c))
            case .link(let d, let t, let c): n = .link(destination: d, title: t, normal(c))
            default: n = i
            }
            if case .text(let t) = n, case .text(let previous)? = out.last { out[out.count - 1] = .text(previous + t) } else { out.append(n) }
        }
        return out.map { if case .text(let t) = $0 { return .text(t.foldedWhitespace) }; return $0 }
    }

    /// Every answer region of `answers` that the schema knows: the original value there (empty
    /// and null mean no answer) against the extracted one. Returns the mismatches.
    static func mismatches(original: JSONValue, extraction: Extraction, answers: [DocxAnswer], schema: FormSchema, plainMarkdown: Bool = false) -> [String] {
        var out: [String] = []
        for path in Set(answers.map(\.path)).sorted() where schema.knows(path) {
            let pointer = JSONPointer.fromDotted(path)
            var want = original.value(at: pointer)
            if want == .null || want == .string("") { want = nil }
            let got = extraction.data.value(at: pointer)
            if schema.kind(at: path) == .markdown, let w = want?.stringValue, let g = got?.stringValue {
                if markdownKey(w, plain: plainMarkdown) != markdownKey(g, plain: plainMarkdown) { out.append("\(path): want\n\(w)\ngot\n\(g)") }
            } else if want != got {
                out.append("\(path): want \(want.map { JSONWriter.string($0) } ?? "nothing"), got \(got.map { JSONWriter.string($0) } ?? "nothing")")
            }
        }
        return out
    }
}
