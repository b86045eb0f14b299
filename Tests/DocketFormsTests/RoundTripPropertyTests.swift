import DocketCore
import DocketDOCX
import DocketDeliverables
import DocketFill
import DocketForms
import DocketTestSupport
import Foundation
import Testing

/// Property-style round trip (docs/forms.md): for generated instances of each shipped schema —
/// the example with every answer the template holds replaced by a random value of its kind
/// (text with markup characters and non-Latin letters, dates, choices, Markdown with emphasis,
/// lists and several paragraphs) — fill → .docx → extract gives back the same data. Seeded, so a
/// failure names its seed and can be replayed.
@Suite struct RoundTripPropertyTests {
    typealias Random = SeededRandom

    static let words = ["care", "equity", "Boston", "Ünïcödé", "naïve", "façade", "שלום", "東京", "R&D", "<tag>", "\"quoted\"",
                        "it's", "5%", "a/b", "x<y", "Tom & Jerry", "2023", "ED-visits", "O'Brien", "—dash—", "emoji🙂"]

    static func sentence(_ r: inout Random, _ n: ClosedRange<Int> = 1...8, markdown: Bool = false) -> String {
        // In Markdown `<tag>` is raw HTML, not text: Word shows it as text and it comes back escaped.
        let pool = markdown ? words.filter { $0 != "<tag>" } : words
        return (0..<r.int(n)).map { _ in r.pick(pool) }.joined(separator: " ")
    }

    /// Markdown the writer and reader both know: paragraphs with **bold** and *italic*, bullets, numbers.
    static func markdown(_ r: inout Random) -> String {
        (0..<r.int(1...3)).map { _ -> String in
            switch r.int(0...3) {
            case 0: return (1...r.int(2...3)).map { _ in "- " + sentence(&r, 1...5, markdown: true) }.joined(separator: "\n")
            case 1: return (1...r.int(2...3)).enumerated().map { i, _ in "\(i + 1). " + sentence(&r, 1...5, markdown: true) }.joined(separator: "\n")
            case 2: return sentence(&r, 1...4, markdown: true) + " **" + sentence(&r, 1...3, markdown: true) + "** " + sentence(&r, 1...3, markdown: true)
            default: return sentence(&r, 2...6, markdown: true) + " *" + sentence(&r, 1...2, markdown: true) + "*."
            }
        }.joined(separator: "\n\n")
    }

    /// The example of `id` with each answer the filled template holds set to a random value of its kind.
    static func instance(_ id: String, seed: UInt64, answers: [DocxAnswer], schema: FormSchema) throws -> JSONValue {
        var r = Random(seed: seed)
        var data = try Forms.example(id)
        for path in Set(answers.filter { $0.kind == .text }.map(\.path)).sorted() where schema.knows(path) {
            guard data.value(atDotted: path)?.stringValue != nil else { continue }
            // Values with a pattern or a format other than date (abbreviation, email) keep the example's.
            if schema.keyword("pattern", at: path) != nil || (schema.keyword("format", at: path).map { $0 != "date" } ?? false) { continue }
            let value: String
            switch schema.kind(at: path) {
            case .markdown: value = markdown(&r)
            case .date: value = String(format: "%04d-%02d-%02d", r.int(2023...2027), r.int(1...12), r.int(1...28))
            case .choice: value = r.pick(schema.choices(at: path))
            case .text: value = sentence(&r)
            default: continue
            }
            data.setValue(.string(value), atDotted: path)
        }
        return data
    }

    static func fill(_ id: String, _ data: JSONValue) throws -> URL {
        let pipeline = try FillPipeline(target: DeliverableTarget(deliverable: #require(Forms.registry.deliverable(id: id))), formats: [.docx])
        // Random text breaks the named rules' heuristics (and word limits): the round trip is the property here.
        let r = pipeline.fill(FillRequest(input: .data(LoadedData(value: data, path: "\(id).yaml")), format: .docx, date: "2023-09-29", checkData: false))
        let url = TestPaths.temporaryDirectory("property").appendingPathComponent(try #require(r.fileName, "\(r.diagnostics.map(\.message))"))
        try #require(r.bytes).write(to: url)
        return url
    }

    @Test(arguments: ["pip-midyear-report", "hqe-strategic-plan", "ia-midpoint-assessment"])
    func generatedInstancesRoundTrip(_ id: String) throws {
        let schema = try Forms.schema(id)
        let answers = try DocxAnswers.read(docx: try Self.fill(id, try Forms.example(id)))
        for seed in UInt64(1)...8 {
            let data = try Self.instance(id, seed: seed, answers: answers, schema: schema)
            #expect(data != (try Forms.example(id)), "seed \(seed) changed nothing")
            let url = try Self.fill(id, data)
            let extraction = try FormExtractor.extract(docx: url, registry: Forms.registry, deliverable: id)
            let wrong = Forms.mismatches(original: data, extraction: extraction, answers: try DocxAnswers.read(docx: url), schema: schema)
            #expect(wrong.isEmpty, "\(id) seed \(seed):\n\(wrong.prefix(5).joined(separator: "\n"))")
        }
    }
}
