import DocketXML
import Foundation

/// Plain text → WordprocessingML run content: XML-escaped, `\n` → `<w:br/>`, `\t` → `<w:tab/>`,
/// characters XML 1.0 forbids → an error (never a corrupt file).
enum WMLText {
    struct IllegalCharacter: Error { var scalar: Unicode.Scalar }

    /// Content to place *inside* an open `<w:t xml:space="preserve">`: breaks and tabs close and
    /// reopen the text element.
    static func insideText(_ text: String) throws(IllegalCharacter) -> String {
        if let bad = XMLWriter.firstIllegalScalar(in: text) { throw IllegalCharacter(scalar: bad) }
        let normalised = text.replacingCRLF()
        guard normalised.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else {
            return XMLWriter.escape(normalised)
        }
        var out = ""
        var segment = ""
        for ch in normalised.unicodeScalars {
            switch ch {
            case "\n", "\t":
                out += XMLWriter.escape(segment)
                segment = ""
                out += ch == "\n" ? "</w:t><w:br/><w:t xml:space=\"preserve\">" : "</w:t><w:tab/><w:t xml:space=\"preserve\">"
            default: segment.unicodeScalars.append(ch)
            }
        }
        return out + XMLWriter.escape(segment)
    }

    /// A complete run with `rPr` (already serialised, may be "").
    static func run(_ text: String, rPr: String) throws(IllegalCharacter) -> String {
        "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(try insideText(text))</w:t></w:r>"
    }
}

extension String {
    /// `\r\n` and lone `\r` → `\n`.
    func replacingCRLF() -> String {
        guard utf8.contains(0x0D) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
