import DocketCore

/// `prefixItems`, `items`, `contains` (with `minContains`/`maxContains`).
enum ArrayApplicators {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        var prefixCount = 0
        if case .array(let items)? = c.object["prefixItems"] {
            prefixCount = items.count
            out.append(PrefixItemsKeyword(parent: c.absolute, nodes: items.indices.map { c.subschema("prefixItems", String($0)) }))
        }
        if c.object["items"] != nil {
            out.append(ItemsKeyword(parent: c.absolute, node: c.subschema("items"), skip: prefixCount))
        }
        if c.object["contains"] != nil {
            let validation = c.vocabularies.contains(.validation)
            let minimum = validation ? (c.object["minContains"]?.intValue ?? 1) : 1
            let maximum = validation ? c.object["maxContains"]?.intValue : nil
            out.append(ContainsKeyword(parent: c.absolute, node: c.subschema("contains"), minimum: minimum, maximum: maximum))
        }
        return out
    }
}

final class PrefixItemsKeyword: KeywordBase, @unchecked Sendable {
    let nodes: [SchemaNode]
    init(parent: String, nodes: [SchemaNode]) {
        self.nodes = nodes
        super.init(name: "prefixItems", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .array(let a) = instance else { return true }
        let n = min(a.count, nodes.count)
        let valid = e.all(0..<n) { i in
            var child = Annotations(track: false)
            return e.keyword(String(i)) { e.descend(String(i)) { nodes[i].evaluate(a[i], e, &child) } }
        }
        if ann.track { ann.itemsPrefix = max(ann.itemsPrefix, n) }
        return valid
    }
}

final class ItemsKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    let skip: Int
    init(parent: String, node: SchemaNode, skip: Int) {
        self.node = node
        self.skip = skip
        super.init(name: "items", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .array(let a) = instance, a.count > skip else { return true }
        if node.boolean == false {
            e.fail(self, "no items are allowed after the first \(skip) (items is false); found \(a.count)")
            return false
        }
        let valid = e.all(skip..<a.count) { i in
            var child = Annotations(track: false)
            return e.descend(String(i)) { node.evaluate(a[i], e, &child) }
        }
        if valid && ann.track { ann.allItems = true }
        return valid
    }
}

final class ContainsKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    let minimum: Int
    let maximum: Int?
    init(parent: String, node: SchemaNode, minimum: Int, maximum: Int?) {
        self.node = node
        self.minimum = minimum
        self.maximum = maximum
        super.init(name: "contains", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .array(let a) = instance else { return true }
        var count = 0
        let mark = e.units.count, warningMark = e.warnings.count
        for i in a.indices {
            var child = Annotations(track: false)
            if e.descend(String(i), { node.evaluate(a[i], e, &child) }) {
                count += 1
                if ann.track { ann.items.insert(i) }
                if maximum == nil && count >= minimum && !ann.track && !e.collect { return true }
            }
        }
        if e.collect {
            e.units.removeSubrange(mark...)
            e.warnings.removeSubrange(warningMark...)
        }
        if count < minimum {
            e.fail(self, minimum == 1 ? "array must contain at least one item matching the 'contains' schema"
                : "array must contain at least \(minimum) items matching the 'contains' schema (found \(count))")
            return false
        }
        if let maximum, count > maximum {
            e.fail(self, "array must contain at most \(maximum) items matching the 'contains' schema (found \(count))")
            return false
        }
        return true
    }
}
