import DocketCore

/// Reads typed fields out of a loaded data file, collecting every problem with its
/// `file:line:col` instead of stopping at the first.
struct FieldReader {
    let data: LoadedData
    var diagnostics: [Diagnostic] = []

    init(_ data: LoadedData) { self.data = data }

    mutating func error(_ pointer: String, _ rule: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, rule: rule, message, location: data.location(of: pointer),
                                      instanceLocation: pointer))
    }

    func value(_ pointer: String) -> JSONValue? { data.value.value(at: pointer) }

    /// An object at `pointer`; reports unknown keys (typos) against `allowed`.
    mutating func object(_ pointer: String, allowed: Set<String>) -> [String: JSONValue]? {
        guard let v = value(pointer) else { return nil }
        guard let o = v.objectValue else {
            error(pointer, "schedule.type", "expected a mapping, found \(v.typeName)")
            return nil
        }
        for key in o.keys.sorted() where !allowed.contains(key) {
            let hint = Suggestion.closest(to: key, in: allowed.sorted(), maxDistance: .max).map { " (did you mean '\($0)'?)" } ?? ""
            error(JSONPointer.appending(pointer, key), "schedule.unknown-key", "unknown key '\(key)'\(hint)")
        }
        return o
    }

    mutating func array(_ pointer: String, required: Bool = true) -> [JSONValue] {
        guard let v = value(pointer) else {
            if required { missing(pointer) }
            return []
        }
        guard let a = v.arrayValue else {
            error(pointer, "schedule.type", "expected a list, found \(v.typeName)")
            return []
        }
        return a
    }

    mutating func string(_ pointer: String, required: Bool = true) -> String? {
        guard let v = value(pointer) else {
            if required { missing(pointer) }
            return nil
        }
        if let s = v.stringValue, !s.isEmpty { return s }
        if let i = v.intValue, v.isInteger { return String(i) }
        error(pointer, "schedule.type", "expected a non-empty string, found \(v.typeName)")
        return nil
    }

    mutating func int(_ pointer: String, default def: Int) -> Int {
        guard let v = value(pointer) else { return def }
        guard v.isInteger, let i = v.intValue else {
            error(pointer, "schedule.type", "expected an integer, found \(v.typeName)")
            return def
        }
        return i
    }

    mutating func strings(_ pointer: String, required: Bool = true) -> [String] {
        array(pointer, required: required).indices.compactMap { string(JSONPointer.appending(pointer, $0)) }
    }

    mutating func date(_ pointer: String) -> LocalDate? {
        guard let s = string(pointer) else { return nil }
        guard let d = LocalDate(s) else {
            error(pointer, "schedule.date", "'\(s)' is not a valid YYYY-MM-DD date")
            return nil
        }
        return d
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ pointer: String, _ type: E.Type, default def: E?) -> E?
    where E.RawValue == String {
        guard value(pointer) != nil else {
            if def == nil { missing(pointer) }
            return def
        }
        guard let s = string(pointer) else { return def }
        guard let e = E(rawValue: s) else {
            error(pointer, "schedule.enum", "'\(s)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return def
        }
        return e
    }

    mutating func missing(_ pointer: String) {
        let tokens = JSONPointer.tokens(pointer)
        let parent = "/" + tokens.dropLast().map(JSONPointer.escape).joined(separator: "/")
        error(tokens.count <= 1 ? "" : parent, "schedule.required", "missing required key '\(tokens.last ?? "")'")
    }
}
