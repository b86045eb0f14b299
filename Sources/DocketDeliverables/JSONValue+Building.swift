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

    /// A string, or `.null` when absent.
    static func orNull(_ value: JSONValue?) -> JSONValue { value ?? .null }
}
