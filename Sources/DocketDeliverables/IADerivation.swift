import DocketCore

/// Independent Assessor Midpoint Assessment report (seed ia-midpoint-assessment-community-care-partners.txt).
///
/// The framework (focus areas, On-track descriptions, promising practices, ratings, boilerplate)
/// is `Templates/library/ia-mpa-framework.yaml`, copied to `derived.framework`. Derived text is
/// never typed twice: per-area `findingSentence` (R002-07), the Summary of Findings rows (R002-08),
/// `summarySentence` and `overallSentence` (R002-09), and the Overall Findings lists (R002-10) are
/// computed from the per-area ratings and recommendations in the data.
struct IADerivation: Derivation {
    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue {
        let library = config["libraryData"] ?? [:]
        let entity = data["entity"]?["abbreviation"]?.stringValue ?? data["entity"]?["name"]?.stringValue ?? ""
        let areas = mergedAreas(data, library: library, entity: entity)
        let total = areas.count
        let onTrack = areas.filter { $0["countsAsOnTrack"]?.boolValue == true }.count
        let totalWord = TextFormatting.numberWord(total)
        let countWord = TextFormatting.numberWord(onTrack)

        let summary = "The IA finds that \(entity) is On track or On track with limited recommendations in \(countWord) of \(totalWord) focus areas."
        let overall = library["overallFinding"]
        let allMode = overall?["mode"]?.stringValue == "on-track-across-all-when-all-on-track"
        let overallTail = (allMode && onTrack == total ? overall?["allOnTrack"] : overall?["someOnTrack"])?.stringValue ?? ""
        let overallSentence = "The IA finds that \(entity) " + TextFormatting.fill(overallTail, ["count": countWord, "total": totalWord])

        let without = areas.filter { $0["hasRecommendations"]?.boolValue != true }.map { $0["name"] ?? .null }
        let with = areas.filter { $0["hasRecommendations"]?.boolValue == true }.map {
            JSONValue.object(["name": $0["name"] ?? .null, "path": $0["path"] ?? .null, "recommendations": $0["recommendations"] ?? []])
        }
        let snapshot = data["background"]?["enrollment"]?["snapshotDate"]?.stringValue ?? ""
        let snapshotText = TextFormatting.slashDate(snapshot) ?? snapshot
        let sources: [JSONValue] = (library["infographicSources"]?.arrayValue ?? []).map { s in
            ["title": s["title"] ?? .null,
             "description": .string(TextFormatting.fill(s["description"]?.stringValue ?? "", ["snapshotDate": snapshotText]))]
        }
        let count = data["background"]?["enrollment"]?["count"]?.intValue
        let comment = data["comment"]?.stringValue ?? ""
        return [
            "framework": library,
            "focusAreas": .array(areas),
            "focusAreaCount": .int(total),
            "onTrackCount": .int(onTrack),
            "summarySentence": .string(summary),
            "overallSentence": .string(overallSentence),
            "areasWithoutRecommendations": .array(without),
            "hasAreasWithoutRecommendations": .bool(!without.isEmpty),
            "areasWithRecommendations": .array(with),
            "hasAreasWithRecommendations": .bool(!with.isEmpty),
            "overallRecommendationsLead": .string(TextFormatting.fill(library["overallRecommendationsLead"]?.stringValue ?? "", ["entity": entity])),
            "overallClosing": .string(TextFormatting.fill(library["overallClosing"]?.stringValue ?? "", ["entity": entity])),
            "infographicSources": .array(sources),
            "enrollmentCount": count.map { .string(TextFormatting.grouped($0)) } ?? .null,
            "snapshotDate": .string(snapshotText),
            "commentWordCount": .int(TextFormatting.wordCount(comment)),
        ]
    }

    /// The library's focus areas in framework order, each merged with the report's rating,
    /// results and recommendations for it (matched by `id`) and `path`, its place in the data.
    func mergedAreas(_ data: JSONValue, library: JSONValue, entity: String) -> [JSONValue] {
        let reported = data["focusAreas"]?.arrayValue ?? []
        let ratings = library["ratings"]?.arrayValue ?? []
        return (library["focusAreas"]?.arrayValue ?? []).map { area in
            var merged = area.objectValue ?? [:]
            let id = area["id"]?.stringValue ?? ""
            let name = area["name"]?.stringValue ?? id
            let index = reported.firstIndex { $0["id"]?.stringValue == id }
            let entry = index.map { reported[$0] }
            let ratingText = entry?["rating"]?.stringValue ?? ""
            let rating = ratings.first { $0["label"]?.stringValue?.lowercased() == ratingText.lowercased() }
            let phrase = rating?["resultsPhrase"]?.stringValue ?? ratingText
            let recommendations = entry?["recommendations"]?.arrayValue ?? []
            // Where this area's answers live in the data (DOCX content-control tags).
            merged["path"] = .string("focusAreas.\(index ?? reported.count)")
            merged["rating"] = .string(rating?["label"]?.stringValue ?? ratingText)
            merged["resultsPhrase"] = .string(phrase)
            merged["countsAsOnTrack"] = .bool(rating?["countsAsOnTrack"]?.boolValue ?? false)
            // The report's own wording when the data gives one that names this area and its rating
            // (kept as written, R002-07: it must agree with the Summary of Findings), else the standard one.
            let standard = "The IA finds that \(entity) is \(phrase) in the \(name) focus area."
            let own = entry?["findingSentence"]?.stringValue.flatMap { s in
                s.contains(phrase) && s.contains(name) ? s : nil
            }
            merged["findingSentence"] = .string(own ?? standard)
            merged["results"] = entry?["results"] ?? .null
            merged["recommendations"] = .array(recommendations)
            merged["hasRecommendations"] = .bool(!recommendations.isEmpty)
            let values = ["entity": entity, "area": name]
            merged["recommendationsLead"] = .string(TextFormatting.fill(library["recommendationsLead"]?.stringValue ?? "", values))
            merged["noRecommendationsSentence"] = .string(TextFormatting.fill(library["noRecommendations"]?.stringValue ?? "", values))
            return .object(merged)
        }
    }
}
