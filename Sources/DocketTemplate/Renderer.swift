import DocketCore

/// One level of the Mustache context stack; loop frames also know their position.
struct Frame {
    var value: JSONValue
    /// Where this value sits in the data, for messages: `contacts.other.1`.
    var path: String
    var index: Int? = nil
    var count: Int? = nil
}

/// Walks the node tree against the context stack, writing output and collecting diagnostics.
struct Renderer<Format: OutputFormat> {
    let format: Format
    let options: RenderOptions
    var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []
    static var maxDepth: Int { 64 }

    init(format: Format, options: RenderOptions) {
        self.format = format
        self.options = options
    }

    mutating func render(_ nodes: [TemplateNode], in template: Template, stack: [Frame], into out: inout String, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let s):
                out += s
            case .variable(let ref, let escaped):
                renderVariable(ref, escaped: escaped, template: template, stack: stack, into: &out)
            case .section(let ref, let inverted, let children):
                var value = resolve(ref, template: template, stack: stack, reportMissing: false)
                if let name = ref.filter {
                    guard let f = options.filters[name] ?? BuiltinFilters.all[name] else {
                        report(.error, "template.unknown-filter", "unknown filter '\(name)' in {{#\(ref.source)}}; filters: \(knownFilters)",
                               at: template.locate(ref.offset), key: "filter\(ref.offset)")
                        continue
                    }
                    value = (value != nil || f.acceptsMissing) ? f.apply(value) : nil
                }
                if inverted {
                    if !Renderer.isTruthy(value) { render(children, in: template, stack: stack, into: &out, depth: depth) }
                    continue
                }
                guard let value, Renderer.isTruthy(value) else { continue }
                let base = dataPath(ref, stack: stack)
                switch value {
                case .array(let items):
                    for (i, item) in items.enumerated() {
                        var inner = stack
                        inner.append(Frame(value: item, path: base + "." + String(i), index: i, count: items.count))
                        render(children, in: template, stack: inner, into: &out, depth: depth)
                    }
                case .bool:
                    render(children, in: template, stack: stack, into: &out, depth: depth)
                default:
                    var inner = stack
                    inner.append(Frame(value: value, path: base))
                    render(children, in: template, stack: inner, into: &out, depth: depth)
                }
            case .partial(let name, let indentation, let offset):
                guard let partial = template.partials[name] else { continue }
                guard depth < Renderer.maxDepth else {
                    report(.error, "template.partial-depth", "partials nested deeper than \(Renderer.maxDepth) levels (recursive partial '\(name)'?)",
                           at: template.locate(offset), key: "depth\(offset)")
                    continue
                }
                var inner = ""
                render(partial.nodes, in: partial, stack: stack, into: &inner, depth: depth + 1)
                if indentation.isEmpty { out += inner } else { out += Renderer.indent(inner, with: indentation) }
            }
        }
    }

    private mutating func renderVariable(_ ref: TagRef, escaped: Bool, template: Template, stack: [Frame], into out: inout String) {
        let location = template.locate(ref.offset)
        if ref.filter == ImageLoader.filterName {
            renderImage(ref, template: template, stack: stack, location: location, into: &out)
            return
        }
        if let filter = ref.filter {
            let value = resolve(ref, template: template, stack: stack, reportMissing: false)
            do {
                if let v = value, let raw = try format.renderFilter(filter, value: v) {
                    out += raw
                    return
                }
            } catch {
                report(.error, "template.format", "\(ref.source): \(error.message)", at: location, key: "fmt\(ref.offset)")
                return
            }
            guard let f = options.filters[filter] ?? BuiltinFilters.all[filter] else {
                if value != nil || !isFormatFilterName(filter) {
                    report(.error, "template.unknown-filter",
                           "unknown filter '\(filter)' in {{\(ref.source)}}; filters: \(knownFilters)", at: location, key: "filter\(ref.offset)")
                    return
                }
                missing(ref, stack: stack, location: location, into: &out)
                return
            }
            if value == nil && !f.acceptsMissing {
                missing(ref, stack: stack, location: location, into: &out)
                return
            }
            write(f.apply(value), escaped: true, ref: ref, location: location, into: &out)
            return
        }
        guard let value = resolve(ref, template: template, stack: stack, reportMissing: true) else {
            missing(ref, stack: stack, location: location, into: &out)
            return
        }
        write(value, escaped: escaped, ref: ref, location: location, into: &out)
    }

    /// `{{image(x)}}`: the field read and checked by `ImageLoader` (alt text, path, limits), then
    /// written by the format. Every refusal is an error at the tag that names the field; `null`
    /// is an intentional blank.
    private mutating func renderImage(_ ref: TagRef, template: Template, stack: [Frame], location: SourceLocation, into out: inout String) {
        guard let value = resolve(ref, template: template, stack: stack, reportMissing: true) else {
            missing(ref, stack: stack, location: location, into: &out)
            return
        }
        if value == .null { return }
        let field = resolvedPath(ref, stack: stack)
        do {
            let image = try ImageLoader.load(value, baseDirectory: options.imageBase)
            out += try format.image(image)
        } catch let error as ImageError {
            report(.error, error.rule, "field '\(field)' ({{\(ref.source)}}): \(error.message)", at: location, key: "img\(ref.offset)\(field)",
                   instanceLocation: JSONPointer.fromDotted(field))
        } catch let error as FormatError {
            report(.error, "template.format", "field '\(field)' ({{\(ref.source)}}): \(error.message)", at: location, key: "fmt\(ref.offset)")
        } catch {
            report(.error, "template.format", "field '\(field)': \(error)", at: location, key: "fmt\(ref.offset)")
        }
    }

    private var knownFilters: String {
        (Array(BuiltinFilters.all.keys) + Array(options.filters.keys) + ["markdown", ImageLoader.filterName]).sorted().joined(separator: ", ")
    }

    private func isFormatFilterName(_ name: String) -> Bool { name.hasPrefix("markdown") }

    private mutating func write(_ value: JSONValue, escaped: Bool, ref: TagRef, location: SourceLocation, into out: inout String) {
        let text = BuiltinFilters.text(value)
        do {
            out += try escaped ? format.escape(text) : format.unescaped(text)
        } catch {
            report(.error, "template.format", "field '\(ref.source)': \(error.message)", at: location, key: "fmt\(ref.offset)")
        }
    }

    private mutating func missing(_ ref: TagRef, stack: [Frame], location: SourceLocation, into out: inout String) {
        let inside = stack.count > 1 ? " (in \(stack.last!.path.dropFirst()))" : ""
        let field = ref.path.description
        if options.allowMissing {
            report(.warning, "template.missing-field", "missing field '\(field)'\(inside): rendered as [MISSING: \(field)]",
                   at: location, key: "m\(ref.offset)")
            out += (try? format.escape("[MISSING: \(field)]")) ?? "[MISSING]"
        } else {
            report(.error, "template.missing-field",
                   "missing field '\(field)'\(inside): add it to the data (use null for an intentional blank) or pass --allow-missing",
                   at: location, key: "m\(ref.offset)")
        }
    }

    private mutating func report(_ severity: Severity, _ rule: String, _ message: String, at location: SourceLocation, key: String,
                                 instanceLocation: String? = nil) {
        guard reported.insert(key).inserted else { return }
        diagnostics.append(Diagnostic(severity, rule: rule, message, location: location, instanceLocation: instanceLocation))
    }

    /// Where a name resolved to in the data (`entity.logo` even inside `{{#entity.logo}}`), for messages.
    private func resolvedPath(_ ref: TagRef, stack: [Frame]) -> String {
        let first = ref.path.segments.first ?? ""
        let frame = stack.last { frame in
            if case .object(let o) = frame.value { return o[first] != nil }
            return false
        }
        return String(((frame?.path ?? "") + "." + ref.path.description).dropFirst())
    }

    private func dataPath(_ ref: TagRef, stack: [Frame]) -> String {
        let top = stack.last?.path ?? ""  // the root frame is pushed before rendering
        return top + "." + ref.path.description
    }

    /// Mustache name resolution: the first frame whose object has the first segment, then
    /// descend; `.` is the top frame; `@…` are loop variables of the nearest loop.
    private func resolve(_ ref: TagRef, template: Template, stack: [Frame], reportMissing: Bool) -> JSONValue? {
        let segments = ref.path.segments
        guard let first = segments.first else { return stack.last?.value }
        if first.hasPrefix("@"), let loop = stack.last(where: { $0.index != nil }), let i = loop.index, let n = loop.count {
            switch first {
            case "@index": return .int(i)
            case "@number": return .int(i + 1)
            case "@first": return .bool(i == 0)
            case "@last": return .bool(i == n - 1)
            default: break
            }
        }
        for frame in stack.reversed() {
            guard case .object(let o) = frame.value, var current = o[first] else { continue }
            for segment in segments.dropFirst() {
                switch current {
                case .object(let inner):
                    guard let next = inner[segment] else { return nil }
                    current = next
                case .array(let items):
                    guard let i = Int(segment), items.indices.contains(i) else { return nil }
                    current = items[i]
                default:
                    return nil
                }
            }
            return current
        }
        return nil
    }

    static func isTruthy(_ v: JSONValue?) -> Bool {
        switch v {
        case nil, .null, .bool(false): return false
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        default: return true
        }
    }

    static func indent(_ text: String, with indentation: String) -> String {
        var out = ""
        var atStart = true
        for c in text {
            if atStart && c != "\n" { out += indentation }
            out.append(c)
            atStart = c == "\n"
        }
        return out
    }
}
