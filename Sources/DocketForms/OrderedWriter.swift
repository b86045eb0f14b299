import DocketCore
import Foundation

/// YAML and JSON with object keys in the schema's order (what a person reads next to the form).
enum OrderedWriter {
    static func json(_ value: JSONValue, schema: FormSchema) -> String {
        var out = ""
        writeJSON(value, schema, 0, &out)
        return out + "\n"
    }

    private static func writeJSON(_ value: JSONValue, _ schema: FormSchema, _ indent: Int, _ out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch value {
        case .object(let o) where !o.isEmpty:
            out += "{\n" + schema.ordered(Array(o.keys)).map { key -> String in
                var s = pad + JSONWriter.quote(key) + ": "
                writeJSON(o[key]!, schema, indent + 1, &s)
                return s
            }.joined(separator: ",\n") + "\n" + end + "}"
        case .array(let a) where !a.isEmpty:
            out += "[\n" + a.map { v -> String in
                var s = pad
                writeJSON(v, schema, indent + 1, &s)
                return s
            }.joined(separator: ",\n") + "\n" + end + "]"
        default:
            out += JSONWriter.string(value)
        }
    }

    static func yaml(_ value: JSONValue, schema: FormSchema) -> String {
        guard case .object(let o) = value, !o.isEmpty else { return "{}\n" }
        var out = ""
        writeYAML(value, schema, 0, &out)
        return out
    }

    private static func writeYAML(_ value: JSONValue, _ schema: FormSchema, _ indent: Int, _ out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let o):
            for key in schema.ordered(Array(o.keys)) {
                let v = o[key]!
                out += pad + scalar(.string(key), indent: indent) + ":"
                if isBlock(v) {
                    out += "\n"
                    writeYAML(v, schema, indent + 1, &out)
                } else {
                    out += " " + scalar(v, indent: indent + 1) + "\n"
                }
            }
        case .array(let a):
            for v in a {
                if isBlock(v) {
                    // "- " then the first key on the same line.
                    var inner = ""
                    writeYAML(v, schema, indent + 1, &inner)
                    out += pad + "- " + inner.dropFirst(pad.count + 2)
                } else {
                    out += pad + "- " + scalar(v, indent: indent + 1) + "\n"
                }
            }
        default:
            out += pad + scalar(value, indent: indent) + "\n"
        }
    }

    private static func isBlock(_ v: JSONValue) -> Bool {
        switch v {
        case .object(let o): return !o.isEmpty
        case .array(let a): return !a.isEmpty
        default: return false
        }
    }

    private static func scalar(_ v: JSONValue, indent: Int) -> String {
        switch v {
        case .object: return "{}"
        case .array: return "[]"
        case .string(let s):
            if s.contains("\n") {
                let pad = String(repeating: "  ", count: indent)
                let keep = s.hasSuffix("\n") ? "" : "-"
                let lines = (s.hasSuffix("\n") ? String(s.dropLast()) : s).split(separator: "\n", omittingEmptySubsequences: false)
                let indicator = lines.first?.first == " " ? "2" : ""
                return "|" + indicator + keep + "\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
            }
            return plain(s) ? s : JSONWriter.quote(s)
        default: return JSONWriter.string(v)
        }
    }

    /// A string YAML reads back as the same string without quotes.
    private static func plain(_ s: String) -> Bool {
        guard let first = s.first, !s.hasSuffix(" "), !" -?:,[]{}#&*!|>'\"%@`".contains(first) else { return false }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        let lower = s.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return false }
        if Double(s) != nil || s.allSatisfy({ $0.isNumber || "-.:+eE_".contains($0) }) { return false }
        return s.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }
}
