import DocketCore
import DocketDOCX
import DocketDeliverables
import DocketXML
import Foundation

/// A filled .docx submission: its answers (content controls tagged `docket:<path>`, read back
/// even after editing in Word) and paragraphs, read through the DOCX package limits and the
/// hardened XML parser. Checks: leftover template text, empty "Response:", Yes/No boxes,
/// answer regions the template has but the document lost, and the data rebuilt from the
/// answers against the deliverable's schema and named rules — each problem at its place
/// (heading, table/row/cell) — and the accessibility checks.
struct DocxSubmission: SubmissionDocument {
    let path: String
    let answers: [DocxAnswer]
    let paragraphs: [DocxParagraph]
    /// Checkbox answers and the problems of Yes/No pairs.
    let boxes: (values: [String: Bool], problems: [Diagnostic])
    /// The data rebuilt from the answers: text at its path, checkbox pairs as booleans.
    let data: JSONValue
    /// The accessibility findings (`DocxAccessibility`), whatever deliverable the document is.
    let accessibility: [Diagnostic]

    init(path: String, answers: [DocxAnswer], paragraphs: [DocxParagraph], accessibility: [Diagnostic] = []) {
        self.path = path
        self.answers = answers
        self.paragraphs = paragraphs
        self.accessibility = accessibility
        let boxes = Self.checkboxes(answers)
        self.boxes = boxes
        var data: JSONValue = [:]
        for a in answers where a.kind == .text { data.setValue(.string(a.isPlaceholder ? "" : a.text), atDotted: a.path) }
        for (path, value) in boxes.values { data.setValue(.bool(value), atDotted: path) }
        self.data = data
    }

    static func read(path: String) throws(SubmissionReadError) -> DocxSubmission {
        let package: OOXMLPackage
        let answers: [DocxAnswer]
        let paragraphs: [DocxParagraph]
        let accessibility: [Diagnostic]
        do {
            package = try OOXMLPackage.load(docx: URL(fileURLWithPath: path))
            var parsed: [String: XMLDocument] = [:]
            (answers, paragraphs) = try DocxAnswers.readAll(package: package, file: path, markdown: false) { parsed[$0] = $1 }
            accessibility = try DocxAccessibility.check(package: package, file: path, parsed: parsed)
        } catch {
            let missing = error.kind == .unreadable
            throw SubmissionReadError(diagnostic: Diagnostic(.error, rule: missing ? "io.read" : "submission.package",
                missing ? "cannot read \(path): no such file or not readable" : "cannot read this .docx: \(error.description)\(Self.advice(error.kind))",
                location: SourceLocation(file: path)), status: missing ? .usage : .invalid)
        }
        return DocxSubmission(path: path, answers: answers, paragraphs: paragraphs, accessibility: accessibility)
    }

    /// What to do: a damaged or unusual file can be saved again from Word; one over a safety
    /// limit (zip bomb, unsafe names, DTDs) should not be uploaded at all.
    static func advice(_ kind: PackageError.Kind) -> String {
        kind.isUnsafe ? " (refused for safety: do not upload this file)" : "; open it in Word and save it again as a .docx"
    }

    var headingTexts: [String] { paragraphs.filter(\.isHeading).map(\.text) }

    var abbreviation: String? { answers.first { $0.kind == .text && $0.path == "entity.abbreviation" }?.text }

    /// How many answers (other than the shared `entity.*`) are literal answer tags of this
    /// deliverable's template.
    func affinity(_ deliverable: Deliverable, _ facts: TemplateFacts) -> Int {
        let literal = Set(facts.answerTags(deliverable).filter { !$0.text.contains("{{") }.map(\.text))
        return answers.filter { !$0.path.hasPrefix("entity.") && literal.contains($0.key) }.count
    }

    func check(_ deliverable: Deliverable, _ options: ValidationOptions, _ facts: TemplateFacts) -> [Diagnostic] {
        var out = LeftoverText.check(paragraphs.map { SubmissionBlock(text: $0.text, location: $0.location) }) { i in
            !paragraphs.indices.contains(i) || paragraphs[i].isHeading
        }
        let tags = facts.answerTags(deliverable)
        out += boxes.problems
        out += missingRegions(tags)
        out += dataProblems(deliverable, options, tags: tags)
        return out + accessibility
    }

    /// Yes/No pairs: exactly one of `check:<path>` and `checkNo:<path>` must be checked.
    static func checkboxes(_ answers: [DocxAnswer]) -> (values: [String: Bool], problems: [Diagnostic]) {
        var values: [String: Bool] = [:]
        var problems: [Diagnostic] = []
        let boxes = answers.filter { $0.kind != .text }
        for path in boxes.map(\.path).uniqued() {
            let pair = boxes.filter { $0.path == path }
            let yes = pair.contains { $0.kind == .check && $0.checked == true }
            let no = pair.contains { $0.kind == .checkNo && $0.checked == true }
            let hasBoth = pair.contains { $0.kind == .check } && pair.contains { $0.kind == .checkNo }
            if yes && no {
                problems.append(box(path, pair, "both Yes and No are checked: uncheck one"))
            } else if !yes && !no && hasBoth {
                problems.append(box(path, pair, "neither Yes nor No is checked: check one"))
            } else if yes || no {
                values[path] = yes
            }
        }
        return (values, problems)
    }

    private static func box(_ path: String, _ pair: [DocxAnswer], _ message: String) -> Diagnostic {
        Diagnostic(.error, rule: "submission.checkbox", "answer `\(path)`: \(message)", location: pair[0].location,
                   instanceLocation: Self.pointer(path))
    }

    /// Answer regions outside any section of the template that the document no longer has.
    func missingRegions(_ tags: [TemplateAnswerTags.Tag]) -> [Diagnostic] {
        let present = Set(answers.map(\.key))
        return tags.filter { $0.required && !present.contains($0.text) }.map {
            Diagnostic(.error, rule: "submission.missing-answer",
                       "the answer region `docket:\($0.text)` of the template is missing (deleted in the document?): restore it from a freshly filled copy",
                       location: SourceLocation(file: path), instanceLocation: Self.pointer($0.path))
        }
    }

    static func pointer(_ dotted: String) -> String { JSONPointer.fromDotted(dotted) }
}

extension DocxAnswer {
    /// `check:<path>`, `checkNo:<path>` or `<path>`: the tag without `docket:`.
    var key: String { AnswerTag(kind: kind, path: path).key }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
