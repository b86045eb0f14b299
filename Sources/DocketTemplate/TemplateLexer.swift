/// A Mustache tag found in template text.
public struct LexedTag: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case variable, unescaped, section, inverted, close, comment, partial, setDelimiter
    }

    public var kind: Kind
    /// The data path (`contacts`, `a.b`, `.`), the partial name, or the comment text.
    public var name: String
    /// `markdown` in `{{markdown(narrative)}}`.
    public var filter: String?
    /// UTF-8 offsets of the whole tag, delimiters included.
    public var range: Range<Int>

    /// Tags that Mustache removes together with their line when they stand alone on it.
    var canStandAlone: Bool {
        switch kind {
        case .section, .inverted, .close, .comment, .partial, .setDelimiter: return true
        case .variable, .unescaped: return false
        }
    }
}

/// A lexical piece of a template: literal text or a tag.
enum LexToken: Sendable {
    case text(String, offset: Int)
    case tag(LexedTag, indentation: String)
    case unclosed(offset: Int, delimiter: String)
}

/// Splits template text into text and tags, following the Mustache spec's delimiter changes and
/// its standalone-line rule (a section, comment or partial tag alone on a line takes the line with it).
public enum TemplateLexer {
    /// The tags of `text`, for tools that need tag positions without the structure (the DOCX compiler).
    public static func scan(_ text: String) -> [LexedTag] {
        tokens(Array(text.utf8), standalone: false).compactMap {
            if case .tag(let t, _) = $0 { return t }
            return nil
        }
    }

    static func tokens(_ bytes: [UInt8], standalone: Bool = true) -> [LexToken] {
        var result: [LexToken] = []
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var i = 0
        var textStart = 0

        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            guard index + pattern.count <= bytes.count else { return false }
            for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
            return true
        }
        func emitText(_ from: Int, _ to: Int) {
            if to > from { result.append(.text(String(decoding: bytes[from..<to], as: UTF8.self), offset: from)) }
        }

        while i < bytes.count {
            guard matches(open, at: i) else { i += 1; continue }
            let tagStart = i
            var contentStart = i + open.count
            var kindByte: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
            var closing = close
            // Triple mustache {{{x}}} only with default delimiters.
            if kindByte == UInt8(ascii: "{") && open == Array("{{".utf8) { closing = Array("}}}".utf8) }
            if kindByte == UInt8(ascii: "=") { closing = [UInt8(ascii: "=")] + close }
            var j = contentStart
            while j < bytes.count && !matches(closing, at: j) { j += 1 }
            if j >= bytes.count {
                emitText(textStart, tagStart)
                result.append(.unclosed(offset: tagStart, delimiter: String(decoding: closing, as: UTF8.self)))
                textStart = tagStart
                i = bytes.count
                break
            }
            let tagEnd = j + closing.count
            if let k = kindByte, "{&#^/!>=".utf8.contains(k) { contentStart += 1 } else { kindByte = nil }
            let raw = String(decoding: bytes[contentStart..<j], as: UTF8.self)
            let content = raw.trimmingWhitespace()
            let kind: LexedTag.Kind
            switch kindByte {
            case UInt8(ascii: "{"), UInt8(ascii: "&"): kind = .unescaped
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "="): kind = .setDelimiter
            default: kind = .variable
            }
            var name = content, filter: String? = nil
            if kind != .comment, kind != .setDelimiter, kind != .partial, let paren = content.firstIndex(of: "("), content.hasSuffix(")") {
                filter = String(content[..<paren]).trimmingWhitespace()
                name = String(content[content.index(after: paren)..<content.index(before: content.endIndex)]).trimmingWhitespace()
            }
            var tag = LexedTag(kind: kind, name: name, filter: filter, range: tagStart..<tagEnd)
            // Standalone line handling.
            var lineStart = tagStart
            while lineStart > textStart, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
            let atLineStart = lineStart == 0 || (lineStart > 0 && bytes[lineStart - 1] == 0x0A)
            var lineEnd = tagEnd
            while lineEnd < bytes.count, bytes[lineEnd] == 0x20 || bytes[lineEnd] == 0x09 { lineEnd += 1 }
            var afterLine = lineEnd
            var endsClean = false
            if lineEnd == bytes.count { endsClean = true }
            else if bytes[lineEnd] == 0x0A { endsClean = true; afterLine = lineEnd + 1 }
            else if bytes[lineEnd] == 0x0D, lineEnd + 1 < bytes.count, bytes[lineEnd + 1] == 0x0A { endsClean = true; afterLine = lineEnd + 2 }
            // A previous tag ending where this line starts leaves a non-newline byte before it,
            // so `atLineStart` also rules out a line shared with another tag.
            let isStandalone = standalone && tag.canStandAlone && atLineStart && endsClean
            var indentation = ""
            if isStandalone {
                indentation = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self)
                emitText(textStart, lineStart)
                textStart = afterLine
            } else {
                emitText(textStart, tagStart)
                textStart = tagEnd
            }
            if kind == .setDelimiter {
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                    tag.name = ""
                } else {
                    tag.name = content
                }
            }
            result.append(.tag(tag, indentation: indentation))
            i = max(textStart, tagEnd)
        }
        emitText(textStart, bytes.count)
        return result
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
