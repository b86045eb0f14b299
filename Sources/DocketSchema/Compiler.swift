import DocketCore

/// Turns schema documents into trees of `SchemaNode`s once: every `$ref` is resolved to its
/// target node at compile time (cycles share nodes through the cache), every `pattern` is
/// compiled, so that validation only walks closures over the instance.
final class Compiler {
    let index: ResourceIndex
    let options: SchemaOptions
    private var nodes: [SchemaLocation: SchemaNode] = [:]
    private var resources: [String: SchemaResource] = [:]
    private var vocabularyCache: [String: Set<Vocabulary>] = [:]
    private(set) var errors: [Diagnostic] = []

    init(registry: SchemaRegistry, options: SchemaOptions) {
        self.index = ResourceIndex(registry: registry)
        self.options = options
    }

    func error(_ rule: String, _ message: String, at absoluteLocation: String) {
        errors.append(Diagnostic(.error, rule: rule, message, keywordLocation: nil,
                                 absoluteKeywordLocation: absoluteLocation))
    }

    /// The node for the schema an absolute URI names, or nil (with an error) if unknown.
    func node(uri: String, referencedFrom: String) -> SchemaNode? {
        guard let location = index.locate(uri) else {
            error("schema.ref", "cannot resolve reference '\(uri)': no such schema is known (add it to the SchemaRegistry)",
                  at: referencedFrom)
            return nil
        }
        return node(location)
    }

    /// The (cached) node compiled from `location`.
    func node(_ location: SchemaLocation) -> SchemaNode {
        if let existing = nodes[location] { return existing }
        let (base, relative) = location.document.base(at: location.pointer)
        let isNewResource = resources[base] == nil
        let resource = self.resource(base)
        let node = SchemaNode(absoluteLocation: base + "#" + relative, resource: resource)
        node.isResourceRoot = relative.isEmpty
        nodes[location] = node
        // A resource's dynamic anchors join the dynamic scope whenever any part of it is entered.
        if isNewResource { compileDynamicAnchors(of: resource) }
        switch location.value {
        case .bool(let b)?:
            node.boolean = b
        case .object(let o)?:
            let context = NodeContext(compiler: self, location: location, object: o, base: base, node: node,
                                      vocabularies: vocabularies(for: location))
            node.keywords = context.compileKeywords()
            node.needsAnnotations = o["unevaluatedProperties"] != nil || o["unevaluatedItems"] != nil
            node.rule = o["x-docket-rule"]?.stringValue
        default:
            error("schema.invalid", "a schema must be an object or a boolean", at: node.absoluteLocation)
            node.boolean = true
        }
        return node
    }

    private func resource(_ uri: String) -> SchemaResource {
        if let r = resources[uri] { return r }
        let r = SchemaResource(uri: uri)
        resources[uri] = r
        return r
    }

    private func compileDynamicAnchors(of resource: SchemaResource) {
        guard let anchors = index.dynamicAnchors[resource.uri] else { return }
        for (name, location) in anchors.sorted(by: { $0.key < $1.key }) where resource.dynamicAnchors[name] == nil {
            resource.dynamicAnchors[name] = node(location)
        }
    }

    /// The vocabularies in force at `location`: those its resource's `$schema` declares, plus
    /// format assertion when the nearest enclosing resource root that says so has
    /// `x-docket-formatAssert: true` (Docket's deliverable schemas; see docs/schema.md).
    private func vocabularies(for location: SchemaLocation) -> Set<Vocabulary> {
        let declared = declaredVocabularies(for: location)
        guard !declared.contains(.formatAssertion), formatAssertDeclared(at: location) else { return declared }
        return declared.union([.formatAssertion])
    }

    /// Whether the nearest resource root above `location` declaring `x-docket-formatAssert`
    /// sets it to true.
    private func formatAssertDeclared(at location: SchemaLocation) -> Bool {
        var p = location.pointer
        while true {
            if location.document.resourceRoots[p] != nil,
               let flag = location.document.root.value(at: p)?["x-docket-formatAssert"] {
                return flag.boolValue == true
            }
            guard let slash = p.lastIndex(of: "/") else { return false }
            p = String(p[..<slash])
        }
    }

    private func declaredVocabularies(for location: SchemaLocation) -> Set<Vocabulary> {
        var p = location.pointer
        var metaschema: String?
        while true {
            if location.document.resourceRoots[p] != nil,
               let s = location.document.root.value(at: p)?["$schema"]?.stringValue {
                metaschema = s
                break
            }
            guard let slash = p.lastIndex(of: "/") else { break }
            p = String(p[..<slash])
        }
        guard let uri = metaschema.map({ SchemaRegistry.key($0) }), uri != Metaschemas.draft2020 else {
            return Vocabulary.standard
        }
        if let cached = vocabularyCache[uri] { return cached }
        var result = Vocabulary.standard
        if let meta = index.locate(uri)?.value {
            let (declared, unknown) = Vocabulary.declared(by: meta)
            result = declared
            for u in unknown {
                error("schema.vocabulary", "meta-schema '\(uri)' requires vocabulary '\(u)', which Docket does not support",
                      at: uri)
            }
        }
        vocabularyCache[uri] = result
        return result
    }
}

/// Everything a vocabulary needs to compile the keywords of one schema object.
struct NodeContext {
    let compiler: Compiler
    let location: SchemaLocation
    let object: [String: JSONValue]
    let base: String
    let node: SchemaNode
    let vocabularies: Set<Vocabulary>

    var options: SchemaOptions { compiler.options }
    var absolute: String { node.absoluteLocation }

    /// The subschema at `tokens` below this schema object.
    func subschema(_ tokens: String...) -> SchemaNode {
        var p = location.pointer
        for t in tokens { p = JSONPointer.appending(p, t) }
        return compiler.node(SchemaLocation(document: location.document, pointer: p))
    }

    func error(_ keyword: String, _ message: String) {
        compiler.error("schema.invalid", "\(keyword): \(message)", at: absolute + "/" + JSONPointer.escape(keyword))
    }

    /// The keywords of this object, in evaluation order (`unevaluated*` last).
    func compileKeywords() -> [KeywordBase] {
        var out: [KeywordBase] = []
        out += CoreKeywords.compile(self)
        if vocabularies.contains(.validation) { out += ValidationKeywords.compile(self) }
        if vocabularies.contains(.applicator) { out += ApplicatorKeywords.compile(self) }
        if vocabularies.contains(.formatAnnotation) || vocabularies.contains(.formatAssertion) {
            out += FormatKeywords.compile(self)
        }
        if vocabularies.contains(.content) { out += ContentKeywords.compile(self) }
        out += DocketKeywords.compile(self)
        if vocabularies.contains(.unevaluated) { out += UnevaluatedKeywords.compile(self) }
        return out
    }
}
