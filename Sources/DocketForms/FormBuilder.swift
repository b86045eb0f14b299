import DocketCore
import DocketDOCX
import DocketDeliverables
import DocketFill
import DocketXML
import Foundation

/// `docket form`: a fillable .docx of a deliverable, blank or pre-filled from partial data. It is
/// the deliverable's DOCX template filled with what is known; every answer region left empty
/// becomes a content control showing a placeholder from the schema (title, else description),
/// of the schema's kind: a drop-down list for an enum, a date picker (M/d/yyyy) for a date,
/// plain text for a one-line answer, rich text for Markdown. Checkboxes stay checkboxes, unchecked.
public enum FormBuilder {
    public struct Result: Sendable {
        public var bytes: Data?
        public var fileName: String?
        public var diagnostics: [Diagnostic]
        public var status: ExitStatus
    }

    /// `data`: partial answers (may be empty); `entityType` sets `entity.type` (the appendix).
    /// `lock`: the fixed text protected, the answers open (`FormLock`).
    public static func build(_ deliverable: Deliverable, data: JSONValue = [:], entityType: String? = nil, date: String,
                             lock: Bool = false) -> Result {
        var data = data
        if let entityType { data.setValue(.string(entityType), atDotted: "entity.type") }
        let schema: FormSchema
        do { schema = try FormSchema.load(deliverable.schemaURL) } catch { return Result(diagnostics: [error.diagnostic], status: .usage) }
        let named = data
        // Lists nobody filled get their least number of items (at least one), so that the form
        // shows a repeating section a person can add items to.
        data = FormLists(schema: schema).skeleton(data, at: "")
        let pipeline: FillPipeline
        do { pipeline = try FillPipeline(target: DeliverableTarget(deliverable: deliverable), formats: [.docx]) } catch {
            return Result(diagnostics: error.diagnostics, status: .invalid)
        }
        let filled = pipeline.fill(FillRequest(input: .data(LoadedData(value: data, path: "form")), format: .docx, date: date,
                                                allowMissing: true, checkData: false))
        // A missing field is what a form is for: not worth a warning.
        let diagnostics = filled.diagnostics.filter { $0.rule != "template.missing-field" }
        guard let bytes = filled.bytes else { return Result(diagnostics: diagnostics, status: .invalid) }
        do {
            var package = try OOXMLPackage.load(docx: bytes)
            for name in package.orderedPartNames where name.hasPrefix("word/") && name.hasSuffix(".xml") && !name.contains("/_rels/") {
                guard let part = package.parts[name], FormParts.containsDocketTag(part), var doc = try? SafeXMLParser.parse([UInt8](part)) else { continue }
                doc.root = FormControls(schema: schema).apply(doc.root)
                doc.root = RepeatingSections.wrap(doc.root, list: FormLists(schema: schema).section)
                package.parts[name] = Data(XMLWriter.string(doc).utf8)
            }
            FormControls.addPlaceholderStyle(&package)
            if lock { FormLock.apply(&package) }
            for name in package.orderedPartNames where name.hasPrefix("word/") && name.hasSuffix(".xml") {
                let text = String(decoding: package.parts[name] ?? Data(), as: UTF8.self)
                if text.contains("[MISSING: ") {  // fields outside answer regions (headers, derived text): blank
                    package.parts[name] = Data(text.replacingOccurrences(of: #"\[MISSING: [^\]<]*\]"#, with: "", options: .regularExpression).utf8)
                }
            }
            // Named by the OnBase convention; `ABBR` until the entity is known.
            let known = named.value(at: "/entity/abbreviation")?.stringValue == nil ? named.setting("ABBR", atDotted: "entity.abbreviation") : named
            let name = deliverable.fileName(data: known, date: date) + ".docx"
            return Result(bytes: try package.docxData(), fileName: name, diagnostics: diagnostics, status: .success)
        } catch {
            return Result(diagnostics: diagnostics + [Diagnostic(.error, rule: "docx.package", error.description)], status: .invalid)
        }
    }
}

/// The lists a form repeats (docs/forms.md, "Repeating sections").
struct FormLists {
    let schema: FormSchema

    /// `data` with every list under `path` that has no items given its least number of empty
    /// items (objects, or "" for a list of strings inside an item), at least one.
    func skeleton(_ data: JSONValue, at path: String, depth: Int = 0, inItem: Bool = false) -> JSONValue {
        guard depth < 8 else { return data }
        var data = data
        for key in schema.propertyNames(at: path) {
            let child = path.isEmpty ? key : path + "." + key
            if let list = schema.list(at: child) {
                var items = data[key]?.arrayValue ?? []
                if items.isEmpty, data[key] == nil || data[key] == .null || data[key] == .array([]), list.objects || inItem {
                    items = Array(repeating: list.objects ? JSONValue.object([:]) : .string(""), count: max(list.minItems ?? 1, 1))
                }
                guard !items.isEmpty else { continue }
                data.setValue(.array(items.enumerated().map { i, item in
                    list.objects && item.objectValue != nil ? skeleton(item, at: child + ".\(i)", depth: depth + 1, inItem: true) : item
                }), at: [key])
            } else if schema.nodes(at: child).contains(where: { $0["properties"] != nil }), data[key] == nil || data[key]?.objectValue != nil {
                let inner = skeleton(data[key] ?? [:], at: child, depth: depth + 1, inItem: inItem)
                if inner != [:] { data.setValue(inner, at: [key]) }
            }
        }
        return data
    }

    /// The repeating section of the list at `path`, if the form repeats it: its title and the
    /// note on its bounds (minItems/maxItems) added to each item's first placeholder.
    func section(_ path: String) -> RepeatingSections.List? {
        guard let list = schema.list(at: path) else { return nil }
        let last = path.split(separator: ".").last.map(String.init) ?? path
        let words = last.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1 $2", options: .regularExpression).lowercased()
        let title = schema.keyword("title", at: path)?.stringValue ?? (words.prefix(1).uppercased() + words.dropFirst())
        let bounds: String
        switch (list.minItems, list.maxItems) {
        case let (lo?, hi?) where lo == hi: bounds = "exactly \(lo) items"
        case let (lo?, hi?): bounds = "\(lo) to \(hi) items"
        case let (lo?, nil) where lo > 1: bounds = "at least \(lo) items"
        case let (_, hi?): bounds = "up to \(hi) items"
        default: bounds = "as many items as needed"
        }
        return RepeatingSections.List(title: title + " (" + bounds + ")", note: "[\(title): \(bounds); the + at the item's end adds one]")
    }
}

enum FormParts {
    static func containsDocketTag(_ data: Data) -> Bool {
        String(decoding: data, as: UTF8.self).contains("\"docket:")
    }
}

/// Turns answer regions into form controls (docs/forms.md).
struct FormControls {
    let schema: FormSchema

    func apply(_ e: XMLElement) -> XMLElement {
        var e = e
        for i in e.children.indices {
            guard case .element(let child) = e.children[i] else { continue }
            var c = apply(child)
            if c.name == "w:sdt", let tag = c.child("w:sdtPr")?.child("w:tag")?.attribute("w:val").flatMap(AnswerTag.init(tag:)) {
                c = tag.kind == .text ? control(c, path: tag.path) : checkbox(c, path: tag.path)
            }
            e.children[i] = .element(c)
        }
        return e
    }

    /// The placeholder: the schema's title, else its description's first sentence without rule ids.
    func placeholder(_ path: String) -> String {
        var text = schema.keyword("title", at: path)?.stringValue ?? schema.keyword("description", at: path)?.stringValue ?? ""
        text = text.replacingOccurrences(of: #"\s*\((?:[^()]*\b[RD]\d{3}-\d+[^()]*)\)"#, with: "", options: .regularExpression)
        if let dot = text.range(of: ". ") { text = String(text[..<dot.lowerBound]) }
        if text.isEmpty {
            // "contacts.executiveSponsor.name" → "Executive sponsor name"
            let words = path.split(separator: ".").filter { Int($0) == nil }.suffix(2)
                .map { $0.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1 $2", options: .regularExpression).lowercased() }.joined(separator: " ")
            text = words.prefix(1).uppercased() + words.dropFirst()
        }
        switch schema.kind(at: path) {
        case .date: return text + " (M/d/yyyy)"
        case .choice: return text + ": choose " + schema.choices(at: path).joined(separator: ", ")
        default: return text
        }
    }

    private func control(_ sdt: XMLElement, path: String) -> XMLElement {
        var sdt = sdt
        guard var pr = sdt.child("w:sdtPr"), let ci = sdt.children.firstIndex(where: { $0.element?.name == "w:sdtContent" }),
              case .element(var content) = sdt.children[ci] else { return sdt }
        let kind = schema.kind(at: path)
        let text = plainText(content)
        let empty = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || text.contains("[MISSING")
        switch kind {
        case .choice:
            var list = XMLElement("w:dropDownList")
            for choice in schema.choices(at: path) {
                list.children.append(.element(XMLElement("w:listItem", attributes: [XMLAttribute("w:displayText", choice), XMLAttribute("w:value", choice)])))
            }
            pr = OOXMLOrder.inserting(list, into: pr)
        case .date:
            var date = XMLElement("w:date")
            if let iso = Dates.iso(text) { date.setAttribute("w:fullDate", iso + "T00:00:00Z") }
            for (name, value) in [("w:dateFormat", "M/d/yyyy"), ("w:lid", "en-US"), ("w:storeMappedDataAs", "dateTime"), ("w:calendar", "gregorian")] {
                date.children.append(.element(XMLElement(name, attributes: [XMLAttribute("w:val", value)])))
            }
            pr = OOXMLOrder.inserting(date, into: pr)
        case .markdown: pr = OOXMLOrder.inserting(XMLElement("w:richText"), into: pr)
        // Inline answers stay rich-text controls (no `w:text`): LibreOffice 7.4 turns a plain-text
        // control into a field of its own on save, emptying the answer's bookmark (docs/forms.md).
        default: break
        }
        if empty {
            pr = OOXMLOrder.inserting(XMLElement("w:showingPlcHdr"), into: pr)
            content = placeholderContent(content, text: placeholder(path))
        }
        sdt.children[ci] = .element(content)
        if let pi = sdt.children.firstIndex(where: { $0.element?.name == "w:sdtPr" }) { sdt.children[pi] = .element(pr) }
        return sdt
    }

    /// One placeholder run (in the first paragraph for block content), the answer's bookmark kept around it.
    private func placeholderContent(_ content: XMLElement, text: String) -> XMLElement {
        let marks = content.descendants { $0.name == "w:bookmarkStart" || $0.name == "w:bookmarkEnd" }
        let start = marks.first { $0.name == "w:bookmarkStart" }.map { [XMLNode.element($0)] } ?? []
        let end = marks.first { $0.name == "w:bookmarkEnd" }.map { [XMLNode.element($0)] } ?? []
        let run = XMLElement("w:r", children: [
            .element(XMLElement("w:rPr", children: [.element(XMLElement("w:rStyle", attributes: [XMLAttribute("w:val", "PlaceholderText")]))])),
            .element(XMLElement("w:t", attributes: [XMLAttribute("xml:space", "preserve")], children: [.text(text)])),
        ])
        var out = content
        if WMLMarkdown.isBlock(content.elements) {
            var p = XMLElement("w:p")
            if let pPr = content.firstDescendant("w:pPr") { p.children.append(.element(pPr)) }
            p.children += start + [.element(run)]
            out.children = [.element(p)] + end
        } else {
            out.children = start + [.element(run)] + end
        }
        return out
    }

    private func checkbox(_ sdt: XMLElement, path: String) -> XMLElement {
        guard plainText(sdt.child("w:sdtContent") ?? XMLElement("x")).contains("[MISSING") else { return sdt }
        var sdt = sdt
        for i in sdt.children.indices {
            guard case .element(var c) = sdt.children[i], c.name == "w:sdtContent" else { continue }
            c.children = c.children.map { node in
                guard case .element(let r) = node, r.name == "w:r" else { return node }
                var run = r
                run.children = r.children.map { n in
                    guard case .element(var t) = n, t.name == "w:t" else { return n }
                    t.children = [.text("☐")]
                    return .element(t)
                }
                return .element(run)
            }
            sdt.children[i] = .element(c)
        }
        return sdt
    }

    private func plainText(_ e: XMLElement) -> String {
        e.descendants { $0.name == "w:t" }.map(\.textContent).joined()
    }

    /// A `PlaceholderText` character style (grey), as Word's own, when the template lacks one.
    static func addPlaceholderStyle(_ package: inout OOXMLPackage) {
        guard let data = package.parts["word/styles.xml"] else { return }
        let text = String(decoding: data, as: UTF8.self)
        guard !text.contains("w:styleId=\"PlaceholderText\""), let end = text.range(of: "</w:styles>", options: .backwards) else { return }
        let style = "<w:style w:type=\"character\" w:styleId=\"PlaceholderText\"><w:name w:val=\"Placeholder Text\"/>"
            + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:rPr><w:color w:val=\"808080\"/></w:rPr></w:style>"
        package.parts["word/styles.xml"] = Data(text.replacingCharacters(in: end, with: style + "</w:styles>").utf8)
    }
}

extension XMLElement {
    /// Descendants matching `predicate`, in document order.
    func descendants(_ predicate: (XMLElement) -> Bool) -> [XMLElement] {
        var out: [XMLElement] = []
        for case .element(let c) in children {
            if predicate(c) { out.append(c) }
            out += c.descendants(predicate)
        }
        return out
    }
}
