import DocketCore
import Foundation

/// A form generated from a deliverable's JSON Schema: objects as fieldsets, arrays with add/remove
/// buttons (plain submits, no JavaScript needed), enums as selects, booleans as checkboxes,
/// Markdown narratives (`contentMediaType: text/markdown`) as textareas with a word count, dates
/// as date inputs. Field names are JSON Pointers, so posted fields map back to data exactly.
struct SchemaForm {
    /// The schema document (for `$ref: #/$defs/…`) and the order its properties are written in.
    let root: JSONValue
    let order: [String: Int]
    /// Layout hints kept beside the deliverable (`form.yaml`).
    let layout: FormLayout

    init(schema: LoadedData, layout: FormLayout = .empty) {
        root = schema.value
        self.layout = layout
        var order: [String: Int] = [:]
        func walk(_ node: JSONValue, _ pointer: String) {
            guard case .object(let o) = node else {
                if case .array(let a) = node { for (i, v) in a.enumerated() { walk(v, pointer + "/\(i)") } }
                return
            }
            for (k, v) in o {
                let p = JSONPointer.appending(pointer, k)
                if let line = schema.location(of: p).position?.line { order[p] = line }
                walk(v, p)
            }
        }
        walk(schema.value, "")
        self.order = order
    }

    /// `node` with `$ref` to the document's `$defs` followed.
    func resolved(_ node: JSONValue) -> JSONValue {
        guard let ref = node["$ref"]?.stringValue, ref.hasPrefix("#") else { return node }
        return root.value(at: String(ref.dropFirst())).map(resolved) ?? node
    }

    /// Property names of an object schema (at `schemaPointer`) in the order the schema lists them.
    func properties(_ schema: JSONValue, at schemaPointer: String) -> [(String, JSONValue)] {
        let props = schema["properties"]?.objectValue ?? [:]
        return props.sorted { a, b in
            let pa = order[schemaPointer + "/properties/" + JSONPointer.escape(a.key)] ?? Int.max
            let pb = order[schemaPointer + "/properties/" + JSONPointer.escape(b.key)] ?? Int.max
            return pa != pb ? pa < pb : a.key < b.key
        }
    }

    /// The schema pointer a `$ref` leads to (for property order), or `pointer` itself.
    func target(_ node: JSONValue, _ pointer: String) -> String {
        if let ref = node["$ref"]?.stringValue, ref.hasPrefix("#") { return String(ref.dropFirst()) }
        return pointer
    }

