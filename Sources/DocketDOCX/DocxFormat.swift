import DocketCore
import DocketMarkdown
import DocketTemplate
import DocketXML
import Foundation

/// Mutable state of one fill, shared by the renders of its parts (numbering and hyperlinks are
/// package-wide). Created per fill and used from one thread only.
final class FillState: @unchecked Sendable {
    var additions: PackageAdditions
    let slots: [MarkdownSlot]
    /// The part being rendered (its relationships get the images it shows).
    var part = "word/document.xml"
    init(additions: PackageAdditions, slots: [MarkdownSlot]) {
        self.additions = additions
        self.slots = slots
    }
}

/// The DOCX output format: values are placed inside `<w:t xml:space="preserve">`, so text is
/// XML-escaped, `\n` becomes `<w:br/>`, `\t` becomes `<w:tab/>`, and a character XML 1.0 forbids
/// is an error naming the field. `markdownBlock<i>`/`markdownInline<i>` (and plain `markdown`)
/// write native WordprocessingML.
struct DocxFormat: OutputFormat {
    let state: FillState

    func escape(_ text: String) throws(FormatError) -> String {
        do { return try WMLText.insideText(text) } catch { throw Self.illegal(error.scalar) }
    }

    static func illegal(_ scalar: Unicode.Scalar) -> FormatError {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return FormatError("contains U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), a character XML 1.0 does not allow in a Word document; remove it from the data")
    }

    func renderFilter(_ name: String, value: JSONValue) throws(FormatError) -> String? {
        let slot: MarkdownSlot
        if let i = MarkdownSlot.index(in: name), i < state.slots.count {
            slot = state.slots[i]
        } else if name == "markdown" {
            slot = MarkdownSlot(part: "word/document.xml", paragraphProperties: PropertyList(order: PropertyList.paragraphOrder),
                                runProperties: PropertyList(order: PropertyList.runOrder), inCell: false, block: false)
        } else {
            return nil
        }
        let text: String
        switch value {
        case .null: text = ""
        case .string(let s): text = s
        default: text = BuiltinFilters.text(value)
        }
        var writer = MarkdownWML(part: slot.part, paragraphProperties: slot.paragraphProperties,
                                 runProperties: slot.runProperties, additions: state.additions)
        defer { state.additions = writer.additions }
        do {
            if slot.block {
                if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !slot.inCell { return "" }
                return try writer.blocks(MarkdownDocument.parse(text), inCell: slot.inCell)
            }
            // Inline: close the open text and run, write runs, reopen them with the run's formatting.
            let document = MarkdownDocument.parse(text)
            writer.footnotes = document.footnotes
            let inlines = document.blocks.enumerated().flatMap { i, block -> [MarkdownInline] in
                let content: [MarkdownInline]
                switch block {
                case .paragraph(let c), .heading(_, let c): content = c
                default: content = [.text(block.plainText)]
                }
                return i == 0 ? content : [.lineBreak] + content
            }
            let runs = try writer.runs(inlines, slot.runProperties).joined()
            return "</w:t></w:r>" + runs + "<w:r>" + slot.runProperties.xml("w:rPr") + "<w:t xml:space=\"preserve\">"
        } catch {
            throw Self.illegal(error.scalar)
        }
    }

    /// A picture where the tag stood: the value sits inside `<w:t>`, so the text is closed, the
    /// `w:drawing` follows in the same run, and the text reopens.
    func image(_ image: LoadedImage) throws(FormatError) -> String {
        if let scalar = ImageWML.illegalScalar(image) { throw Self.illegal(scalar) }
        let id = state.additions.image(image.bytes, format: image.format, in: state.part)
        return "</w:t>" + ImageWML.drawing(image, relationshipId: id) + "<w:t xml:space=\"preserve\">"
    }

    /// Filters a DOCX fill adds: checkbox states for `w14:checked`.
    static let filters: [String: TemplateFilter] = [
        PartCompiler.attributeFilter: TemplateFilter { v in
            .string(String(BuiltinFilters.text(v).map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" ? " " : $0 }))
        },
        CheckboxRewriter.stateFilter: TemplateFilter { .string(isYes($0) ? "1" : "0") },
        CheckboxRewriter.noStateFilter: TemplateFilter { .string(isNo($0) ? "1" : "0") },
    ]

    static func isYes(_ v: JSONValue?) -> Bool {
        BuiltinFilters.all["check"]?.apply(v) == .string("☒")
    }

    static func isNo(_ v: JSONValue?) -> Bool {
        BuiltinFilters.all["checkNo"]?.apply(v) == .string("☒")
    }
}
