import DocketCore

/// Unevaluated vocabulary: `unevaluatedProperties` and `unevaluatedItems` apply to what no
/// sibling or successful in-place subschema evaluated (read from the node's annotations;
/// the compiler orders these keywords last).
enum UnevaluatedKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        if c.object["unevaluatedItems"] != nil {
            out.append(UnevaluatedItemsKeyword(name: "unevaluatedItems", parent: c.absolute, node: c.subschema("unevaluatedItems")))
        }
        if c.object["unevaluatedProperties"] != nil {
            out.append(UnevaluatedPropertiesKeyword(name: "unevaluatedProperties", parent: c.absolute, node: c.subschema("unevaluatedProperties")))
        }
        return out
    }
}

final class UnevaluatedPropertiesKeyword: SubschemaKeyword, @unchecked Sendable {
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .object(let o) = instance, !ann.allProperties else { return true }
        let valid = ObjectApplicators.all(o, e) { key, value in
            if ann.isEvaluated(property: key) { return true }
            if node.boolean == false {
                e.descend(key) { e.fail(self, "property '\(key)' is not allowed here (unevaluatedProperties is false)") }
                return false
            }
            var child = Annotations(track: false)
            return e.descend(key) { node.evaluate(value, e, &child) }
        }
        if valid { ann.allProperties = true }
        return valid
    }
}

final class UnevaluatedItemsKeyword: SubschemaKeyword, @unchecked Sendable {
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .array(let a) = instance, !ann.allItems else { return true }
        let valid = e.all(a.indices) { i in
            if ann.isEvaluated(item: i) { return true }
            if node.boolean == false {
                e.descend(String(i)) { e.fail(self, "item \(i) is not allowed here (unevaluatedItems is false)") }
                return false
            }
            var child = Annotations(track: false)
            return e.descend(String(i)) { node.evaluate(a[i], e, &child) }
        }
        if valid { ann.allItems = true }
        return valid
    }
}
