/// `uri`, `uri-reference`, `iri`, `iri-reference` (RFC 3986/3987 syntax) and `uri-template`
/// (RFC 6570 level 4 syntax).
enum URIFormats {
    static let unreserved = Set("-._~".unicodeScalars)
    static let subDelims = Set("!$&'()*+,;=".unicodeScalars)

    /// pchar plus `extra`, with `%XX` escapes checked separately.
    private static func valid(_ part: Substring.UnicodeScalarView, extra: Set<Unicode.Scalar>, international: Bool) -> Bool {
        var it = Array(part)
        var i = 0
        while i < it.count {
            let c = it[i]
            if c == "%" {
                guard i + 2 < it.count, Formats.isHex(it[i + 1]), Formats.isHex(it[i + 2]) else { return false }
                i += 3
                continue
            }
            let ok = Formats.isAlpha(c) || Formats.isDigit(c) || unreserved.contains(c) || subDelims.contains(c)
                || c == ":" || c == "@" || extra.contains(c) || (international && isUCS(c))
            if !ok { return false }
            i += 1
        }
        it.removeAll()
        return true
    }

    private static func isUCS(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0xA0 && !(0xD800...0xDFFF).contains(c.value) && !(0xFDD0...0xFDEF).contains(c.value)
    }

    static func isURI(_ s: String, requireScheme: Bool, international: Bool) -> Bool {
        let text = Substring(s)
        var rest = text
        var fragment: Substring?
        if let h = rest.firstIndex(of: "#") { fragment = rest[rest.index(after: h)...]; rest = rest[..<h] }
        var query: Substring?
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        var hasScheme = false
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            let scheme = rest[..<colon].unicodeScalars
            guard let first = scheme.first, Formats.isAlpha(first),
                  scheme.allSatisfy({ Formats.isAlpha($0) || Formats.isDigit($0) || "+-.".unicodeScalars.contains($0) })
            else { return false }
            hasScheme = true
            rest = rest[rest.index(after: colon)...]
        }
        if requireScheme && !hasScheme { return false }
        let slashQ = Set("/?".unicodeScalars)
        if let fragment, !valid(fragment.unicodeScalars, extra: slashQ, international: international) { return false }
        if let query, !valid(query.unicodeScalars, extra: slashQ, international: international) { return false }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            guard isAuthority(afterSlashes[..<end], international: international) else { return false }
            rest = afterSlashes[end...]
        }
        return valid(rest.unicodeScalars, extra: ["/"], international: international)
    }

    private static func isAuthority(_ a: Substring, international: Bool) -> Bool {
        var hostPort = a
        if let at = a.lastIndex(of: "@") {
            let userinfo = a[..<at]
            guard !userinfo.contains("@"), valid(userinfo.unicodeScalars, extra: [], international: international) else { return false }
            hostPort = a[a.index(after: at)...]
        }
        var host = hostPort
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return false }
            let literal = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            guard NetworkFormats.isIPv6(String(literal)) || literal.lowercased().hasPrefix("v") else { return false }
            let after = hostPort[hostPort.index(after: close)...]
            guard after.isEmpty || (after.first == ":" && after.dropFirst().unicodeScalars.allSatisfy(Formats.isDigit)) else { return false }
            return true
        }
        if let colon = hostPort.lastIndex(of: ":") {
            guard hostPort[hostPort.index(after: colon)...].unicodeScalars.allSatisfy(Formats.isDigit) else { return false }
            host = hostPort[..<colon]
        }
        return !host.contains(":") && valid(host.unicodeScalars, extra: [], international: international)
    }

    /// Balanced, non-nested `{…}` expressions with valid operators and variable names.
    static func isURITemplate(_ s: String) -> Bool {
        var inExpression = false
        var expression = ""
        for c in s.unicodeScalars {
            if inExpression {
                if c == "}" {
                    guard isTemplateExpression(expression) else { return false }
                    inExpression = false
                    expression = ""
                } else if c == "{" {
                    return false
                } else {
                    expression.unicodeScalars.append(c)
                }
            } else if c == "{" {
                inExpression = true
            } else if c == "}" || c == " " || c == "\"" || c == "<" || c == ">" || c == "\\" || c == "^" || c == "`" || c == "|" || c.value < 0x20 || c.value == 0x7F {
                return false
            }
        }
        return !inExpression
    }

    private static func isTemplateExpression(_ e: String) -> Bool {
        var body = Substring(e)
        if let f = body.first, "+#./;?&=,!@|".contains(f) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        for variable in body.split(separator: ",", omittingEmptySubsequences: false) {
            var name = variable
            if name.hasSuffix("*") { name = name.dropLast() }
            if let colon = name.firstIndex(of: ":") {
                let length = name[name.index(after: colon)...]
                guard !length.isEmpty, length.count <= 4, length.first != "0",
                      length.unicodeScalars.allSatisfy(Formats.isDigit) else { return false }
                name = name[..<colon]
            }
            guard !name.isEmpty, !name.contains(".."), name.first != ".", name.last != ".", name.unicodeScalars.allSatisfy({
                Formats.isAlpha($0) || Formats.isDigit($0) || $0 == "_" || $0 == "." || $0 == "%"
            }) else { return false }
        }
        return true
    }
}
