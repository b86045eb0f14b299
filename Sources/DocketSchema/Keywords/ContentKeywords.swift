import DocketCore
import Foundation

/// Content vocabulary: `contentEncoding` (base64, base64url, base16), `contentMediaType`
/// (`application/json` and other `…+json` types) and `contentSchema`. Annotations by default;
/// assertions when `SchemaOptions.contentAssertion` is on.
enum ContentKeywords {
    static func compile(_ c: NodeContext) -> [KeywordBase] {
        guard c.options.contentAssertion else { return [] }
        let encoding = c.object["contentEncoding"]?.stringValue?.lowercased()
        let mediaType = c.object["contentMediaType"]?.stringValue?.lowercased()
        let isJSON = mediaType.map { $0 == "application/json" || $0.hasSuffix("+json") } ?? false
        guard encoding != nil || isJSON else { return [] }
        let schema = isJSON && c.object["contentSchema"] != nil ? c.subschema("contentSchema") : nil
        return [ContentKeyword(parent: c.absolute, encoding: encoding, json: isJSON, schema: schema)]
    }

    static func decode(_ text: String, encoding: String) -> Data? {
        switch encoding {
        case "base64": return Data(base64Encoded: text)
        case "base64url":
            var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while s.count % 4 != 0 { s += "=" }
            return Data(base64Encoded: s)
        case "base16":
            guard text.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            var it = text.makeIterator()
            while let a = it.next(), let b = it.next() {
                guard let v = UInt8(String([a, b]), radix: 16) else { return nil }
                bytes.append(v)
            }
            return Data(bytes)
        default: return Data(text.utf8)
        }
    }
}

final class ContentKeyword: KeywordBase, @unchecked Sendable {
    let encoding: String?
    let json: Bool
    let schema: SchemaNode?
    init(parent: String, encoding: String?, json: Bool, schema: SchemaNode?) {
        self.encoding = encoding
        self.json = json
        self.schema = schema
        super.init(name: encoding != nil ? "contentEncoding" : "contentMediaType", parent: parent)
    }
    override func evaluate(_ instance: JSONValue, _ e: Evaluation, _ ann: inout Annotations) -> Bool {
        guard case .string(let text) = instance else { return true }
        guard let data = ContentKeywords.decode(text, encoding: encoding ?? "") else {
            e.fail(self, "text is not valid \(encoding ?? "") encoded content")
            return false
        }
        guard json else { return true }
        guard let (value, _) = try? JSONParser.parse(bytes: Array(data)) else {
            e.fail(self, "content is not valid JSON")
            return false
        }
        guard let schema else { return true }
        var child = Annotations(track: false)
        return schema.evaluate(value, e, &child)
    }
}
