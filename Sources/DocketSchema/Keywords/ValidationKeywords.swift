import DocketCore
import Foundation

/// Validation vocabulary: assertions on one instance, compiled to closures.
enum ValidationKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        let o = c.object
        if let t = o["type"], let k = TypeKeyword(parent: c.absolute, value: t) { out.append(k) }
        if case .array(let values)? = o["enum"] { out.append(EnumKeyword(parent: c.absolute, values: values)) }
        if let value = o["const"] {
            let normal = JSONSemantics.normalized(value)
            out.append(CheckKeyword("const", c.absolute, { JSONSemantics.equal($0, normal) },
                                    { "value must be \(JSONWriter.string(normal)), not \(JSONWriter.string($0))" }))
        }
        out += NumericKeywords.compile(c)
        out += StringKeywords.compile(c)
        out += CollectionKeywords.compile(c)
        return out
    }
}

/// A keyword whose check is a closure; the message closure runs only when reporting.
final class CheckKeyword: KeywordBase, @unchecked Sendable {
    let test: (JSONValue) -> Bool
    let message: (JSONValue) -> String
    init(_ name: String, _ parent: String, _ test: @escaping (JSONValue) -> Bool, _ message: @escaping (JSONValue) -> String) {
        self.test = test
        self.message = message
        super.init(name: name, parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        if test(instance) { return true }
        e.fail(self, message(instance))
        return false
    }
}

final class TypeKeyword: KeywordBase, @unchecked Sendable {
    let names: [String]
    let mask: UInt8
    static let bits: [String: UInt8] = ["null": 1, "boolean": 2, "integer": 4, "number": 8, "string": 16, "array": 32, "object": 64]

    init?(parent: String, value: JSONValue) {
        switch value {
        case .string(let s): names = [s]
        case .array(let a): names = a.compactMap(\.stringValue)
        default: return nil
        }
        mask = names.reduce(0) { $0 | (Self.bits[$1] ?? 0) }
        super.init(name: "type", parent: parent)
    }

    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        let ok: Bool
        switch instance {
        case .null: ok = mask & 1 != 0
        case .bool: ok = mask & 2 != 0
        case .int: ok = mask & 12 != 0
        case .double(let d): ok = mask & 8 != 0 || (mask & 4 != 0 && d.rounded() == d && d.isFinite)
        case .string: ok = mask & 16 != 0
        case .array: ok = mask & 32 != 0
        case .object: ok = mask & 64 != 0
        }
        if !ok { e.fail(self, message(instance)) }
        return ok
    }

    /// Words the form's own answers map to (a person writes the checkbox label).
    static let booleanWords: [String: Bool] = ["yes": true, "y": true, "on": true, "no": false, "n": false, "off": false]

    func message(_ instance: JSONValue) -> String {
        // A yes/no answer typed as text: say what to write instead.
        if names.contains("boolean"), names.allSatisfy({ $0 == "boolean" || $0 == "null" }), case .string(let s) = instance {
            let blank = names.contains("null") ? ", or leave it empty" : ""
            let word = s.trimmingCharacters(in: .whitespaces)
            if let b = Self.booleanWords[word.lowercased()] {
                return "\(JSONWriter.string(instance)) is not true or false: write true or false\(blank) (\(word) → \(b))"
            }
            return "\(JSONWriter.string(instance)) is not true or false: write true or false\(blank)"
        }
        let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
        return "expected \(expected), got \(instance.typeName)"
    }
}

