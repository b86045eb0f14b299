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
            out.append(PropertyNamesKeyword(parent: c.absolute, node: c.subschema("propertyNames")))
        }
        return out
    }

    /// The keys of `o`: sorted when collecting errors (deterministic output), as stored otherwise.
    static func keys(_ o: [String: JSONValue], _ e: Evaluation) -> [String] {
        e.collect ? o.keys.sorted() : Array(o.keys)
    }
}

final class PropertiesKeyword: KeywordBase, @unchecked Sendable {
    let properties: [(String, SchemaNode)]
    init(parent: String, properties: [(String, SchemaNode)]) {
        self.properties = properties
        super.init(name: "properties", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
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
        var valid = true
        for key in ObjectApplicators.keys(o, e) {
            for (regex, node) in patterns where regex.matches(key) {
                var child = Annotations(track: false)
                let ok = e.keyword(regex.source) { e.descend(key) { node.evaluate(o[key]!, e, &child) } }
                if !ok {
                    valid = false
                    if !e.collect { return false }
                }
                if ann.track { ann.properties.insert(key) }
            }
        }
        return valid
    }
}

final class AdditionalPropertiesKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    let names: Set<String>
    let patterns: [ECMARegex]
    init(parent: String, node: SchemaNode, names: Set<String>, patterns: [ECMARegex]) {
        self.node = node
        self.names = names
        self.patterns = patterns
        super.init(name: "additionalProperties", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        var valid = true
        for key in ObjectApplicators.keys(o, e) where !names.contains(key) && !patterns.contains(where: { $0.matches(key) }) {
            var child = Annotations(track: false)
            if node.boolean == false {
                e.descend(key) { e.fail(self, "property '\(key)' is not allowed here (additionalProperties is false)") }
                valid = false
                if !e.collect { return false }
                continue
            }
            if !e.descend(key, { node.evaluate(o[key]!, e, &child) }) {
                valid = false
                if !e.collect { return false }
            }
        }
        if valid && ann.track { ann.allProperties = true }
        return valid
    }
}

final class PropertyNamesKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    init(parent: String, node: SchemaNode) {
        self.node = node
        super.init(name: "propertyNames", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        var valid = true
        for key in ObjectApplicators.keys(o, e) {
            var child = Annotations(track: false)
            if !node.evaluate(.string(key), e, &child) {
                valid = false
                if !e.collect { return false }
            }
        }
        return valid
    }
}
