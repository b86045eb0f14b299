import Foundation
import Yams

/// A data file loaded into a `JSONValue`, with where each value came from.
public struct LoadedData: Sendable {
    public var value: JSONValue
    public var sourceMap: SourceMap
    public var path: String

    public init(value: JSONValue, sourceMap: SourceMap = SourceMap(), path: String) {
        self.value = value
        self.sourceMap = sourceMap
        self.path = path
    }

    /// `file:line:col` for a JSON Pointer into this data, as far as it is known.
    public func location(of pointer: String) -> SourceLocation {
        SourceLocation(file: path, position: sourceMap.position(for: pointer))
    }
}

/// Reads YAML or JSON data files. YAML is read with the YAML 1.2 core schema's booleans
/// (`true`/`false` only: "No" and "off" stay strings) and without timestamps (dates stay
/// `YYYY-MM-DD` strings), so that what a person types is what a template prints.
public enum DataLoader {
    public struct Failure: Error, Sendable {
        /// Whether the file could not be read at all, or was read and is not valid data.
        public enum Kind: Sendable, Hashable {
            case unreadable, syntax
        }
        public var diagnostic: Diagnostic
        public var kind: Kind = .syntax
        /// Unreadable files are usage/I/O errors (exit 2); syntax errors are invalid input (exit 1).
        public var isUnreadable: Bool { kind == .unreadable }
    }

    public static func load(path: String) throws(Failure) -> LoadedData {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(diagnostic: Diagnostic(
                .error, rule: "io.read", "cannot read data file: \(error.localizedDescription)",
                location: SourceLocation(file: path)), kind: .unreadable)
        }
        return try load(data: data, path: path)
    }

    public static func load(data: Data, path: String) throws(Failure) -> LoadedData {
        let isJSON = path.lowercased().hasSuffix(".json")
        if isJSON {
            if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                throw Failure(diagnostic: Diagnostic(
                    .error, rule: "data.syntax", "the file is empty: it has no data", location: SourceLocation(file: path)))
            }
            do {
                let (value, map) = try JSONParser.parse(bytes: Array(data))
                return LoadedData(value: value, sourceMap: map, path: path)
            } catch {
                throw Failure(diagnostic: Diagnostic(
                    .error, rule: "data.syntax", "invalid JSON: \(error.message)",
                    location: SourceLocation(file: path, position: error.position)))
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(diagnostic: Diagnostic(
                .error, rule: "data.encoding", "data file is not valid UTF-8 text",
                location: SourceLocation(file: path)))
        }
        return try loadYAML(text, path: path)
    }

    static let resolver: Resolver = {
        // YAML 1.2 booleans only (`yes`/`no` stay text); the rule's expression is a constant.
        let base = Resolver.default.removing(.timestamp)
        guard let bool = try? Resolver.Rule(.bool, "^(?:true|True|TRUE|false|False|FALSE)$") else { return base }
        return base.replacing(bool)
    }()

    public static func loadYAML(_ text: String, path: String) throws(Failure) -> LoadedData {
        do {
            guard let node = try Yams.compose(yaml: text, resolver) else {
                return LoadedData(value: .null, path: path)
            }
            var map = SourceMap()
            let value = try convert(node, pointer: "", map: &map, path: path)
            return LoadedData(value: value, sourceMap: map, path: path)
        } catch let failure as Failure {
            throw failure
        } catch let error as YamlError {
            throw Failure(diagnostic: yamlDiagnostic(error, path: path, text: text))
        } catch {
            throw Failure(diagnostic: Diagnostic(
                .error, rule: "data.syntax", "invalid YAML: \(error)", location: SourceLocation(file: path)))
        }
    }

    /// The diagnostic of a YAML syntax error: in plain words where a common mistake explains it
    /// (`YAMLHints`: a tab used to indent, a quote never closed), else the library's problem
    /// with the line where the enclosing structure starts.
    static func yamlDiagnostic(_ error: YamlError, path: String, text: String = "") -> Diagnostic {
        func diag(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            if let hint = YAMLHints.hint(for: text, problem: problem, errorLine: mark.line) {
                return Diagnostic(.error, rule: "data.syntax", hint.message,
                                  location: SourceLocation(file: path, position: hint.position))
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) that starts on line \(context.mark.line), column \(context.mark.column))" }
            return Diagnostic(.error, rule: "data.syntax", message,
                              location: SourceLocation(file: path, position: SourcePosition(line: mark.line, column: mark.column)))
        }
        switch error {
        case let .scanner(context, problem, mark, _): return diag(problem, context, mark)
        case let .parser(context, problem, mark, _): return diag(problem, context, mark)
        case let .composer(context, problem, mark, _): return diag(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, rule: "data.duplicate-key",
                              "duplicate key \(duplicates.joined(separator: ", ")) in mapping",
                              location: SourceLocation(file: path, position: SourcePosition(line: context.mark.line, column: context.mark.column)))
        default:
            return Diagnostic(.error, rule: "data.syntax", "invalid YAML: \(error)", location: SourceLocation(file: path))
        }
    }

    static func convert(_ node: Node, pointer: String, map: inout SourceMap, path: String) throws -> JSONValue {
        if let mark = node.mark { map.positions[pointer] = SourcePosition(line: mark.line, column: mark.column) }
        switch node {
        case .alias:
            throw Failure(diagnostic: Diagnostic(
                .error, rule: "data.syntax", "YAML aliases are not supported in data files",
                location: SourceLocation(file: path, position: map.positions[pointer])))
        case .scalar(let scalar):
            switch resolver.resolveTag(of: node) {
            case .null: return .null
            case .bool: return .bool(["true", "True", "TRUE"].contains(scalar.string))
            case .int:
                if let i = node.int { return .int(i) }
                return .string(scalar.string)
            case .float:
                if let d = node.float { return .double(d) }
                return .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (i, child) in sequence.enumerated() {
                items.append(try convert(child, pointer: JSONPointer.appending(pointer, i), map: &map, path: path))
            }
            return .array(items)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, child) in mapping {
                let name = key.string ?? "\(key)"
                if object[name] != nil {
                    throw Failure(diagnostic: Diagnostic(
                        .error, rule: "data.duplicate-key", "duplicate key '\(name)'",
                        location: SourceLocation(file: path, position: key.mark.map { SourcePosition(line: $0.line, column: $0.column) })))
                }
                object[name] = try convert(child, pointer: JSONPointer.appending(pointer, name), map: &map, path: path)
            }
            return .object(object)
        }
    }
}
