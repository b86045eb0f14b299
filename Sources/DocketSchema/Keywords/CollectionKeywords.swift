import DocketCore

/// Array and object assertions: `maxItems`, `minItems`, `uniqueItems`, `maxProperties`,
/// `minProperties`, `required`, `dependentRequired`.
enum CollectionKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        let p = c.absolute
        if let m = c.object["maxItems"]?.intValue {
            out.append(CheckKeyword("maxItems", p, { ($0.arrayValue?.count ?? 0) <= m },
                                    { "array has \(Plural.count($0.arrayValue?.count ?? 0, "item")); at most \(m) allowed" }))
        }
        if let m = c.object["minItems"]?.intValue {
            out.append(CheckKeyword("minItems", p, { $0.arrayValue.map { $0.count >= m } ?? true },
                                    { "array has \(Plural.count($0.arrayValue?.count ?? 0, "item")); at least \(m) required" }))
        }
        if c.object["uniqueItems"]?.boolValue == true {
            out.append(CheckKeyword("uniqueItems", p, { duplicate(in: $0) == nil }, {
                // invariant: the message is made only after the check failed, i.e. a duplicate exists
                let (i, j) = duplicate(in: $0)!
                return "array items \(i) and \(j) are equal; items must be unique"
            }))
        }
        if let m = c.object["maxProperties"]?.intValue {
            out.append(CheckKeyword("maxProperties", p, { ($0.objectValue?.count ?? 0) <= m },
                                    { "object has \(Plural.count($0.objectValue?.count ?? 0, "property", "properties")); at most \(m) allowed" }))
        }
        if let m = c.object["minProperties"]?.intValue {
            out.append(CheckKeyword("minProperties", p, { $0.objectValue.map { $0.count >= m } ?? true },
                                    { "object has \(Plural.count($0.objectValue?.count ?? 0, "property", "properties")); at least \(m) required" }))
        }
        if case .array(let names)? = c.object["required"], !names.isEmpty {
            out.append(RequiredKeyword(name: "required", parent: p, required: names.compactMap(\.stringValue), trigger: nil))
        }
        if case .object(let deps)? = c.object["dependentRequired"] {
            for key in deps.keys.sorted() {
                guard case .array(let names)? = deps[key], !names.isEmpty else { continue }
                out.append(RequiredKeyword(name: "dependentRequired", parent: p,
                                           required: names.compactMap(\.stringValue), trigger: key))
            }
        }
        return out
    }

    /// The first pair of equal items (JSON equality), or nil.
    static func duplicate(in value: JSONValue) -> (Int, Int)? {
        guard case .array(let a) = value, a.count > 1 else { return nil }
        if a.count <= 8 {
            // Few items: compare pairs instead of hashing.
            for j in 1..<a.count {
                for i in 0..<j where JSONSemantics.equal(a[i], a[j]) { return (i, j) }
            }
            return nil
        }
        var seen: [JSONValue: [Int]] = [:]
        for (i, item) in a.enumerated() {
            let n = JSONSemantics.normalized(item)
            if let candidates = seen[n], let first = candidates.first(where: { JSONSemantics.equal(a[$0], item) }) {
                return (first, i)
            }
            seen[n, default: []].append(i)
        }
        return nil
    }
}

/// `required`, and one entry of `dependentRequired` (applies when `trigger` is present).
/// Each missing property is its own error.
final class RequiredKeyword: KeywordBase, @unchecked Sendable {
    let required: [String]
    let trigger: String?
    init(name: String, parent: String, required: [String], trigger: String?) {
        self.required = required
        self.trigger = trigger
        super.init(name: name, parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        if let trigger, o[trigger] == nil { return true }
        if !e.collect && o.count <= 12 {
            // Hot path: look for each name among the few keys by comparison, not hashing.
            // (`Keys.contains` would hash, so the keys are walked explicitly.)
            for name in required {
                var found = false
                for key in o.keys where key == name {
                    found = true
                    break
                }
                if !found { return false }
            }
            return true
        }
        var valid = true
        for name in required where o[name] == nil {
            valid = false
            guard e.collect else { return false }
            if let trigger {
                e.keyword(trigger) { e.fail(self, "property '\(name)' is required when '\(trigger)' is present", property: name) }
            } else {
                e.fail(self, "missing required property '\(name)'", property: name)
            }
        }
        return valid
    }
}
