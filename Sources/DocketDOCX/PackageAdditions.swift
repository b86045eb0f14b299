import DocketCore
import Foundation

/// What rendering Markdown into a package needs added to it: list numbering definitions,
/// hyperlink relationships (per part), styles and images. One value per fill.
struct PackageAdditions {
    /// First free `w:abstractNumId` / `w:numId` in the template's numbering part.
    let firstAbstractId: Int
    let firstNumId: Int
    /// `(numId, ordered, level, start)` of every list instance created, in order.
    private(set) var lists: [(numId: Int, ordered: Bool, level: Int, start: Int)] = []
    /// Part name → hyperlink targets; relationship id of target i is `rIdDocketLink<i+1>`.
    private(set) var hyperlinks: [String: [String]] = [:]
    /// Style ids used by generated content.
    private(set) var usedStyles: Set<String> = []
    /// First free `w:footnote` id (1 when the template has no footnotes part).
    let firstFootnoteId: Int
    /// Footnotes created, in order: id and content (`w:p`s, the first with its `w:footnoteRef`).
    private(set) var footnotes: [(id: Int, xml: String)] = []

    init(firstAbstractId: Int, firstNumId: Int, firstFootnoteId: Int = 1) {
        self.firstAbstractId = firstAbstractId
        self.firstNumId = firstNumId
        self.firstFootnoteId = max(1, firstFootnoteId)
    }

    /// Renumbers the footnotes created so that their ids, and their order in `word/footnotes.xml`,
    /// follow `referenced` (the ids in the order the document references them). LibreOffice pairs
    /// references with notes in file order, Word by id; notes in document order satisfy both.
    /// Returns old id → new id.
    mutating func renumberFootnotes(referenced: [Int]) -> [Int: Int] {
        let byId = Dictionary(footnotes.map { ($0.id, $0.xml) }, uniquingKeysWith: { a, _ in a })
        var map: [Int: Int] = [:]
        var ordered: [(id: Int, xml: String)] = []
        for old in referenced where byId[old] != nil && map[old] == nil {
            map[old] = firstFootnoteId + ordered.count
            ordered.append((firstFootnoteId + ordered.count, byId[old]!))
        }
        for note in footnotes where map[note.id] == nil {  // not referenced from the main part: kept, after
            map[note.id] = firstFootnoteId + ordered.count
            ordered.append((firstFootnoteId + ordered.count, note.xml))
        }
        footnotes = ordered
        return map
    }

    /// A new footnote with `xml` as its content; its id.
    mutating func addFootnote(_ xml: String) -> Int {
        let id = firstFootnoteId + footnotes.count
        footnotes.append((id, xml))
        return id
    }

    var bulletAbstractId: Int { firstAbstractId }
    var orderedAbstractId: Int { firstAbstractId + 1 }

    /// A new numbering instance for a list (each list restarts its count).
    mutating func newList(ordered: Bool, level: Int, start: Int) -> Int {
        let id = firstNumId + lists.count
        lists.append((id, ordered, level, start))
        return id
    }

    /// The relationship id for a hyperlink target from `part` (same target → same id).
    mutating func hyperlink(_ target: String, in part: String) -> String {
        var targets = hyperlinks[part] ?? []
        let index = targets.firstIndex(of: target) ?? {
            targets.append(target)
            return targets.count - 1
        }()
        hyperlinks[part] = targets
        return Self.relationshipId(index)
    }

    static func relationshipId(_ index: Int) -> String { "rIdDocketLink\(index + 1)" }

    mutating func use(style: String) { usedStyles.insert(style) }

    /// Images embedded, in order of first use; the same bytes are stored once.
    private(set) var media: [(bytes: Data, format: ImageFormat)] = []
    private var mediaIndex: [Data: Int] = [:]
    /// Part name → the media it shows (index into `media`), for its relationships.
    private(set) var imageUses: [String: [Int]] = [:]

    /// The relationship id, in `part`'s relationships, of an image (same bytes → same media part).
    mutating func image(_ bytes: Data, format: ImageFormat, in part: String) -> String {
        let index = mediaIndex[bytes] ?? {
            media.append((bytes, format))
            mediaIndex[bytes] = media.count - 1
            return media.count - 1
        }()
        if !(imageUses[part] ?? []).contains(index) { imageUses[part, default: []].append(index) }
        return Self.imageRelationshipId(index)
    }

    static func imageRelationshipId(_ index: Int) -> String { "rIdDocketImage\(index + 1)" }
}
