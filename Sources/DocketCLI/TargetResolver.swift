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
        if let close = known.min(by: { editDistance($0, argument) < editDistance($1, argument) }), editDistance(close, argument) <= 4 {
            message += "; did you mean '\(close)'?"
        } else if !known.isEmpty {
            message += "; deliverables: \(known.joined(separator: ", "))"
        }
        throw Diagnostic(.error, rule: "fill.target", message)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
