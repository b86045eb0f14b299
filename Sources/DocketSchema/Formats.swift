import Foundation

/// Validators for the `format` values Docket asserts (when format assertion is on).
/// Dates and times follow RFC 3339, durations RFC 3339 appendix A, hosts RFC 1123 (with
/// punycode checks), addresses RFC 2673/4291, URIs RFC 3986/3987, pointers RFC 6901.
enum Formats {
    static func validator(_ name: String) -> (@Sendable (String) -> Bool)? {
        table[name]
    }

    static let table: [String: @Sendable (String) -> Bool] = [
        "date": DateFormats.isDate,
        "time": DateFormats.isTime,
        "date-time": DateFormats.isDateTime,
        "duration": DateFormats.isDuration,
        "email": { NetworkFormats.isEmail($0, international: false) },
        "idn-email": { NetworkFormats.isEmail($0, international: true) },
        "hostname": { NetworkFormats.isHostname($0, international: false) },
        "idn-hostname": { NetworkFormats.isHostname($0, international: true) },
        "ipv4": NetworkFormats.isIPv4,
        "ipv6": NetworkFormats.isIPv6,
        "uri": { URIFormats.isURI($0, requireScheme: true, international: false) },
        "uri-reference": { URIFormats.isURI($0, requireScheme: false, international: false) },
        "iri": { URIFormats.isURI($0, requireScheme: true, international: true) },
        "iri-reference": { URIFormats.isURI($0, requireScheme: false, international: true) },
        "uri-template": URIFormats.isURITemplate,
        "uuid": TextFormats.isUUID,
        "regex": TextFormats.isRegex,
        "json-pointer": TextFormats.isJSONPointer,
        "relative-json-pointer": TextFormats.isRelativeJSONPointer,
    ]

    /// ASCII digit test (format grammars never accept other Unicode digits).
    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    @inline(__always)
    static func isHex(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }

    @inline(__always)
    static func isAlpha(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
}

/// `uuid`, `regex`, `json-pointer`, `relative-json-pointer`.
enum TextFormats {
    static func isUUID(_ s: String) -> Bool {
        let c = Array(s.unicodeScalars)
        guard c.count == 36 else { return false }
        for (i, ch) in c.enumerated() {
            if [8, 13, 18, 23].contains(i) { if ch != "-" { return false } } else if !Formats.isHex(ch) { return false }
        }
        return true
    }

    static func isRegex(_ s: String) -> Bool { ECMARegex(s) != nil }

    static func isJSONPointer(_ s: String) -> Bool {
        if s.isEmpty { return true }
        guard s.hasPrefix("/") else { return false }
        let c = Array(s.unicodeScalars)
        for (i, ch) in c.enumerated() where ch == "~" {
            guard i + 1 < c.count, c[i + 1] == "0" || c[i + 1] == "1" else { return false }
        }
        return true
    }

    static func isRelativeJSONPointer(_ s: String) -> Bool {
        let c = Array(s.unicodeScalars)
        var i = 0
        while i < c.count, Formats.isDigit(c[i]) { i += 1 }
        guard i > 0, !(c[0] == "0" && i > 1) else { return false }
        var rest = String(String.UnicodeScalarView(c[i...]))
        if rest == "#" { return true }
        // An optional index adjustment (+n / -n) as in later drafts of the spec.
        if let f = rest.unicodeScalars.first, f == "+" || f == "-" {
            let digits = rest.unicodeScalars.dropFirst().prefix(while: Formats.isDigit)
            guard !digits.isEmpty, !(digits.first == "0" && digits.count > 1) else { return false }
            rest = String(String.UnicodeScalarView(rest.unicodeScalars.dropFirst(1 + digits.count)))
        }
        return isJSONPointer(rest)
    }
}
