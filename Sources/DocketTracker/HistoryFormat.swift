import DocketCore

/// Text and JSON forms of an instance's history (`docket track history`, and any front end).
public enum HistoryFormat {
    public typealias History = (instance: Instance, events: [HistoryEvent], reviews: [Review])

    public static func text(_ h: History) -> String {
        let i = h.instance
        var out = "#\(i.id) \(i.key): \(i.title)\n  due \(i.due ?? "pending") (\(i.dueStatus); \(i.source)), status \(i.status.rawValue)\n"
        for e in h.events {
            out += "  \(e.at)  \(e.by)  \(e.from?.rawValue ?? "-") → \(e.to.rawValue)"
            if let note = e.note { out += "  \(note)" }
            if let file = e.file { out += "  [\(file) sha256:\(e.sha256 ?? "?")]" }
            out += "\n"
        }
        for r in h.reviews {
            out += "  review \(r.at) by \(r.by)\(r.resubmitBy.map { ", resubmit by \($0)" } ?? "")\(r.comment.map { ": \($0)" } ?? "")\n"
            for c in r.criteria { out += "    \(c.criterion): \(c.rating.rawValue)\(c.comment.map { " (\($0))" } ?? "")\n" }
        }
        return out
    }

    public static func json(_ h: History) -> JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        let events: [JSONValue] = h.events.map { e in
            .object(["id": .int(Int(e.id)), "at": .string(e.at), "by": .string(e.by), "from": opt(e.from?.rawValue),
                     "to": .string(e.to.rawValue), "note": opt(e.note), "file": opt(e.file), "sha256": opt(e.sha256)])
        }
        let reviews: [JSONValue] = h.reviews.map { r in
            .object(["at": .string(r.at), "by": .string(r.by), "comment": opt(r.comment), "resubmitBy": opt(r.resubmitBy),
                     "criteria": .array(r.criteria.map { c in
                         .object(["criterion": .string(c.criterion), "rating": .string(c.rating.rawValue), "comment": opt(c.comment)])
                     })])
        }
        return .object(["instance": .string(h.instance.key), "id": .int(Int(h.instance.id)),
                        "status": .string(h.instance.status.rawValue), "events": .array(events), "reviews": .array(reviews)])
    }
}
