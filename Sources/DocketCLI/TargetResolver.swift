import DocketCore
import Foundation

/// Turns the `<deliverable-id | template-path>` argument into a fill target.
enum TargetResolver {
    static func resolve(_ argument: String) throws(Diagnostic) -> any FillTarget {
        let fm = FileManager.default
        if fm.fileExists(atPath: argument) {
            return TemplatePathTarget(url: URL(fileURLWithPath: argument))
        }
        let known = DeliverableCatalog.ids()
        if let target = DeliverableCatalog.target(id: argument) { return target }
        var message = "'\(argument)' is neither a deliverable id nor an existing template path"
        if let close = Suggestion.closest(to: argument, in: known) {
            message += "; did you mean '\(close)'?"
        } else if !known.isEmpty {
            message += "; deliverables: \(known.joined(separator: ", "))"
        }
        throw Diagnostic(.error, rule: "fill.target", message)
    }
}
