import DocketCore

/// Unevaluated vocabulary: `unevaluatedProperties` and `unevaluatedItems` apply to what no
/// sibling or successful in-place subschema evaluated (read from the node's annotations;
/// the compiler orders these keywords last).
enum UnevaluatedKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        if c.object["unevaluatedItems"] != nil {
            out.append(UnevaluatedItemsKeyword(parent: c.absolute, node: c.subschema("unevaluatedItems")))
        }
        if c.object["unevaluatedProperties"] != nil {
            out.append(UnevaluatedPropertiesKeyword(parent: c.absolute, node: c.subschema("unevaluatedProperties")))
        }
        return out
    }
}

final class UnevaluatedPropertiesKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    init(parent: String, node: SchemaNode) {
        self.node = node
        super.init(name: "unevaluatedProperties", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance, !ann.allProperties else { return true }
        var valid = true
        for key in ObjectApplicators.keys(o, e) where !ann.isEvaluated(property: key) {
            if node.boolean == false {
                e.descend(key) { e.fail(self, "property '\(key)' is not allowed here (unevaluatedProperties is false)") }
                valid = false
                if !e.collect { return false }
                continue
            }
            var child = Annotations(track: false)
            if !e.descend(key, { node.evaluate(o[key]!, e, &child) }) {
                valid = false
                if !e.collect { return false }
            }
        }
        if valid { ann.allProperties = true }
        return valid
    }
}

final class UnevaluatedItemsKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    init(parent: String, node: SchemaNode) {
        self.node = node
        super.init(name: "unevaluatedItems", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .array(let a) = instance, !ann.allItems else { return true }
        var valid = true
        for i in a.indices where !ann.isEvaluated(item: i) {
            if node.boolean == false {
                e.fail(self, "item \(i) is not allowed here (unevaluatedItems is false)")
                valid = false
                if !e.collect { return false }
                continue
            }
            var child = Annotations(track: false)
            if !e.descend(String(i), { node.evaluate(a[i], e, &child) }) {
                valid = false
                if !e.collect { return false }
            }
        }
        if valid { ann.allItems = true }
        return valid
    }
}
