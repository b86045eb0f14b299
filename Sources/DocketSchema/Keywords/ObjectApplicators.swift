import DocketCore

/// `properties`, `patternProperties`, `additionalProperties`, `propertyNames`.
enum ObjectApplicators {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        var names: Set<String> = []
        if case .object(let props)? = c.object["properties"] {
            names = Set(props.keys)
            let pairs = props.keys.sorted().map { ($0, c.subschema("properties", $0)) }
            out.append(PropertiesKeyword(parent: c.absolute, properties: pairs))
        }
        var patterns: [(ECMARegex, SchemaNode)] = []
        if case .object(let props)? = c.object["patternProperties"] {
            for key in props.keys.sorted() {
                guard let regex = ECMARegex(key) else {
                    c.error("patternProperties", "'\(key)' is not a valid ECMA-262 regular expression")
                    continue
                }
                patterns.append((regex, c.subschema("patternProperties", key)))
            }
            out.append(PatternPropertiesKeyword(parent: c.absolute, patterns: patterns))
        }
        if c.object["additionalProperties"] != nil {
            out.append(AdditionalPropertiesKeyword(parent: c.absolute, node: c.subschema("additionalProperties"),
                                                   names: names, patterns: patterns.map(\.0)))
        }
        if c.object["propertyNames"] != nil {
            out.append(PropertyNamesKeyword(name: "propertyNames", parent: c.absolute, node: c.subschema("propertyNames")))
        }
        return out
    }

    /// Runs `body` on every property, all of which must pass: sorted by key when collecting
    /// (deterministic reports), in storage order and stopping at the first failure otherwise.
    @inline(__always)
    static func all(_ o: [String: JSONValue], _ e: Evaluation, _ body: (String, JSONValue) -> Bool) -> Bool {
        if e.collect {
            var valid = true
            for (key, value) in o.sorted(by: { $0.key < $1.key }) where !body(key, value) { valid = false }
            return valid
        }
        for (key, value) in o where !body(key, value) { return false }
        return true
    }
}

final class PropertiesKeyword: KeywordBase, @unchecked Sendable {
    let properties: [(String, SchemaNode)]
    let names: [String]
    let nodes: [SchemaNode]
    init(parent: String, properties: [(String, SchemaNode)]) {
        self.properties = properties
        self.names = properties.map(\.0)
        self.nodes = properties.map(\.1)
        super.init(name: "properties", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        if !e.collect && !ann.track && properties.count <= 16 {
            // Hot path: walk the instance and find each key among the few declared names by
            // comparison, which is cheaper than hashing every name into the instance.
            var child = Annotations(track: false)
            for (key, value) in o {
                guard let i = names.firstIndex(of: key) else { continue }
                if !nodes[i].evaluate(value, e, &child) { return false }
            }
            return true
        }
        var valid = true
        for (name, node) in properties {
            guard let value = o[name] else { continue }
            var child = Annotations(track: false)
            let ok = e.keyword(name) { e.descend(name) { node.evaluate(value, e, &child) } }
            if !ok {
                valid = false
                if !e.collect { return false }
            }
            if ann.track { ann.properties.insert(name) }
        }
        return valid
    }
}

final class PatternPropertiesKeyword: KeywordBase, @unchecked Sendable {
    let patterns: [(ECMARegex, SchemaNode)]
    init(parent: String, patterns: [(ECMARegex, SchemaNode)]) {
        self.patterns = patterns
        super.init(name: "patternProperties", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        return ObjectApplicators.all(o, e) { key, value in
            var valid = true
            for (regex, node) in patterns where regex.matches(key) {
                var child = Annotations(track: false)
                if !e.keyword(regex.source, { e.descend(key) { node.evaluate(value, e, &child) } }) {
                    valid = false
                    if !e.collect { return false }
                }
                if ann.track { ann.properties.insert(key) }
            }
            return valid
        }
    }
}

final class AdditionalPropertiesKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    let names: Set<String>
    let nameList: [String]
    let patterns: [ECMARegex]
    init(parent: String, node: SchemaNode, names: Set<String>, patterns: [ECMARegex]) {
        self.node = node
        self.names = names
        self.nameList = names.sorted()
        self.patterns = patterns
        super.init(name: "additionalProperties", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        let valid = ObjectApplicators.all(o, e) { key, value in
            if isDeclared(key) { return true }
            if node.boolean == false {
                if e.collect {
                    let place = e.instanceTokens.isEmpty ? "at the top level" : "in " + e.instanceTokens.joined(separator: ".")
                    e.descend(key) { e.fail(self, unknownFieldMessage(key, place: place)) }
                }
                return false
            }
            var child = Annotations(track: false)
            return e.descend(key) { node.evaluate(value, e, &child) }
        }
        if valid && ann.track { ann.allProperties = true }
        return valid
    }

    /// "unknown field 'adress' in entity: did you mean 'address'?", or the fields allowed.
    func unknownFieldMessage(_ key: String, place: String) -> String {
        let message = "unknown field '\(key)' \(place)"
        if let near = Suggestion.closest(to: key, in: nameList, maxDistance: max(1, min(3, key.count / 3))) {
            return message + ": did you mean '\(near)'?"
        }
        if nameList.isEmpty && patterns.isEmpty { return message + ": no fields are allowed here" }
        if patterns.isEmpty && nameList.count <= 15 {
            return message + ": the fields here are " + nameList.map { "'\($0)'" }.joined(separator: ", ")
        }
        return message
    }

    /// Whether `properties` or `patternProperties` covers `key`.
    @inline(__always)
    private func isDeclared(_ key: String) -> Bool {
        if nameList.count <= 16 ? nameList.contains(key) : names.contains(key) { return true }
        return patterns.contains(where: { $0.matches(key) })
    }
}

final class PropertyNamesKeyword: SubschemaKeyword, @unchecked Sendable {
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        return ObjectApplicators.all(o, e) { key, _ in
            var child = Annotations(track: false)
            return node.evaluate(.string(key), e, &child)
        }
    }
}
