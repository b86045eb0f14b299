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
        RefKeyword.follow(target, instance, e, &ann)
    }

    /// Evaluates a reference target: guards against endless recursion (a cycle of references
    /// that never moves to a new instance location) and enters the target's resource.
    static func follow(_ target: SchemaNode, _ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        e.hot.pointee.depth += 1
        defer { e.hot.pointee.depth -= 1 }
        if e.hot.pointee.depth > 300 {
            e.units.append(OutputUnit(severity: .error, kind: .leaf, rule: "schema.recursion",
                                      message: "schema recursion is too deep (a $ref cycle that never reaches a new instance location)",
                                      instanceLocation: e.instanceLocation, keywordLocation: e.keywordLocation,
                                      absoluteKeywordLocation: target.absoluteLocation))
            return false
        }
        if !target.isResourceRoot && !e.isCurrent(target.resource) {
            return e.entering(target.resource) { target.evaluate(instance, e, &ann) }
        }
        return target.evaluate(instance, e, &ann)
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
        return RefKeyword.follow(resolved, instance, e, &ann)
    }
}
