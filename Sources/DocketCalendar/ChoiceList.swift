import DocketCore

/// `docket calendar --list-choices`: every ambiguity, its default, its alternatives and sources.
public enum ChoiceList {
    public static func text(_ schedule: Schedule, chosen: [String: String]) -> String {
        var out = ""
        for c in schedule.choices {
            let current = chosen[c.id] ?? c.defaultAlternative
            out += "\(c.id)\n  \(c.question)\n"
            for a in c.alternatives {
                let marks = [a.id == c.defaultAlternative ? "default" : nil, a.id == current ? "in force" : nil].compactMap { $0 }
                out += "  \(a.id == current ? "*" : " ") \(a.id)\(marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))"): \(a.description)\n"
            }
            for s in c.sources { out += "    source: \(EventText.sourceLine(s)): “\(s.quote)”\n" }
            out += "  switch with: --choose \(c.id)=<alternative>\n\n"
        }
        return out
    }

    public static func json(_ schedule: Schedule, chosen: [String: String]) -> JSONValue {
        .array(schedule.choices.map { c in
            .object(["id": .string(c.id), "question": .string(c.question), "default": .string(c.defaultAlternative),
                     "chosen": .string(chosen[c.id] ?? c.defaultAlternative),
                     "alternatives": .array(c.alternatives.map { .object(["id": .string($0.id), "description": .string($0.description)]) }),
                     "sources": .array(c.sources.map { .object(["document": .string($0.document), "line": .string($0.line),
                                                               "quote": .string($0.quote), "reference": $0.reference.map(JSONValue.string) ?? .null]) })])
        })
    }
}
