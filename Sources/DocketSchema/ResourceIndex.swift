import DocketCore
import Foundation

/// One schema document as retrieved, with where its embedded resources start.
final class IndexedDocument {
    let key: String
    let root: JSONValue
    /// Document JSON Pointer → base URI, for every schema resource root (the document root
    /// and each subschema with `$id`).
    var resourceRoots: [String: String] = [:]

    init(key: String, root: JSONValue) {
        self.key = key
        self.root = root
    }

    /// The base URI in effect at `pointer` and the resource-relative pointer: the nearest
    /// enclosing resource root wins.
    func base(at pointer: String) -> (uri: String, relative: String) {
        var p = pointer
        while true {
            if let uri = resourceRoots[p] { return (uri, String(pointer.dropFirst(p.count))) }
            guard let slash = p.lastIndex(of: "/") else { return (key, pointer) }
            p = String(p[..<slash])
        }
    }
}

/// A place in a schema document: the identity compiled nodes are cached by.
struct SchemaLocation: Hashable {
    let document: IndexedDocument
    let pointer: String

    static func == (a: Self, b: Self) -> Bool { a.document === b.document && a.pointer == b.pointer }
    func hash(into h: inout Hasher) {
        h.combine(ObjectIdentifier(document))
        h.combine(pointer)
    }
    var value: JSONValue? { document.root.value(at: pointer) }
}

/// Finds schema resources (`$id`), anchors (`$anchor`, `$dynamicAnchor`) in documents by
/// walking only real subschema positions (so an `$id` inside `const` or an unknown keyword
/// is data, not an identifier), and resolves absolute URIs with fragments to locations.
final class ResourceIndex {
    private(set) var resources: [String: SchemaLocation] = [:]
    private(set) var anchors: [String: SchemaLocation] = [:]
    /// Resource URI → `$dynamicAnchor` name → location.
    private(set) var dynamicAnchors: [String: [String: SchemaLocation]] = [:]
    private var documents: [String: IndexedDocument] = [:]
    private var registry: SchemaRegistry

    init(registry: SchemaRegistry) { self.registry = registry }

    /// Keywords whose value is one subschema, an array of them, or an object of them.
    static let singleSchema: Set<String> = [
        "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "contains",
        "propertyNames", "not", "if", "then", "else", "contentSchema",
    ]
    static let schemaArray: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    static let schemaMap: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"]

    @discardableResult
    func addDocument(_ root: JSONValue, uri: String) -> IndexedDocument {
        let key = SchemaRegistry.key(uri)
        if let existing = documents[key] { return existing }
        let doc = IndexedDocument(key: key, root: root)
        documents[key] = doc
        doc.resourceRoots[""] = key
        resources[key] = SchemaLocation(document: doc, pointer: "")
        walk(root, pointer: "", base: key, doc: doc)
        return doc
    }

    private func walk(_ value: JSONValue, pointer: String, base: String, doc: IndexedDocument) {
        guard case .object(let o) = value else { return }
        var base = base
        let here = SchemaLocation(document: doc, pointer: pointer)
        if let id = o["$id"]?.stringValue {
            base = SchemaRegistry.key(URIReference.resolve(id, against: base))
            doc.resourceRoots[pointer] = base
            if resources[base] == nil || pointer.isEmpty { resources[base] = here }
        }
        if let name = o["$anchor"]?.stringValue { anchors[base + "#" + name] = here }
        if let name = o["$dynamicAnchor"]?.stringValue {
            anchors[base + "#" + name] = anchors[base + "#" + name] ?? here
            dynamicAnchors[base, default: [:]][name] = here
        }
        for (key, child) in o {
            let p = JSONPointer.appending(pointer, key)
            if Self.singleSchema.contains(key) {
                walk(child, pointer: p, base: base, doc: doc)
            } else if Self.schemaArray.contains(key), case .array(let a) = child {
                for (i, item) in a.enumerated() { walk(item, pointer: JSONPointer.appending(p, i), base: base, doc: doc) }
            } else if Self.schemaMap.contains(key), case .object(let m) = child {
                for (name, item) in m { walk(item, pointer: JSONPointer.appending(p, name), base: base, doc: doc) }
            }
        }
    }

    /// The location an absolute URI (with optional fragment) names, loading registry
    /// documents on demand.
    func locate(_ uri: String) -> SchemaLocation? {
        let ref = URIReference(uri)
        let resourceURI = ref.withoutFragment.string
        if resources[resourceURI] == nil {
            if let doc = registry.document(resourceURI) {
                addDocument(doc, uri: resourceURI)
            } else {
                indexWholeRegistry()
            }
        }
        guard let resource = resources[resourceURI] else { return nil }
        let fragment = ref.fragment ?? ""
        if fragment.isEmpty { return resource }
        if fragment.hasPrefix("/") {
            let decoded = fragment.removingPercentEncoding ?? fragment
            let location = SchemaLocation(document: resource.document, pointer: resource.pointer + decoded)
            return location.value == nil ? nil : location
        }
        return anchors[resourceURI + "#" + fragment]
    }

    /// Indexes every registry document not yet seen, so resources embedded in them
    /// (reachable only by their inner `$id`) become known.
    private func indexWholeRegistry() {
        for (key, doc) in registry.documents.sorted(by: { $0.key < $1.key }) where documents[key] == nil {
            addDocument(doc, uri: key)
        }
    }
}
