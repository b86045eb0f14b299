import Foundation
import Hummingbird

/// Posted bodies: `application/x-www-form-urlencoded` fields (in order, repeats kept) and
/// `multipart/form-data` uploads, read up to the upload limit.
enum FormBody {
    static func fields(_ request: Request, context: WorkspaceContext) async throws -> [(String, String)] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let text = String(buffer: buffer)
        return text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return (decode(parts[0]), decode(parts.count > 1 ? parts[1] : ""))
        }
    }

    static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? s
    }

    /// One uploaded file of a multipart body: the part named `field`, its file name and bytes, and
    /// the other (text) parts.
    struct Upload {
        var fileName: String
        var bytes: [UInt8]
        var fields: [String: String]
    }

    static func upload(_ request: Request, context: WorkspaceContext, field: String) async throws -> Upload? {
        guard let type = request.headers[.contentType], let b = type.range(of: "boundary=") else { return nil }
        let boundary = Array(("--" + type[b.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))).utf8)
        let body = Array(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        var upload: Upload?
        var fields: [String: String] = [:]
        for part in split(body, by: boundary) {
            guard let headerEnd = find(part, Array("\r\n\r\n".utf8), from: 0) else { continue }
            let headers = String(decoding: part[..<headerEnd], as: UTF8.self)
            var content = Array(part[(headerEnd + 4)...])
            if content.suffix(2) == [13, 10] { content.removeLast(2) }
            guard let name = attribute("name", in: headers) else { continue }
            if name == field, let file = attribute("filename", in: headers) {
                upload = Upload(fileName: (file as NSString).lastPathComponent, bytes: content, fields: [:])
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        upload?.fields = fields
        return upload
    }

    static func attribute(_ name: String, in headers: String) -> String? {
        guard let r = headers.range(of: " \(name)=\"") ?? headers.range(of: ";\(name)=\"") else { return nil }
        let rest = headers[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func split(_ body: [UInt8], by boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start: Int? = nil
        var i = 0
        while let at = find(body, boundary, from: i) {
            if let s = start { parts.append(body[s..<at]) }
            start = at + boundary.count
            if body.count >= at + boundary.count + 2, body[at + boundary.count] == 45, body[at + boundary.count + 1] == 45 { break }
            if let s = start, body.count >= s + 2, body[s] == 13, body[s + 1] == 10 { start = s + 2 }
            i = at + boundary.count
        }
        return parts
    }

    static func find(_ hay: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func find(_ hay: ArraySlice<UInt8>, _ needle: [UInt8], from: Int) -> Int? {
        let base = hay.startIndex
        return find(Array(hay), needle, from: from).map { $0 + base }
    }
}

extension [(String, String)] {
    func value(_ name: String) -> String? { first { $0.0 == name }?.1 }
}
