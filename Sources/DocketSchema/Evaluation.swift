import DocketCore

/// What a keyword reports: an error (fails validation), or a warning from Docket's
/// custom vocabulary (does not).
struct OutputUnit {
    enum Kind { case leaf, summary }
    var severity: Severity
    var kind: Kind
    var rule: String
    var message: String
    var instanceLocation: String
    var keywordLocation: String
    var absoluteKeywordLocation: String
    /// The missing property a `required`/`dependentRequired` failure names.
    var property: String? = nil
}

/// Annotations a schema object's keywords leave for `unevaluatedProperties` and
/// `unevaluatedItems`: which properties and array items were evaluated successfully.
/// Only filled when `track` is set, so ordinary validation pays nothing for it.
struct Annotations {
    var track: Bool
    var properties: Set<String> = []
    var allProperties = false
    var itemsPrefix = 0
    var allItems = false
    var items: Set<Int> = []

    init(track: Bool) { self.track = track }

    mutating func merge(_ other: Annotations) {
        if other.allProperties { allProperties = true } else if !other.properties.isEmpty { properties.formUnion(other.properties) }
        if other.allItems { allItems = true }
        itemsPrefix = max(itemsPrefix, other.itemsPrefix)
        if !other.items.isEmpty { items.formUnion(other.items) }
    }

    func isEvaluated(property: String) -> Bool { allProperties || properties.contains(property) }
    func isEvaluated(item: Int) -> Bool { allItems || item < itemsPrefix || items.contains(item) }
}

/// The state of one validation run. In the fast mode (`collect == false`) keywords stop at
/// the first failure and keep no paths; when an instance is invalid the run is repeated in
/// collecting mode to produce every error with its locations.
final class Evaluation {
    let collect: Bool
    let options: SchemaOptions
    var units: [OutputUnit] = []
    var warnings: [OutputUnit] = []
    var instanceTokens: [String] = []
    var keywordTokens: [String] = []
    /// The dynamic scope: schema resources entered, outermost first (for `$dynamicRef`).
    private(set) var scope: [SchemaResource] = []
    /// The `$ref` nesting depth and the innermost resource, kept behind a pointer: the hot
    /// path reads them at every reference, and class properties would cost dynamic
    /// exclusivity checks each time.
    let hot: UnsafeMutablePointer<(depth: Int, top: Unmanaged<SchemaResource>?)>
    /// `x-docket-rule` ids in effect, innermost last.
    var rules: [String] = []

    init(collect: Bool, options: SchemaOptions) {
        self.collect = collect
        self.options = options
        hot = .allocate(capacity: 1)
        hot.initialize(to: (0, nil))
    }

    deinit { hot.deallocate() }

    /// Whether `resource` is the innermost resource of the dynamic scope.
    @inline(__always)
    func isCurrent(_ resource: SchemaResource) -> Bool {
        hot.pointee.top?.toOpaque() == Unmanaged.passUnretained(resource).toOpaque()
    }

    /// Runs `body` with `resource` entered into the dynamic scope.
    @inline(__always)
    func entering<T>(_ resource: SchemaResource, _ body: () -> T) -> T {
        let saved = hot.pointee.top
        scope.append(resource)
        hot.pointee.top = Unmanaged.passUnretained(resource)
        defer {
            scope.removeLast()
            hot.pointee.top = saved
        }
        return body()
    }

    var instanceLocation: String { Self.pointer(instanceTokens) }
    var keywordLocation: String { Self.pointer(keywordTokens) }

    /// A JSON Pointer from tokens, escaping only the tokens that need it.
    static func pointer(_ tokens: [String]) -> String {
        var out = ""
        for t in tokens {
            out += "/"
            out += t.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) ? JSONPointer.escape(t) : t
        }
        return out
    }

    /// Records an error of `keyword` (only in collecting mode).
    func fail(_ keyword: KeywordBase, _ message: String, kind: OutputUnit.Kind = .leaf, property: String? = nil) {
        guard collect else { return }
        var u = unit(keyword, message, severity: .error, kind: kind)
        u.property = property
        units.append(u)
    }

    func warn(_ keyword: KeywordBase, _ message: String) {
        guard collect else { return }
        warnings.append(unit(keyword, message, severity: .warning, kind: .leaf))
    }

    private func unit(_ keyword: KeywordBase, _ message: String, severity: Severity, kind: OutputUnit.Kind) -> OutputUnit {
        OutputUnit(severity: severity, kind: kind, rule: rules.last ?? keyword.rule, message: message,
                   instanceLocation: instanceLocation, keywordLocation: keywordLocation,
                   absoluteKeywordLocation: keyword.absoluteLocation)
    }

    /// Runs `check` on every element, all of which must pass; stops at the first failure
    /// unless collecting (then every failure is reported).
    @inline(__always)
    func all<S: Sequence>(_ items: S, _ check: (S.Element) -> Bool) -> Bool {
        var valid = true
        for item in items where !check(item) {
            valid = false
            if !collect { return false }
        }
        return valid
    }

    /// Runs `body` with `token` appended to the instance location (collecting mode only).
    @inline(__always)
    func descend<T>(_ token: @autoclosure () -> String, _ body: () -> T) -> T {
        guard collect else { return body() }
        instanceTokens.append(token())
        defer { instanceTokens.removeLast() }
        return body()
    }

    /// Runs `body` with `token` appended to the keyword (evaluation) location.
    @inline(__always)
    func keyword<T>(_ token: @autoclosure () -> String, _ body: () -> T) -> T {
        guard collect else { return body() }
        keywordTokens.append(token())
        defer { keywordTokens.removeLast() }
        return body()
    }
}
