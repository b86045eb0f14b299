import DocketCore

/// Applicator vocabulary: in-place (`allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`,
/// `dependentSchemas`) and child applicators (object and array keywords, see
/// `ObjectApplicators.swift` and `ArrayApplicators.swift`).
enum ApplicatorKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        for name in ["allOf", "anyOf", "oneOf"] {
            guard case .array(let items)? = c.object[name] else { continue }
            let nodes = items.indices.map { c.subschema(name, String($0)) }
            switch name {
            case "allOf": out.append(AllOfKeyword(name: name, parent: c.absolute, nodes: nodes))
            case "anyOf": out.append(AnyOfKeyword(name: name, parent: c.absolute, nodes: nodes))
            default: out.append(OneOfKeyword(name: name, parent: c.absolute, nodes: nodes))
            }
        }
        if c.object["not"] != nil { out.append(NotKeyword(name: "not", parent: c.absolute, node: c.subschema("not"))) }
        if c.object["if"] != nil {
            out.append(IfKeyword(parent: c.absolute, condition: c.subschema("if"),
                                 then: c.object["then"] != nil ? c.subschema("then") : nil,
                                 else: c.object["else"] != nil ? c.subschema("else") : nil))
        }
        if case .object(let deps)? = c.object["dependentSchemas"] {
            let pairs = deps.keys.sorted().map { ($0, c.subschema("dependentSchemas", $0)) }
            out.append(DependentSchemasKeyword(name: "dependentSchemas", parent: c.absolute, schemas: pairs))
        }
        if case .object(let deps)? = c.object["dependencies"] {
            // Draft 7's `dependencies`, still honoured: arrays as dependentRequired, schemas as dependentSchemas.
            for key in deps.keys.sorted() {
                if case .array(let names)? = deps[key] {
                    out.append(RequiredKeyword(name: "dependencies", parent: c.absolute,
                                               required: names.compactMap(\.stringValue), trigger: key))
                } else {
                    out.append(DependentSchemasKeyword(name: "dependencies", parent: c.absolute,
                                                       schemas: [(key, c.subschema("dependencies", key))]))
                }
            }
        }
        out += ObjectApplicators.compile(c)
        out += ArrayApplicators.compile(c)
        return out
    }
}

/// A keyword holding a list of subschemas applied to the same instance.
class SchemaListKeyword: KeywordBase, @unchecked Sendable {
    let nodes: [SchemaNode]
    init(name: String, parent: String, nodes: [SchemaNode]) {
        self.nodes = nodes
        super.init(name: name, parent: parent)
    }

    /// Evaluates branch `i`, with its index on the keyword path.
    @inline(__always)
    func branch(_ i: Int, _ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        e.keyword(String(i)) { nodes[i].evaluate(instance, e, &ann) }
    }
}

final class AllOfKeyword: SchemaListKeyword, @unchecked Sendable {
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        var valid = true
        for i in nodes.indices where !branch(i, instance, e, &ann) {
            valid = false
            if !e.collect { return false }
        }
        return valid
    }
}

final class AnyOfKeyword: SchemaListKeyword, @unchecked Sendable {
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        var valid = false
        for i in nodes.indices {
            let warningMark = e.warnings.count
            if branch(i, instance, e, &ann) {
                valid = true
                if !ann.track && !e.collect { return true }
            } else if e.collect {
                e.warnings.removeSubrange(warningMark...)
            }
        }
        if !valid { e.fail(self, "value matches none of the \(nodes.count) alternatives of anyOf", kind: .summary) }
        return valid
    }
}

final class OneOfKeyword: SchemaListKeyword, @unchecked Sendable {
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        var matched: [Int] = []
        var kept = Annotations(track: false)
        let mark = e.units.count
        for i in nodes.indices {
            var local = Annotations(track: ann.track)
            let warningMark = e.warnings.count
            if branch(i, instance, e, &local) {
                matched.append(i)
                kept = local
                if matched.count > 1 && !e.collect { return false }
            } else if e.collect {
                e.warnings.removeSubrange(warningMark...)
            }
        }
        if matched.count == 1 {
            if ann.track { ann.merge(kept) }
            return true
        }
        if matched.isEmpty {
            e.fail(self, "value matches none of the \(nodes.count) alternatives of oneOf", kind: .summary)
        } else if e.collect {
            e.units.removeSubrange(mark...)
            e.fail(self, "value matches more than one alternative of oneOf (\(matched.map(String.init).joined(separator: ", ")))")
        }
        return false
    }
}

final class NotKeyword: SubschemaKeyword, @unchecked Sendable {
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        var scratch = Annotations(track: false)
        let mark = e.units.count, warningMark = e.warnings.count
        let matched = node.evaluate(instance, e, &scratch)
        if e.collect {
            e.units.removeSubrange(mark...)
            e.warnings.removeSubrange(warningMark...)
        }
        if matched { e.fail(self, "value must not match the schema under 'not'") }
        return !matched
    }
}

final class IfKeyword: KeywordBase, @unchecked Sendable {
    let condition: SchemaNode
    let thenNode: SchemaNode?
    let elseNode: SchemaNode?
    init(parent: String, condition: SchemaNode, then: SchemaNode?, else: SchemaNode?) {
        self.condition = condition
        self.thenNode = then
        self.elseNode = `else`
        super.init(name: "if", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        var conditionAnnotations = Annotations(track: ann.track)
        let mark = e.units.count, warningMark = e.warnings.count
        let holds = condition.evaluate(instance, e, &conditionAnnotations)
        if e.collect {
            e.units.removeSubrange(mark...)
            e.warnings.removeSubrange(warningMark...)
        }
        if holds && ann.track { ann.merge(conditionAnnotations) }
        guard let branch = holds ? thenNode : elseNode else { return true }
        guard e.collect else { return branch.evaluate(instance, e, &ann) }
        // Errors point at `then`/`else`, the sibling keyword actually evaluated.
        e.keywordTokens[e.keywordTokens.count - 1] = holds ? "then" : "else"
        defer { e.keywordTokens[e.keywordTokens.count - 1] = "if" }
        return branch.evaluate(instance, e, &ann)
    }
}

final class DependentSchemasKeyword: KeywordBase, @unchecked Sendable {
    let schemas: [(String, SchemaNode)]
    init(name: String, parent: String, schemas: [(String, SchemaNode)]) {
        self.schemas = schemas
        super.init(name: name, parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance else { return true }
        var valid = true
        for (name, node) in schemas where o[name] != nil {
            if !e.keyword(name, { node.evaluate(instance, e, &ann) }) {
                valid = false
                if !e.collect { return false }
            }
        }
        return valid
    }
}
