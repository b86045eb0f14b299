import DocketCore
import Foundation

/// Schema documents that `$ref` may reach, keyed by absolute URI (no fragment).
/// Starts with the bundled draft 2020-12 meta-schema and its vocabularies; add remote
/// documents with `add(_:uri:)`, or give a `loader` that is asked for unknown URIs
/// (for example to read `file:` URIs from disk). Nothing is ever fetched from the network.
public struct SchemaRegistry: Sendable {
    public private(set) var documents: [String: JSONValue]
    /// Asked for an absolute URI the registry does not hold; return nil if unknown.
    public var loader: (@Sendable (String) -> JSONValue?)?

    /// A registry holding the draft 2020-12 meta-schemas.
    public init(loader: (@Sendable (String) -> JSONValue?)? = nil) {
        documents = Metaschemas.documents
        self.loader = loader
    }

    /// Adds (or replaces) the document retrieved from `uri`.
    public mutating func add(_ document: JSONValue, uri: String) {
        documents[Self.key(uri)] = document
    }

    /// Adds every `.json` file under `directory`, each at `baseURI` + its relative path
    /// (how the official test suite's `remotes/` are served at `http://localhost:1234/`).
    public mutating func addDirectory(_ directory: URL, baseURI: String) throws {
        let root = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        for case let relative as String in walker where relative.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
            let (value, _) = try JSONParser.parse(bytes: Array(data))
            add(value, uri: baseURI + relative)
        }
    }

    /// The document retrieved from `uri`, asking the loader when it is not held.
    func document(_ uri: String) -> JSONValue? {
        let k = Self.key(uri)
        if let d = documents[k] { return d }
        return loader?(k)
    }

    static func key(_ uri: String) -> String {
        var ref = URIReference(uri)
        ref.fragment = nil
        return ref.string
    }
}

/// The bundled draft 2020-12 meta-schema (`Metaschemas/metaschema.json`) and vocabulary
/// meta-schemas (`Metaschemas/vocabularies/*`), loaded once from the module bundle.
public enum Metaschemas {
    public static let draft2020 = "https://json-schema.org/draft/2020-12/schema"

    /// Every bundled document keyed by its `$id`.
    public static let documents: [String: JSONValue] = {
        var out: [String: JSONValue] = [:]
        guard let root = Bundle.module.url(forResource: "Metaschemas", withExtension: nil) else { return out }
        var files = [root.appendingPathComponent("metaschema.json")]
        let vocab = root.appendingPathComponent("vocabularies")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: vocab.path) {
            files += names.sorted().map { vocab.appendingPathComponent($0) }
        }
        for file in files {
            guard let data = try? Data(contentsOf: file),
                  let (value, _) = try? JSONParser.parse(bytes: Array(data)),
                  let id = value["$id"]?.stringValue else { continue }
            out[SchemaRegistry.key(id)] = value
        }
        return out
    }()
}
