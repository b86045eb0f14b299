/// Where a `{{markdown(x)}}` tag sits in a compiled template: the formatting its output inherits.
/// Block slots replace a whole paragraph (`markdownBlock<i>` filters), inline slots sit inside
/// a run (`markdownInline<i>`).
struct MarkdownSlot: Sendable, Hashable {
    var part: String
    var paragraphProperties: PropertyList
    var runProperties: PropertyList
    var inCell: Bool
    var block: Bool

    static let blockPrefix = "markdownBlock"
    static let inlinePrefix = "markdownInline"

    /// The slot index named by a filter (`markdownBlock3` → 3), or nil.
    static func index(in filter: String) -> Int? {
        for prefix in [blockPrefix, inlinePrefix] where filter.hasPrefix(prefix) {
            return Int(filter.dropFirst(prefix.count))
        }
        return nil
    }
}
