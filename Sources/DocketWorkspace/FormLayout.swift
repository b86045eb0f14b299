import DocketCore
import Foundation

/// Layout hints for a deliverable's web form, kept beside it in `Templates/<id>/form.yaml`
/// (docs/workspace.md): the schema decides what is asked and checked; the hints decide how the
/// form shows it — sections with help text, the order of fields, labels, help and widgets.
/// Pointers are data pointers; `*` stands for any list index (`/contacts/other/*/role`).
struct FormLayout: Sendable {
    enum Widget: String, Sendable {
        case text, textarea, select, radio, hidden
    }

    struct Field: Sendable {
        var label: String?
        var help: String?
        var widget: Widget?
        /// Visible lines of a textarea.
        var rows: Int?
    }

    struct Section: Sendable {
        var title: String
        var help: String?
        /// Top-level data pointers shown in this section, in order.
        var fields: [String]
    }

    var fields: [String: Field] = [:]
    var sections: [Section] = []
    /// Object pointer → its property names in the order to show them (the rest follow in schema order).
    var order: [String: [String]] = [:]

    static let empty = FormLayout()

    /// The hints in `url`, or none when the file does not exist. Unknown widgets are refused.
    static func load(_ url: URL) throws -> FormLayout {
        guard FileManager.default.fileExists(atPath: url.path) else { return .empty }
        let loaded = try DataLoader.load(path: url.path)
        var layout = FormLayout()
        for (pointer, spec) in loaded.value["fields"]?.objectValue ?? [:] {
            var widget: Widget?
            if let raw = spec["widget"]?.stringValue {
                guard let w = Widget(rawValue: raw) else {
                    throw Diagnostic(.error, rule: "form.layout", "unknown widget `\(raw)`; use text, textarea, select, radio or hidden",
                                     location: loaded.location(of: "/fields/" + JSONPointer.escape(pointer) + "/widget"))
                }
                widget = w
            }
            layout.fields[pointer] = Field(label: spec["label"]?.stringValue, help: spec["help"]?.stringValue, widget: widget, rows: spec["rows"]?.intValue)
        }
        layout.sections = (loaded.value["sections"]?.arrayValue ?? []).compactMap { s in
            s["title"]?.stringValue.map { Section(title: $0, help: s["help"]?.stringValue, fields: (s["fields"]?.arrayValue ?? []).compactMap(\.stringValue)) }
        }
        for (pointer, keys) in loaded.value["order"]?.objectValue ?? [:] { layout.order[pointer] = (keys.arrayValue ?? []).compactMap(\.stringValue) }
        return layout
    }

    /// The hints of the field at data `pointer` (list indices match `*`).
    func field(_ pointer: String) -> Field? {
        if let exact = fields[pointer] { return exact }
        let general = JSONPointer.tokens(pointer).map { Int($0) == nil ? "/" + JSONPointer.escape($0) : "/*" }.joined()
        return fields[general]
    }

    /// `keys` of the object at data `pointer` in the hinted order.
    func ordered(_ keys: [String], at pointer: String) -> [String] {
        let general = JSONPointer.tokens(pointer).map { Int($0) == nil ? "/" + JSONPointer.escape($0) : "/*" }.joined()
        guard let first = order[pointer.isEmpty ? "/" : pointer] ?? order[general.isEmpty ? "/" : general] else { return keys }
        return first.filter(keys.contains) + keys.filter { !first.contains($0) }
    }
}
