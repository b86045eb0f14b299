/// A parsed template: text, variables, sections and partials, each remembering its offset.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TagRef, escaped: Bool)
    case section(TagRef, inverted: Bool, children: [TemplateNode])
    case partial(name: String, indentation: String, offset: Int)
}

/// A data reference in a tag: its path, optional filter and where the tag is.
struct TagRef: Sendable {
    var path: DataPath
    var filter: String?
    var offset: Int
    var source: String

    init(_ tag: LexedTag) {
        path = DataPath(tag.name)
        filter = tag.filter
        offset = tag.range.lowerBound
        source = tag.filter.map { "\($0)(\(tag.name))" } ?? tag.name
    }
}

/// `a.b.c`, `.` (the current item) or a loop variable (`@index`, `@number`, `@first`, `@last`).
struct DataPath: Sendable, Hashable, CustomStringConvertible {
    var segments: [String]
    var isImplicit: Bool { segments.isEmpty }

    init(_ text: String) {
        segments = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    var description: String { isImplicit ? "." : segments.joined(separator: ".") }
}
