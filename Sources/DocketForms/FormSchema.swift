import DocketCore
import Foundation

/// What the forms need of a deliverable's JSON Schema: the node of a field path (through
/// `$ref`, `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`, `items`), its kind (rich text, date,
/// boolean, number, choice), its title/description, and the schema's property order.
public struct FormSchema: Sendable {
    public let root: JSONValue
    /// Property name → its first position in the schema file (for output in schema order).
    let rank: [String: Int]

    public init(root: JSONValue, rank: [String: Int] = [:]) {
        self.root = root
        self.rank = rank
    }

    /// Loads a schema file, remembering the order its properties are written in.
    public static func load(_ url: URL) throws(DataLoader.Failure) -> FormSchema {
        let loaded = try DataLoader.load(path: url.path)
        var rank: [String: Int] = [:]
        let keyed = loaded.sourceMap.positions.compactMap { pointer, position -> (String, SourcePosition)? in
            let tokens = JSONPointer.tokens(pointer)
            guard tokens.count >= 2, tokens[tokens.count - 2] == "properties" else { return nil }
            return (tokens[tokens.count - 1], position)
        }.sorted { $0.1 < $1.1 }
        for (key, _) in keyed where rank[key] == nil { rank[key] = rank.count }
        return FormSchema(root: loaded.value, rank: rank)
    }

    /// `$ref` followed (local references only).
    func resolve(_ node: JSONValue) -> JSONValue {
        var node = node
        var hops = 0
        while let ref = node["$ref"]?.stringValue, ref.hasPrefix("#"), hops < 32 {
            hops += 1
            guard let target = root.value(at: String(ref.dropFirst())) else { break }
            node = target
        }
        return node
    }

    /// The subschemas that also describe an instance of `node`.
    private func branches(_ node: JSONValue) -> [JSONValue] {
        let n = resolve(node)
        var out = [n]
        for key in ["allOf", "anyOf", "oneOf"] { for b in n[key]?.arrayValue ?? [] { out += branches(b) } }
        for key in ["then", "else"] { if let b = n[key] { out += branches(b) } }
        return out
    }

    /// The schema nodes of the dotted `path` (several when branches describe it).
    public func nodes(at path: String) -> [JSONValue] {
        var current = [root]
        for segment in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            var next: [JSONValue] = []
            for node in current.flatMap(branches) {
                if Int(segment) != nil, let items = node["items"] { next.append(items) }
                if let p = node["properties"]?[segment] { next.append(p) }
            }
            guard !next.isEmpty else { return [] }
            current = next
        }
        return current.flatMap(branches)
    }

    /// The first value of `keyword` among the nodes of `path`.
    public func keyword(_ keyword: String, at path: String) -> JSONValue? {
        nodes(at: path).lazy.compactMap { $0[keyword] }.first
    }

    public enum Kind: String, Sendable { case text, markdown, date, boolean, integer, number, choice }

    /// How an answer at `path` is typed back into data.
    public func kind(at path: String) -> Kind {
        let nodes = nodes(at: path)
        if nodes.contains(where: { $0["contentMediaType"]?.stringValue == "text/markdown" }) { return .markdown }
        if nodes.contains(where: { $0["format"]?.stringValue == "date" }) { return .date }
        if nodes.contains(where: { $0["enum"] != nil }) { return .choice }
        let types = Set(nodes.flatMap { n -> [String] in
            if let t = n["type"]?.stringValue { return [t] }
            return n["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }).subtracting(["null"])
        if types == ["boolean"] { return .boolean }
        if types == ["integer"] { return .integer }
        if types == ["number"] || types == ["integer", "number"] { return .number }
        return .text
    }

    /// Whether the schema knows `path`.
    public func knows(_ path: String) -> Bool { !nodes(at: path).isEmpty }

    /// The enum values at `path`, as strings.
    public func choices(at path: String) -> [String] {
        nodes(at: path).flatMap { $0["enum"]?.arrayValue ?? [] }.compactMap { v in
            switch v {
            case .string(let s): return s
            case .int(let i): return String(i)
            default: return nil
            }
        }
    }

    /// A list the form repeats (a Word repeating section): an array at `path` whose items are
    /// objects or strings, with its bounds. Not a list of choices (`options.appendices`), nor a
    /// list whose items are each identified by a choice (IA focus areas, one per framework area):
    /// their items are not added freely.
    public struct List: Sendable, Equatable {
        public var minItems: Int?
        public var maxItems: Int?
        public var objects: Bool
    }

    public func list(at path: String) -> List? {
        let here = nodes(at: path)
        guard here.contains(where: { $0["type"]?.stringValue == "array" || $0["items"] != nil }) else { return nil }
        let items = nodes(at: path + ".0")
        guard !items.isEmpty, !items.contains(where: { $0["enum"] != nil }) else { return nil }
        let objects = items.contains { $0["type"]?.stringValue == "object" || $0["properties"] != nil }
        if objects {
            let required = Set(items.flatMap { ($0["required"]?.arrayValue ?? []).compactMap { $0.stringValue } })
            if required.contains(where: { r in self.nodes(at: path + ".0." + r).contains { $0["enum"] != nil } }) { return nil }
        } else if !items.contains(where: { $0["type"]?.stringValue == "string" }) {
            return nil
        }
        return List(minItems: here.lazy.compactMap { $0["minItems"]?.intValue }.first,
                    maxItems: here.lazy.compactMap { $0["maxItems"]?.intValue }.first, objects: objects)
    }

    /// The property names of the object at `path`, in schema order.
    public func propertyNames(at path: String) -> [String] {
        let nodes = path.isEmpty ? [root].flatMap(branches) : nodes(at: path)
        return ordered(Array(Set(nodes.flatMap { $0["properties"]?.objectValue.map { Array($0.keys) } ?? [] })))
    }

    /// Object keys in schema order (unknown keys last, alphabetically).
    func ordered(_ keys: [String]) -> [String] {
        keys.sorted { a, b in
            switch (rank[a], rank[b]) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }
}
