import DocketCore

/// Named rules of the Independent Assessor Midpoint Assessment report (seed
/// ia-midpoint-assessment-community-care-partners.txt, rules R002-xx). Focus areas and ratings
/// come from the framework library (`libraryData` of deliverable.yaml). The summary table, the
/// finding sentences and Overall Findings (R002-07..R002-10) are derived from the per-area data,
/// so they agree by construction and are not checked here.
enum IARules {
    static let id = "ia-midpoint-assessment"

    static let all: [any DeliverableRule] = [
        NamedRule("R002-03", id, .error, summary: "the five framework focus areas, each rated exactly once",
                  source: "1. Organizational Structure and Engagement … 2. Integration of Systems and Processes … 5. Care Model") { data, context, out in
            let known = (context.config["libraryData"]?["focusAreas"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            var seen: Set<String> = []
            for (i, entry) in (data["focusAreas"]?.arrayValue ?? []).enumerated() {
                let area = entry["id"]?.stringValue ?? ""
                if !known.isEmpty, !known.contains(area) {
                    out.add("unknown focus area `\(area)`; the framework has \(known.joined(separator: ", "))", at: "/focusAreas/\(i)/id")
                } else if !seen.insert(area).inserted {
                    out.add("focus area `\(area)` is rated twice", at: "/focusAreas/\(i)/id")
                }
            }
            for area in known where !seen.contains(area) {
                out.add("focus area `\(area)` has no rating: add it to focusAreas", at: "/focusAreas")
            }
        },
        NamedRule("R002-05", id, .error, summary: "On track ⇔ no recommendations (a recommendation needs a rating that allows it)",
                  source: "A finding of On track was made where … no need for remediation was identified") { data, context, out in
            for (i, entry) in (data["focusAreas"]?.arrayValue ?? []).enumerated() {
                guard let rating = rating(matching: entry["rating"]?.stringValue ?? "", context) else { continue }
                let label = rating["label"]?.stringValue ?? ""
                let count = entry["recommendations"]?.arrayValue?.count ?? 0
                let allows = rating["allowsRecommendations"]?.boolValue ?? true
                if !allows && count > 0 {
                    out.add("focus area `\(entry["id"]?.stringValue ?? "")` is rated \(label) but has \(count) recommendation(s): change the rating or remove them",
                            at: "/focusAreas/\(i)/recommendations")
                } else if allows && count == 0 {
                    out.add("focus area `\(entry["id"]?.stringValue ?? "")` is rated \(label) but lists no recommendations",
                            at: "/focusAreas/\(i)/recommendations", as: .warning)
                }
            }
        },
    ]

    static func ratingLabels(_ context: RuleContext) -> [String] {
        let labels = (context.config["libraryData"]?["ratings"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
        return labels.isEmpty ? ["On track", "On track with limited recommendations", "Opportunity for improvement"] : labels
    }

    /// The library rating for `text`, matched without case; the seed's variant "On track with no
    /// recommendations" (R002-04) is the rating whose `resultsPhrase` it is.
    static func rating(matching text: String, _ context: RuleContext) -> JSONValue? {
        let ratings = context.config["libraryData"]?["ratings"]?.arrayValue ?? ratingLabels(context).map { ["label": .string($0)] }
        let key = text.lowercased()
        return ratings.first { $0["label"]?.stringValue?.lowercased() == key }
            ?? ratings.first { $0["resultsPhrase"]?.stringValue?.lowercased() == key }
    }
}
