import DocketCore

/// Where a walk of a WordprocessingML part is, in the words every .docx finding uses
/// (docs/validation.md): `word/document.xml, under “<heading>”, table t, row r, cell c`. The
/// table number counts the part's top-level tables; row and cell are the innermost table's
/// (a place on a whole row, before its first cell, has no cell).
/// The one home of that place text: answers read back (`DocxAnswers`), paragraphs, and the
/// accessibility checks (DocketValidation) use it.
public struct DocxPlace: Sendable, Hashable {
    private struct Cell: Sendable, Hashable { var row = 0, cell = 0 }

    public let part: String
    /// The text of the last heading passed.
    public var heading: String?
    private var tables = 0
    private var cells: [Cell] = []

    public init(part: String) { self.part = part }

    public mutating func enterTable() {
        if cells.isEmpty { tables += 1 }
        cells.append(Cell())
    }

    public mutating func exitTable() { cells.removeLast() }

    public mutating func enterRow() {
        guard !cells.isEmpty else { return }
        cells[cells.count - 1].row += 1
        cells[cells.count - 1].cell = 0
    }

    public mutating func enterCell() {
        guard !cells.isEmpty else { return }
        cells[cells.count - 1].cell += 1
    }

    /// The innermost table's top-level number in the part (nil outside tables).
    public var table: Int? { cells.isEmpty ? nil : tables }

    public var description: String {
        var parts = [part]
        if let heading, !heading.isEmpty { parts.append("under “\(heading)”") }
        if let innermost = cells.last {
            parts.append("table \(tables), row \(innermost.row)" + (innermost.cell > 0 ? ", cell \(innermost.cell)" : ""))
        }
        return parts.joined(separator: ", ")
    }

    public func location(file: String) -> SourceLocation { SourceLocation(file: file, place: description) }
}
