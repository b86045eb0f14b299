import DocketCore
import Foundation

/// A value that the output format cannot represent (e.g. a control character in XML 1.0).
public struct FormatError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// How Markdown output refers to an `{{image(x)}}`.
public enum MarkdownImages: Sendable, Hashable {
    /// `![alt](path)`, the path as the data gives it (relative to the data file); a `data:`
    /// image stays a data URI. For `.md` files kept beside their images.
    case reference
    /// `![alt](data:image/png;base64,…)`: the image inside the text. For HTML pages (one
    /// self-contained file).
    case inline
    /// As `inline`, with the shown size in the title (`"docket-size:<cx>x<cy>"`, EMU), which
    /// Markdown → DOCX reads back. For Markdown filled into a .docx only: the title is Docket's.
    case embedded

    /// The title `embedded` writes for a size in EMU.
    public static func sizeTitle(cx: Int, cy: Int) -> String { "\(sizeTitlePrefix)\(cx)x\(cy)" }
    public static let sizeTitlePrefix = "docket-size:"

    /// The size in a title `embedded` wrote, or nil.
    public static func size(inTitle title: String) -> (cx: Int, cy: Int)? {
        guard title.hasPrefix(sizeTitlePrefix) else { return nil }
        let parts = title.dropFirst(sizeTitlePrefix.count).split(separator: "x")
        guard parts.count == 2, let cx = Int(parts[0]), let cy = Int(parts[1]), cx > 0, cy > 0 else { return nil }
        return (cx, cy)
    }
}

/// An output format: how plain values are escaped, and format-specific filters.
public protocol OutputFormat: Sendable {
    /// Escapes a plain text value for this format.
    func escape(_ text: String) throws(FormatError) -> String
    /// The rendered output of a format-specific filter (e.g. `markdown`), inserted verbatim;
    /// nil falls back to the registered and built-in filters.
    func renderFilter(_ name: String, value: JSONValue) throws(FormatError) -> String?
    /// Output for `{{{x}}}` / `{{& x}}`: escaped like any value unless the format says otherwise.
    func unescaped(_ text: String) throws(FormatError) -> String
    /// Output for `{{image(x)}}`, the image already read and checked (alt text present).
    func image(_ image: LoadedImage) throws(FormatError) -> String
}

extension OutputFormat {
    public func unescaped(_ text: String) throws(FormatError) -> String { try escape(text) }
    /// Plain text: the alt text.
    public func image(_ image: LoadedImage) throws(FormatError) -> String { try escape(image.field.altText) }
    public func renderFilter(_ name: String, value: JSONValue) throws(FormatError) -> String? { nil }
}

/// Text inserted as is (for file names and plain text).
public struct PlainTextFormat: OutputFormat {
    public init() {}
    public func escape(_ text: String) throws(FormatError) -> String { text }
}

/// Markdown output: values are text, so Markdown punctuation in them is backslash-escaped and a
/// newline becomes a hard line break; `markdown(x)` inserts the value verbatim as Markdown.
public struct MarkdownFormat: OutputFormat {
    public var images: MarkdownImages

    public init(images: MarkdownImages = .reference) { self.images = images }

    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&"]

    public func escape(_ text: String) throws(FormatError) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var atLineStart = true
        var chars = Substring(text)
        while let c = chars.first {
            chars.removeFirst()
            if c == "\n" || c == "\r\n" {
                out += "\\\n"
                atLineStart = true
                continue
            }
            if atLineStart {
                // Leading list, quote and heading markers would change the block structure.
                if c == "-" || c == "+" || c == "=" { out += "\\" }
                if c.isNumber {
                    var digits = String(c)
                    while let d = chars.first, d.isNumber { digits.append(d); chars.removeFirst() }
                    out += digits
                    if let d = chars.first, d == "." || d == ")" { out += "\\" }
                    atLineStart = false
                    continue
                }
            }
            if MarkdownFormat.special.contains(c) { out += "\\" }
            out.append(c)
            atLineStart = false
        }
        return out
    }

    /// `{{{x}}}` in a Markdown template: the value is Markdown.
    public func unescaped(_ text: String) throws(FormatError) -> String { text }

    /// `![alt](destination)`; a decorative image has empty alt text (`![](…)`, HTML `alt=""`).
    public func image(_ image: LoadedImage) throws(FormatError) -> String {
        var destination: String
        switch (images, image.field.source) {
        case (.reference, .path(let p)): destination = Self.destination(p)
        default: destination = image.dataURI
        }
        if images == .embedded {
            let (cx, cy) = image.extent
            destination += " \"" + MarkdownImages.sizeTitle(cx: cx, cy: cy) + "\""
        }
        let alt = image.field.altText.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "![" + (try escape(alt)) + "](" + destination + ")"
    }

    /// A link destination: characters CommonMark would end it at are percent-encoded.
    static func destination(_ path: String) -> String {
        var out = ""
        for c in path.unicodeScalars {
            switch c {
            case " ", "(", ")", "<", ">", "\n", "\r", "\t": out += String(format: "%%%02X", c.value)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    public func renderFilter(_ name: String, value: JSONValue) throws(FormatError) -> String? {
        guard name == "markdown" else { return nil }
        switch value {
        case .string(let s): return s
        case .null: return ""
        default: return JSONWriter.string(value)
        }
    }
}