final class EnumKeyword: KeywordBase, @unchecked Sendable {
    let values: [JSONValue]
    let set: Set<JSONValue>
    init(parent: String, values: [JSONValue]) {
        self.values = values.map(JSONSemantics.normalized)
        self.set = Set(self.values)
        super.init(name: "enum", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        // Short lists are scanned; long ones use the set to find candidates. Exact JSON equality
        // confirms either way (Swift's string hashing equates canonically equivalent strings).
        if values.count <= 8 || set.contains(JSONSemantics.normalized(instance)),
           values.contains(where: { JSONSemantics.equal($0, instance) }) {
            return true
        }
        let shown = values.prefix(12).map { JSONWriter.string($0) }.joined(separator: ", ")
        e.fail(self, "value \(JSONWriter.string(instance)) is not one of the allowed values: \(shown)\(values.count > 12 ? ", …" : "")")
        return false
    }
}

/// `multipleOf`, `maximum`, `exclusiveMaximum`, `minimum`, `exclusiveMinimum`.
enum NumericKeywords {
    /// `a < b` for JSON numbers, exact between integers.
    static func less(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .int(let x) = a, case .int(let y) = b { return x < y }
        return (a.numericValue ?? 0) < (b.numericValue ?? 0)
    }

    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        let p = c.absolute
        if let m = c.object["multipleOf"], m.isNumber {
            let dm = JSONSemantics.decimal(m)
            let scaled = JSONSemantics.ScaledDivisor(m)
            out.append(CheckKeyword("multipleOf", p, { !$0.isNumber || JSONSemantics.isMultiple($0, of: m, divisorDecimal: dm, scaled: scaled) },
                                    { "\(JSONWriter.string($0)) is not a multiple of \(JSONWriter.string(m))" }))
        }
        if let m = c.object["maximum"], m.isNumber {
            out.append(CheckKeyword("maximum", p, { !$0.isNumber || !less(m, $0) },
                                    { "\(JSONWriter.string($0)) is greater than the maximum \(JSONWriter.string(m))" }))
        }
        if let m = c.object["exclusiveMaximum"], m.isNumber {
            out.append(CheckKeyword("exclusiveMaximum", p, { !$0.isNumber || less($0, m) },
                                    { "\(JSONWriter.string($0)) must be less than \(JSONWriter.string(m))" }))
        }
        if let m = c.object["minimum"], m.isNumber {
            out.append(CheckKeyword("minimum", p, { !$0.isNumber || !less($0, m) },
                                    { "\(JSONWriter.string($0)) is less than the minimum \(JSONWriter.string(m))" }))
        }
        if let m = c.object["exclusiveMinimum"], m.isNumber {
            out.append(CheckKeyword("exclusiveMinimum", p, { !$0.isNumber || less(m, $0) },
                                    { "\(JSONWriter.string($0)) must be greater than \(JSONWriter.string(m))" }))
        }
        return out
    }
}

/// `maxLength`, `minLength` (in Unicode code points), `pattern`.
enum StringKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        var out: [KeywordBase] = []
        let p = c.absolute
        if let m = c.object["maxLength"]?.intValue {
            out.append(CheckKeyword("maxLength", p, {
                guard case .string(let s) = $0 else { return true }
                return s.utf8.count <= m || s.unicodeScalars.count <= m
            }, { "text is \(Plural.count($0.stringValue?.unicodeScalars.count ?? 0, "character")) long; at most \(m) allowed" }))
        }
        if let m = c.object["minLength"]?.intValue {
            out.append(CheckKeyword("minLength", p, {
                guard case .string(let s) = $0 else { return true }
                // Code points lie between a quarter of the UTF-8 length and the UTF-8 length.
                let bytes = s.utf8.count
                if bytes < m { return false }
                if bytes / 4 >= m { return true }
                return s.unicodeScalars.count >= m
            }, { "text is \(Plural.count($0.stringValue?.unicodeScalars.count ?? 0, "character")) long; at least \(m) required" }))
        }
        if case .string(let pattern)? = c.object["pattern"] {
            // Docket's `x-docket-patternDescription` says in words what the pattern asks for.
            let described = c.object["x-docket-patternDescription"]?.stringValue
            if let regex = ECMARegex(pattern) {
                out.append(CheckKeyword("pattern", p, {
                    guard case .string(let s) = $0 else { return true }
                    return regex.matches(s)
                }, { value in
                    if let described { return "\(JSONWriter.string(value)) is not accepted here: \(described)" }
                    return "\(JSONWriter.string(value)) does not match the pattern \(pattern)"
                }))
            } else {
                c.error("pattern", "'\(pattern)' is not a valid ECMA-262 regular expression")
            }
        }
        return out
    }
}