    static func types(_ schema: JSONValue) -> [String] {
        if let t = schema["type"]?.stringValue { return [t] }
        return schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// `executiveSponsor` → "Executive sponsor".
    static func label(_ key: String, _ schema: JSONValue) -> String {
        if let title = schema["title"]?.stringValue { return title }
        var out = ""
        for c in key {
            if c.isUppercase, !out.isEmpty { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }

    // MARK: Rendering

    /// The fields for `data`, with `errors` (pointer → messages) beside their fields.
    func render(_ data: JSONValue, errors: [String: [String]]) -> String {
        guard !layout.sections.isEmpty else {
            return render(resolved(root), schemaPointer: target(root, ""), pointer: "", key: nil, value: data, errors: errors)
        }
        // Sections of top-level fields, each with its heading and help; fields no section names follow.
        let schema = resolved(root), sp = target(root, "")
        let props = properties(schema, at: sp)
        func field(_ key: String) -> String {
            guard let v = props.first(where: { $0.0 == key })?.1 else { return "" }
            return render(v, schemaPointer: sp + "/properties/" + JSONPointer.escape(key), pointer: "/" + JSONPointer.escape(key),
                          key: key, value: data[key], errors: errors)
        }
        var out = "", placed: Set<String> = []
        for section in layout.sections {
            let keys = section.fields.map { JSONPointer.tokens($0).first ?? "" }.filter { k in props.contains { $0.0 == k } }
            placed.formUnion(keys)
            out += "<section class=\"form-section\"><h2>\(HTML.esc(section.title))</h2>"
                + (section.help.map { "<p class=\"hint\">\(HTML.esc($0))</p>" } ?? "") + keys.map(field).joined(separator: "\n") + "</section>"
        }
        return out + props.map(\.0).filter { !placed.contains($0) }.map(field).joined(separator: "\n")
    }

    func render(_ raw: JSONValue, schemaPointer: String, pointer: String, key: String?, value: JSONValue?, errors: [String: [String]]) -> String {
        let schema = resolved(raw)
        let sp = target(raw, schemaPointer)
        let types = Self.types(schema)
        let id = HTML.fieldID(pointer)
        let hints = layout.field(pointer)
        let name = hints?.label ?? key.map { Self.label($0, schema) } ?? ""
        let hint = (hints?.help ?? schema["description"]?.stringValue).map { "<span class=\"hint\" id=\"\(id)-hint\">\(HTML.esc($0))</span>" } ?? ""
        let described = hint.isEmpty ? "" : " aria-describedby=\"\(id)-hint\""
        let problems = (errors[pointer] ?? []).map { "<span class=\"field-error\" id=\"\(id)-error\">Error: \(HTML.esc($0))</span>" }.joined()
        if types.contains("object") || schema["properties"] != nil {
            let props = properties(schema, at: sp)
            let inner = layout.ordered(props.map(\.0), at: pointer).compactMap { k in props.first { $0.0 == k } }.map { k, v in
                render(v, schemaPointer: sp + "/properties/" + JSONPointer.escape(k), pointer: JSONPointer.appending(pointer, k),
                       key: k, value: value?[k], errors: errors)
            }.joined(separator: "\n")
            guard key != nil else { return inner }
            return "<fieldset id=\"\(id)\"><legend>\(HTML.esc(name))</legend>\(hint)\(problems)\(inner)</fieldset>"
        }
        if types.contains("array") {
            let items = value?.arrayValue ?? []
            let itemSchema = schema["items"] ?? [:]
            var out = "<fieldset id=\"\(id)\"><legend>\(HTML.esc(name))</legend>\(hint)\(problems)"
            for (i, item) in items.enumerated() {
                let p = JSONPointer.appending(pointer, i)
                out += "<div class=\"item\">"
                out += render(itemSchema, schemaPointer: sp + "/items", pointer: p, key: "\(Self.label(key ?? "item", [:])) \(i + 1)",
                              value: item, errors: errors)
                out += "<button type=\"submit\" class=\"secondary\" name=\"_action\" value=\"remove:\(HTML.esc(p))\">Remove \(HTML.esc(name.lowercased())) \(i + 1)</button></div>"
            }
            out += "<button type=\"submit\" class=\"secondary\" name=\"_action\" value=\"add:\(HTML.esc(pointer))\">Add \(HTML.esc(name.lowercased()))</button>"
            out += "<input type=\"hidden\" name=\"_array\" value=\"\(HTML.esc(pointer))\"></fieldset>"
            return out
        }
        if hints?.widget == .hidden {
            return value.flatMap(Self.text).map { "<input type=\"hidden\" name=\"\(HTML.esc(pointer))\" value=\"\(HTML.esc($0))\">" } ?? ""
        }
        let errorAttr = problems.isEmpty ? "" : " aria-invalid=\"true\""
        let label = "<label for=\"\(id)\">\(HTML.esc(name))</label>\(hint)\(problems)"
        let nameAttr = "name=\"\(HTML.esc(pointer))\" id=\"\(id)\"\(described)\(errorAttr)"
        if let choices = schema["enum"]?.arrayValue, hints?.widget == .radio {
            let current = value.flatMap(Self.text)
            var out = "<fieldset id=\"\(id)\"\(described)><legend>\(HTML.esc(name))</legend>\(hint)\(problems)"
            for (i, c) in choices.enumerated() {
                guard let t = Self.text(c) else { continue }
                out += "<div class=\"check\"><input type=\"radio\" name=\"\(HTML.esc(pointer))\" id=\"\(id)-\(i)\" value=\"\(HTML.esc(t))\"\(current == t ? " checked" : "")>"
                    + "<label for=\"\(id)-\(i)\">\(HTML.esc(t))</label></div>"
            }
            return out + "</fieldset>"
        }
        if let choices = schema["enum"]?.arrayValue {
            let current = value.flatMap(Self.text)
            var options = "<option value=\"\"\(current == nil ? " selected" : "")>Choose…</option>"
            for c in choices {
                guard let t = Self.text(c) else { continue }
                options += "<option value=\"\(HTML.esc(t))\"\(current == t ? " selected" : "")>\(HTML.esc(t))</option>"
            }
            return label + "<select \(nameAttr)>\(options)</select>"
        }
        if types.contains("boolean") {
            let checked = value?.boolValue == true ? " checked" : ""
            return "<input type=\"hidden\" name=\"_bool\" value=\"\(HTML.esc(pointer))\">"
                + "<label for=\"\(id)\"><input type=\"checkbox\" \(nameAttr) value=\"true\"\(checked)> \(HTML.esc(name))</label>\(hint)\(problems)"
        }
        let text = value.flatMap(Self.text) ?? ""
        if schema["contentMediaType"]?.stringValue == "text/markdown" || hints?.widget == .textarea {
            let limit = schema["x-docket-maxWords"]?.intValue ?? schema["x-docket-suggestedMaxWords"]?.intValue
            let count = limit.map { "<span class=\"words\" id=\"\(id)-words\" aria-live=\"polite\">\(WordCount.count(text)) of \($0) words</span>" } ?? ""
            let data = limit.map { " data-max-words=\"\($0)\"" } ?? ""
            let rows = hints?.rows.map { " rows=\"\($0)\"" } ?? ""
            return label + "<textarea \(nameAttr)\(data)\(rows)>\(HTML.esc(text))</textarea>\(count)"
        }
        let inputType: String
        switch schema["format"]?.stringValue {
        case "email": inputType = "email"
        case "date": inputType = "date"
        default: inputType = types.contains("integer") || types.contains("number") ? "number" : "text"
        }
        return label + "<input type=\"\(inputType)\" \(nameAttr) value=\"\(HTML.esc(text))\">"
    }

    /// Nothing a person entered: null, false, an empty list, or an object of such.
    static func blank(_ v: JSONValue) -> Bool {
        switch v {
        case .null, .bool(false): return true
        case .array(let a): return a.isEmpty
        case .object(let o): return o.values.allSatisfy(blank)
        default: return false
        }
    }

    static func text(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    // MARK: Reading a posted form back

    /// The data the posted `fields` describe, typed by the schema; `action` (add:/remove:<pointer>)
    /// applied. Empty optional fields are left out; an emptied nullable field is `null`.
    func read(_ fields: [(String, String)], base: JSONValue) -> JSONValue {
        var values: [String: String] = [:]
        var arrays: Set<String> = []
        var booleans: Set<String> = []
        var action: String?
        for (k, v) in fields {
            switch k {
            case "_array": arrays.insert(v)
            case "_bool": booleans.insert(v)
            case "_action": action = v
            case _ where k.hasPrefix("/"): values[k] = v
            default: break
            }
        }
        var data = build(resolved(root), pointer: "", values: values, arrays: arrays, booleans: booleans) ?? .object([:])
        // Keys the form does not show (options, routing) are kept from the saved data.
        if case .object(var o) = data, case .object(let old) = base {
            for (k, v) in old where o[k] == nil && resolved(root)["properties"]?[k] == nil { o[k] = v }
            data = .object(o)
        }
        if let action { data = Self.apply(action, to: data, form: self) }
        return data
    }

    private func build(_ raw: JSONValue, pointer: String, values: [String: String], arrays: Set<String>, booleans: Set<String>) -> JSONValue? {
        let schema = resolved(raw)
        let types = Self.types(schema)
        if types.contains("object") || schema["properties"] != nil {
            var o: [String: JSONValue] = [:]
            let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            for (k, v) in schema["properties"]?.objectValue ?? [:] {
                if let built = build(v, pointer: JSONPointer.appending(pointer, k), values: values, arrays: arrays, booleans: booleans) {
                    o[k] = built
                } else if required.contains(k), Self.types(resolved(v)).contains("null") {
                    o[k] = .null  // a required answer left blank on purpose (e.g. an unchanged key contact, R000-09)
                }
            }
            // An optional section nobody filled in (only empty lists, unticked boxes, blanks) is left out.
            return pointer != "" && o.values.allSatisfy(Self.blank) ? nil : .object(o)
        }
        if types.contains("array") {
            guard arrays.contains(pointer) else { return nil }
            var items: [JSONValue] = []
            var i = 0
            let prefix = pointer + "/"
            let count = (values.keys.compactMap { k -> Int? in
                guard k.hasPrefix(prefix) else { return nil }
                return Int(k.dropFirst(prefix.count).split(separator: "/").first ?? "")
            }.max() ?? -1) + 1
            while i < count {
                let itemSchema = resolved(schema["items"] ?? [:])
                let empty: JSONValue = Self.types(itemSchema).contains("string") ? .string("") : .object([:])
                items.append(build(itemSchema, pointer: JSONPointer.appending(pointer, i), values: values, arrays: arrays,
                                   booleans: booleans) ?? empty)
                i += 1
            }
            return .array(items)
        }
        if types.contains("boolean") && !types.contains("string") {
            return booleans.contains(pointer) ? .bool(values[pointer] == "true") : nil
        }
        guard let text = values[pointer] else { return nil }
        if text.isEmpty { return types.contains("null") ? .null : nil }
        if types.contains("integer"), let i = Int(text) { return .int(i) }
        if types.contains("number"), let d = Double(text) { return .double(d) }
        return .string(text)
    }

    /// `add:<array pointer>` appends an empty item; `remove:<item pointer>` removes one.
    static func apply(_ action: String, to data: JSONValue, form: SchemaForm) -> JSONValue {
        let parts = action.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return data }
        var tokens = JSONPointer.tokens(parts[1])
        var data = data
        if parts[0] == "add" {
            var list = data.value(at: parts[1])?.arrayValue ?? []
            list.append(.object([:]))
            data.setValue(.array(list), atDotted: tokens.joined(separator: "."))
        } else if parts[0] == "remove", let index = tokens.popLast().flatMap(Int.init) {
            let arrayPointer = tokens.map { "/" + JSONPointer.escape($0) }.joined()
            var list = data.value(at: arrayPointer)?.arrayValue ?? []
            if list.indices.contains(index) { list.remove(at: index) }
            data.setValue(.array(list), atDotted: tokens.joined(separator: "."))
        }
        return data
    }
}
