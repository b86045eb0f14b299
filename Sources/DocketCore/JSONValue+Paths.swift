/// Setting values at paths: the one home for building data by path (derived fields, data rebuilt
/// from a .docx's answers, the `docket.*` fields of a fill).
extension JSONValue {
    /// Sets `value` at the object path `keys`, creating objects on the way. With `merging`, an
    /// object value is merged key by key into an existing object.
    public mutating func setValue(_ value: JSONValue, at keys: [String], merging: Bool = false) {
        self = Self.set(self, keys[...], value, merging: merging, indexing: false)
    }

    /// Sets `value` at the dotted `path` (`contacts.other.0.name`): numeric segments index
    /// lists (padded with nulls, at most 10,000 items), others are object keys.
    public mutating func setValue(_ value: JSONValue, atDotted path: String) {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self = Self.set(self, keys[...], value, merging: false, indexing: true)
    }

    /// A copy with `value` at the dotted `path`.
    public func setting(_ value: JSONValue, atDotted path: String) -> JSONValue {
        var copy = self
        copy.setValue(value, atDotted: path)
        return copy
    }

    /// A string, or `.null` when absent.
    public static func orNull(_ value: JSONValue?) -> JSONValue { value ?? .null }

    private static func set(_ node: JSONValue, _ keys: ArraySlice<String>, _ value: JSONValue, merging: Bool, indexing: Bool) -> JSONValue {
        guard let key = keys.first else {
            if merging, case .object(var mine) = node, case .object(let theirs) = value {
                for (k, v) in theirs { mine[k] = v }
                return .object(mine)
            }
            return value
        }
        if indexing, let i = Int(key), i >= 0, i < 10_000 {
            var a = node.arrayValue ?? []
            while a.count <= i { a.append(.null) }
            a[i] = set(a[i], keys.dropFirst(), value, merging: merging, indexing: indexing)
            return .array(a)
        }
        var o = node.objectValue ?? [:]
        o[key] = set(o[key] ?? .null, keys.dropFirst(), value, merging: merging, indexing: indexing)
        return .object(o)
    }
}
