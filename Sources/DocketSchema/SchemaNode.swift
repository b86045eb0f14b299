import DocketCore

/// A schema resource (a document root or a subschema with `$id`) as seen at run time:
/// its URI and its `$dynamicAnchor`s, for `$dynamicRef` resolution.
final class SchemaResource: @unchecked Sendable {
    let uri: String
    var dynamicAnchors: [String: SchemaNode] = [:]
    init(uri: String) { self.uri = uri }
}

/// Base class of compiled keywords: the keyword's name (its step in keyword locations),
/// its absolute location and the rule id its errors carry (`schema.<keyword>`).
class KeywordBase: @unchecked Sendable {
    let name: String
    let absoluteLocation: String
    let rule: String

    init(name: String, parent: String) {
        self.name = name
        // `parent` is a node's `base#pointer`, so the keyword is one more pointer step.
        self.absoluteLocation = parent + "/" + JSONPointer.escape(name)
        self.rule = "schema." + name
    }

    /// Validates `instance`; must record errors through `e.fail` in collecting mode.
    func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool { true }
}

/// A keyword that applies one subschema (`not`, `propertyNames`, `unevaluated*`…).
class SubschemaKeyword: KeywordBase, @unchecked Sendable {
    let node: SchemaNode
    init(name: String, parent: String, node: SchemaNode) {
        self.node = node
        super.init(name: name, parent: parent)
    }
}

/// A compiled (sub)schema: a boolean schema or an ordered list of keywords, with
/// references already resolved to other nodes. Immutable once compilation ends.
final class SchemaNode: @unchecked Sendable {
    var boolean: Bool?
    var keywords: [KeywordBase] = []
    /// `base-URI#pointer` of this schema object.
    let absoluteLocation: String
    let resource: SchemaResource
    /// Set when a keyword here (`unevaluated*`) reads sibling annotations.
    var needsAnnotations = false
    /// The `x-docket-rule` id attached here.
    var rule: String?
    /// Set for a document root or a subschema with `$id`.
    var isResourceRoot = false

    init(absoluteLocation: String, resource: SchemaResource) {
        self.absoluteLocation = absoluteLocation
        self.resource = resource
    }

    /// Evaluates this schema against `instance`; on success merges its annotations into `ann`.
    func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        if let boolean {
            if !boolean && e.collect {
                e.units.append(OutputUnit(severity: .error, kind: .leaf, rule: e.rules.last ?? "schema.false",
                                          message: "no value is allowed here (schema is false)",
                                          instanceLocation: e.instanceLocation, keywordLocation: e.keywordLocation,
                                          absoluteKeywordLocation: absoluteLocation))
            }
            return boolean
        }
        if !e.collect && !ann.track && !needsAnnotations && !isResourceRoot {
            // The quick pass's common case: no paths, rules, annotations or scope to keep.
            var local = Annotations(track: false)
            for k in keywords where !k.evaluate(instance, e, &local) { return false }
            return true
        }
        // Only resource roots change the dynamic scope here; `$ref` into the middle of another
        // resource pushes that resource itself (see `RefKeyword`).
        if isResourceRoot && !e.isCurrent(resource) {
            return e.entering(resource) { evaluateKeywords(instance, e, &ann) }
        }
        return evaluateKeywords(instance, e, &ann)
    }

    private func evaluateKeywords(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        if let rule, e.collect { e.rules.append(rule) }
        defer { if rule != nil, e.collect { e.rules.removeLast() } }

        var local = Annotations(track: ann.track || needsAnnotations)
        var valid = true
        if e.collect {
            for k in keywords {
                let mark = e.units.count
                e.keywordTokens.append(k.name)
                let ok = k.evaluate(instance, e, &local)
                e.keywordTokens.removeLast()
                if ok { e.units.removeSubrange(mark...) } else { valid = false }
            }
        } else {
            for k in keywords where !k.evaluate(instance, e, &local) { return false }
        }
        if valid && ann.track { ann.merge(local) }
        return valid
    }
}
