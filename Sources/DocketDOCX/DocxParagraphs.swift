import DocketCore
import Foundation

/// One paragraph of a filled document with its place (part, heading above, table/row/cell):
/// what `docket validate` scans for leftover template text and empty "Response:" labels.
public struct DocxParagraph: Sendable, Hashable {
    /// Visible text (as `DocxAnswer.text`: deleted text left out, breaks as `\n`).
    public var text: String
    /// Whether the paragraph is a heading (Heading*/Title style or an outline level).
    public var isHeading: Bool
    public var location: SourceLocation
}

/// Reads every paragraph of the main document, headers, footers and notes, in that order.
///
/// Rather than walking the parts a second way, each paragraph is wrapped in a content control
/// tagged `docket:¶<n>` and the package goes through `DocxAnswers` (same limits, same hardened
/// parser, same places). The wrapping works on bytes, so untrusted input is still only parsed
/// by `SafeXMLParser`.
public enum DocxParagraphs {
    static let marker = "¶"

    public static func read(package: OOXMLPackage, file: String, limits: PackageLimits = PackageLimits()) throws(PackageError) -> [DocxParagraph] {
        var marked = package
        var headings: Set<Int> = []
        var counter = 0
        for (name, bytes) in package.parts where name.hasSuffix(".xml") && !name.hasPrefix("[") && !name.contains("_rels/") {
            guard bytes.count <= limits.maxXMLPartBytes else { continue }  // DocxAnswers reports it
            marked.parts[name] = Data(wrap([UInt8](bytes), counter: &counter, headings: &headings))
        }
        return try DocxAnswers.read(package: marked, file: file, limits: limits, markdown: false, bookmarks: false).compactMap { answer in
            guard answer.path.hasPrefix(marker), let n = Int(answer.path.dropFirst(marker.count)) else { return nil }
            return DocxParagraph(text: answer.text, isHeading: headings.contains(n), location: answer.location)
        }
    }

    /// `bytes` with every `<w:p …>…</w:p>` (and `<w:p/>`) inside `<w:sdt>` tagged `docket:¶<n>`.
    static func wrap(_ bytes: [UInt8], counter: inout Int, headings: inout Set<Int>) -> [UInt8] {
        let open = Array("<w:p".utf8), close = Array("</w:p>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var stack: [Int] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), starts(bytes, i, open), i + 4 < bytes.count,
               [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/")].contains(bytes[i + 4]) {
                let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1
                counter += 1
                out += Array("<w:sdt><w:sdtPr><w:tag w:val=\"docket:\(marker)\(counter)\"/></w:sdtPr><w:sdtContent>".utf8)
                if isHeading(bytes, from: end) { headings.insert(counter) }
                out += bytes[i...end]
                if bytes[end - 1] == UInt8(ascii: "/") { out += Array("</w:sdtContent></w:sdt>".utf8) } else { stack.append(counter) }
                i = end + 1
            } else if bytes[i] == UInt8(ascii: "<"), starts(bytes, i, close) {
                out += close
                if stack.popLast() != nil { out += Array("</w:sdtContent></w:sdt>".utf8) }
                i += close.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func starts(_ bytes: [UInt8], _ at: Int, _ prefix: [UInt8]) -> Bool {
        at + prefix.count <= bytes.count && bytes[at..<(at + prefix.count)].elementsEqual(prefix)
    }

    /// A Heading*/Title style or an outline level in the paragraph's own properties: the
    /// `<w:pPr>` that directly follows its start tag at `from` (a paragraph without one is not a
    /// heading, whatever the next paragraph's style).
    static func isHeading(_ bytes: [UInt8], from: Int) -> Bool {
        var i = from + 1
        while i < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[i]) { i += 1 }
        let open = Array("<w:pPr".utf8), close = Array("</w:pPr>".utf8)
        guard starts(bytes, i, open), i + open.count < bytes.count,
              [UInt8(ascii: ">"), UInt8(ascii: " ")].contains(bytes[i + open.count]) else { return false }
        var end = i
        while end < bytes.count, !starts(bytes, end, close) { end += 1 }
        let props = String(decoding: bytes[i..<end], as: UTF8.self)
        return props.contains("w:pStyle w:val=\"Heading") || props.contains("w:pStyle w:val=\"Title\"") || props.contains("<w:outlineLvl")
    }
}
