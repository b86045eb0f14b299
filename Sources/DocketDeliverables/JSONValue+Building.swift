import DocketCore

extension JSONValue {
    /// Sets `value` at the object path `keys`, creating objects on the way. With `merging`, an
    /// object value is merged key by key into an existing object.
    mutating func setValue(_ value: JSONValue, at keys: [String], merging: Bool = false) {
        guard let first = keys.first else {
            if merging, case .object(var mine) = self, case .object(let theirs) = value {
                for (k, v) in theirs { mine[k] = v }
                self = .object(mine)
            } else {
                self = value
            }
            return
        }
        var object = objectValue ?? [:]
        var child = object[first] ?? .null
        child.setValue(value, at: Array(keys.dropFirst()), merging: merging)
        object[first] = child
        self = .object(object)
    }

    /// The value at a dotted path such as `entity.abbreviation` (numeric segments index arrays).
    func value(dotted path: String) -> JSONValue? {
        var current: JSONValue? = self
        for segment in path.split(separator: ".") {
            guard let c = current else { return nil }
            if let i = Int(segment), case .array = c { current = c[i] } else { current = c[String(segment)] }
        }
        return current
    }

    /// Plain text for a scalar (`null` → empty).
    var plainText: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return JSONWriter.formatDouble(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .array, .object: return JSONWriter.string(self)
        }
    }

    /// A string, or `.null` when absent.
    static func orNull(_ value: JSONValue?) -> JSONValue { value ?? .null }
}
