import DocketCore

/// Core vocabulary: `$ref` and `$dynamicRef` (identifiers and anchors are handled by the
/// resource index; `$defs`, `$comment`, `$vocabulary` are not evaluated).
enum CoreKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        if case .string(let ref)? = c.object["$ref"] {
            let uri = URIReference.resolve(ref, against: c.base)
            if let target = c.compiler.node(uri: uri, referencedFrom: c.absolute + "/$ref") {
                out.append(RefKeyword(name: "$ref", parent: c.absolute, target: target))
            }
        }
        if case .string(let ref)? = c.object["$dynamicRef"] {
            let uri = URIReference.resolve(ref, against: c.base)
            if let target = c.compiler.node(uri: uri, referencedFrom: c.absolute + "/$dynamicRef") {
                // Dynamic only when the initially resolved schema itself carries a matching
                // `$dynamicAnchor` ("bookending"); otherwise `$dynamicRef` behaves like `$ref`.
                var anchor: String?
                if let fragment = URIReference(uri).fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
                   let location = c.compiler.index.locate(uri),
                   location.value?["$dynamicAnchor"]?.stringValue == fragment {
                    anchor = fragment
                }
                out.append(DynamicRefKeyword(parent: c.absolute, target: target, anchor: anchor))
            }
        }
        return out
    }
}

final class RefKeyword: KeywordBase, @unchecked Sendable {
    let target: SchemaNode
    init(name: String, parent: String, target: SchemaNode) {
        self.target = target
        super.init(name: name, parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        target.evaluate(instance, e, &ann)
    }
}

final class DynamicRefKeyword: KeywordBase, @unchecked Sendable {
    let target: SchemaNode
    let anchor: String?
    init(parent: String, target: SchemaNode, anchor: String?) {
        self.target = target
        self.anchor = anchor
        super.init(name: "$dynamicRef", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        var resolved = target
        if let anchor {
            for resource in e.scope {
                if let n = resource.dynamicAnchors[anchor] { resolved = n; break }
            }
        }
        return resolved.evaluate(instance, e, &ann)
    }
}
