/// RFC 3986 URI references as plain strings: splitting, reference resolution (§5.2) and
/// dot-segment removal. Works for `http:`, `file:`, `urn:` and `tag:` URIs alike, which is
/// what JSON Schema's `$id` and `$ref` need; Foundation's `URL` is not used because it
/// resolves non-hierarchical URIs (`urn:`) differently.
public struct URIReference: Sendable, Hashable {
    public var scheme: String?
    public var authority: String?
    public var path: String
    public var query: String?
    public var fragment: String?

    /// Splits a reference with the regular expression of RFC 3986 appendix B.
    public init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter,
           !rest[..<colon].contains(where: { $0 == "/" }) {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = String(afterSlashes[..<end])
            rest = afterSlashes[end...]
        }
        path = String(rest)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Recomposes the reference (§5.3).
    public var string: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    /// This reference without its fragment.
    public var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves `reference` against this base URI (§5.2.2, strict).
    public func resolving(_ reference: URIReference) -> URIReference {
        let r = reference
        if let scheme = r.scheme {
            return URIReference(scheme: scheme, authority: r.authority, path: Self.removeDotSegments(r.path),
                                query: r.query, fragment: r.fragment)
        }
        if r.authority != nil {
            return URIReference(scheme: scheme, authority: r.authority, path: Self.removeDotSegments(r.path),
                                query: r.query, fragment: r.fragment)
        }
        if r.path.isEmpty {
            return URIReference(scheme: scheme, authority: authority, path: path,
                                query: r.query ?? query, fragment: r.fragment)
        }
        let merged: String
        if r.path.hasPrefix("/") {
            merged = r.path
        } else if authority != nil && path.isEmpty {
            merged = "/" + r.path
        } else if let slash = path.lastIndex(of: "/") {
            merged = String(path[...slash]) + r.path
        } else {
            merged = r.path
        }
        return URIReference(scheme: scheme, authority: authority, path: Self.removeDotSegments(merged),
                            query: r.query, fragment: r.fragment)
    }

    /// Resolves the string `reference` against the string `base`; empty fragments are dropped.
    public static func resolve(_ reference: String, against base: String) -> String {
        var resolved = URIReference(base).resolving(URIReference(reference))
        if resolved.fragment == "" { resolved.fragment = nil }
        return resolved.string
    }

    /// §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        var result = ""
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = input.dropFirst(2) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let start = input.startIndex
                let searchFrom = input.first == "/" ? input.index(after: start) : start
                let end = input[searchFrom...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[start..<end])
                input = input[end...]
            }
        }
        for segment in output { result += segment }
        return result
    }
}
