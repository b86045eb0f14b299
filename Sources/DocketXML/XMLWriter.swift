/// Writes `XMLDocument` values back as text, deterministically: the declaration OOXML uses,
/// attributes in stored order, `&<>"` escaped, empty elements as `<a/>`.
public enum XMLWriter {
    /// The whole document with its XML declaration.
    public static func string(_ document: XMLDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\""
        if let standalone = document.standalone { out += standalone ? " standalone=\"yes\"" : " standalone=\"no\"" }
        out += "?>\n"
        write(document.root, into: &out)
        return out
    }

    /// What `write(_:into:visit:)` reports, with the UTF-8 offset in the output where it happens.
    public enum Event {
        case enter(XMLElement)
        case exit(XMLElement)
        case raw(String)
    }

    /// One element. `visit`, when given, sees every element start and end and every raw node with
    /// its UTF-8 offset in `out` (the DOCX compiler maps template offsets to places with it).
    public static func write(_ element: XMLElement, into out: inout String,
                             visit: ((Event, Int) -> Void)? = nil) {
        visit?(.enter(element), out.utf8.count)
        defer { visit?(.exit(element), out.utf8.count) }
        out += "<"
        out += element.name
        for a in element.attributes {
            out += " "
            out += a.name
            out += "=\""
            appendEscaped(a.value, attribute: true, into: &out)
            out += "\""
        }
        if element.children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for child in element.children { write(child, into: &out, visit: visit) }
        out += "</"
        out += element.name
        out += ">"
    }

    /// One node.
    public static func write(_ node: XMLNode, into out: inout String, visit: ((Event, Int) -> Void)? = nil) {
        switch node {
        case .element(let e): write(e, into: &out, visit: visit)
        case .text(let t): appendEscaped(t, attribute: false, into: &out)
        case .raw(let r):
            visit?(.raw(r), out.utf8.count)
            out += r
        case .comment(let c): out += "<!--" + c + "-->"
        case .processingInstruction(let target, let data):
            out += "<?" + target + (data.isEmpty ? "" : " " + data) + "?>"
        }
    }

    /// Escapes text for element content or a double-quoted attribute value.
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        appendEscaped(text, attribute: attribute, into: &out)
        return out
    }

    static func appendEscaped(_ text: String, attribute: Bool, into out: inout String) {
        // Fast path: nothing to escape.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || (attribute && ($0 == 0x0A || $0 == 0x0D || $0 == 0x09)) || $0 == 0x0D }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// True when every scalar of `text` is allowed by XML 1.0 (§2.2 Char).
    public static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The first scalar XML 1.0 forbids in `text`, or nil.
    public static func firstIllegalScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { !isLegal($0) }
    }
}
