import DocketCore
import DocketXML
import Foundation

/// One paragraph of a filled document with its place (part, heading above, table/row/cell):
/// what `docket validate` scans for leftover template text and empty "Response:" labels.
public struct DocxParagraph: Sendable, Hashable {
    /// Visible text (`WMLReader`: deleted text left out, breaks as `\n`).
    public var text: String
    /// Whether the paragraph is a heading (Heading*/Title style or an outline level).
    public var isHeading: Bool
    public var location: SourceLocation
}

/// Reads every paragraph of the main document, headers, footers and notes, in that order,
/// through the same limits and hardened parser as `DocxAnswers`.
public enum DocxParagraphs {
    public static func read(package: OOXMLPackage, file: String, limits: PackageLimits = PackageLimits()) throws(PackageError) -> [DocxParagraph] {
        let info = try PackageInfo(package)
        let names = package.orderedPartNames.filter { DocxTemplate.isTemplated($0, main: info.mainPart) }
        var out: [DocxParagraph] = []
        for name in names.filter({ $0 == info.mainPart }) + names.filter({ $0 != info.mainPart }) {
            guard let bytes = package.parts[name] else { continue }
            guard bytes.count <= limits.maxXMLPartBytes else { throw PackageError("part is over \(limits.maxXMLPartBytes) bytes", entry: name) }
            let document: XMLDocument
            do { document = try SafeXMLParser.parse([UInt8](bytes), maxBytes: limits.maxXMLPartBytes) } catch {
                throw PackageError("invalid XML at \(error.position?.description ?? "?"): \(error.message)", entry: name)
            }
            var walker = ParagraphWalker(file: file, part: name)
            walker.walk(document.root)
            out += walker.paragraphs
        }
        return out
    }
}

/// Collects outermost paragraphs with "part, under “heading”, table t, row r, cell c" places.
private struct ParagraphWalker {
    let file: String
    let part: String
    var paragraphs: [DocxParagraph] = []
    private var heading: String?
    private var tables = 0
    private var cells: [(row: Int, cell: Int)] = []

    init(file: String, part: String) {
        self.file = file
        self.part = part
    }

    mutating func walk(_ e: XMLElement) {
        for case .element(let c) in e.children {
            switch c.name {
            case "w:tbl":
                if cells.isEmpty { tables += 1 }
                cells.append((0, 0))
                walk(c)
                cells.removeLast()
            case "w:tr":
                cells[cells.count - 1].row += 1
                cells[cells.count - 1].cell = 0
                walk(c)
            case "w:tc":
                cells[cells.count - 1].cell += 1
                walk(c)
            case "w:p":
                let text = WMLReader.visibleText(c)
                let isHeading = AnswerWalker.isHeading(c)
                if isHeading { heading = text }
                var place = [part]
                if let heading, !heading.isEmpty, !isHeading { place.append("under “\(heading)”") }
                if let last = cells.last { place.append("table \(tables), row \(last.row), cell \(last.cell)") }
                if isHeading { place.append("heading “\(text)”") }
                paragraphs.append(DocxParagraph(text: text, isHeading: isHeading,
                                                location: SourceLocation(file: file, place: place.joined(separator: ", "))))
            default:
                walk(c)
            }
        }
    }
}
