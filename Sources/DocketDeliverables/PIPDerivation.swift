import DocketCore
import DocketTemplate

/// PIP Key Contact Form & Mid-Year Planning Report (seed pip-key-contact-and-mid-year-planning-report-form.txt).
///
/// Derived: `entityTypeLabel`; `partnership` ("Partnered with …" / "Partner exempt entity"); `appendices`
/// (the published form carries Appendix A and Appendix B, R000-13: both by default; `options.appendices`
/// prints a selection, and then `appendixNote` says so in the document); `keyContacts` rows in the form's
/// order with their data path, also by role as `contactCells` (the form's one-row table, one column per role)
/// (R000-08, blank allowed R000-09); `rubric` rows filled from `review.criteria` (R000-15..17),
/// `reviewed`, `resubmissionRequired`, `reviewOutcome`; `narrativeWordCount` (R000-10).
struct PIPDerivation: Derivation {
    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue {
        let type = data["entity"]?["type"]?.stringValue ?? ""
        let typeConfig = config["entityTypes"]?[type]
        let published = (config["appendices"]?.objectValue?.keys).map { $0.sorted() } ?? []
        let chosen: [String] = data["options"]?["appendices"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let letters = chosen.isEmpty ? published : published.filter(chosen.contains)
        let appendices = letters.compactMap { config["appendices"]?[$0] }
        let appendixNote = letters == published ? "" : appendixNote(printed: appendices, published: published, config: config)

        let rubric = rubricRows(data, config: config)
        let ratings = rubric.compactMap { $0["rating"]?.stringValue }
        let resubmit = config["resubmissionRatings"]?.arrayValue?.compactMap(\.stringValue) ?? ["Partially Met", "Did Not Meet"]
        let failing = rubric.filter { resubmit.contains($0["rating"]?.stringValue ?? "") }
        let reviewed = !ratings.isEmpty
        let outcome: String
        if !reviewed {
            outcome = ""
        } else if failing.isEmpty {
            outcome = ratings.count == rubric.count ? "All criteria Met; no resubmission required." : "Review incomplete."
        } else {
            let list = failing.map { "\(BuiltinFilters.text($0["domain"])): \(BuiltinFilters.text($0["rating"]))" }
            outcome = "Resubmission required (" + list.joined(separator: "; ") + ")."
        }
        let contacts = keyContacts(data, config: config)
        let narrative = data["midYearPlanning"]?["response"]?.stringValue ?? ""
        let partners = data["entity"]?["partners"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let partnership = data["entity"]?["partnerExempt"]?.boolValue == true ? "Partner exempt entity"
            : partners.isEmpty ? "" : "Partnered with " + partners.joined(separator: ", ")
        let pip = PIPDerivation.pipNumber(data)
        let guidance = pipGuidance(pip: pip, type: type, data: data, config: config)
        return [
            "pip": .int(pip),
            "dueText": .string(PIPDerivation.dueText(data)),
            "pipGuidance": .array(guidance.map(JSONValue.string)),
            "hasPipGuidance": .bool(!guidance.isEmpty),
            "entityTypeLabel": .string(typeConfig?["label"]?.stringValue ?? type),
            "partnership": .string(partnership),
            "appendices": .array(appendices),
            "appendixNote": .string(appendixNote),
            "keyContacts": .array(contacts),
            "contactCells": contactCells(contacts, config: config),
            "rubric": .array(rubric),
            "reviewed": .bool(reviewed),
            "resubmissionRequired": .bool(!failing.isEmpty),
            "reviewOutcome": .string(outcome),
            "reviewDateNote": .string(reviewDateNote(data)),
            "narrativeWordCount": .int(TextFormatting.wordCount(narrative)),
        ]
    }

    /// The PIP a report is for: `pip` in the data (1 or 2), 1 when absent (the published form is PIP 1's).
    static func pipNumber(_ data: JSONValue) -> Int { data["pip"]?.intValue == 2 ? 2 : 1 }

    /// The due date the form prints ("September 30, 2024"): the calendar event's (`docket.due`,
    /// set by the fill from the schedule: D000-01 for PIP 1, D000-04 for PIP 2).
    static func dueText(_ data: JSONValue) -> String {
        guard let date = data["docket"]?["due"]?["date"]?.stringValue else { return "[due date: not in the calendar]" }
        return BuiltinFilters.longDate(date) ?? date
    }

    /// PIP 2's guidance from the form's appendices, quoted (the published prompt is PIP 1's; PIP 2's
    /// report follows it with this guidance, R000-24, R000-26/R000-27): the sequence line, the distinct
    /// domain rule and the obstetric requirement of the entity's appendix (A for hospitals, B for ACOs).
    func pipGuidance(pip: Int, type: String, data: JSONValue, config: JSONValue) -> [String] {
        guard pip == 2 else { return [] }
        let letter = type == "aco" ? "B" : "A"
        let appendix = config["appendices"]?[letter]
        var lines = [
            "“PIP 2: Planning and baselining in PY2 (CY24), implementation in PY3 (CY25), closeout in PY5 (CY27).”",
            "“Overall, PIP 1 and PIP 2 must be carried out in distinct domain areas (care coordination; preventive, perinatal, or pediatric care; care for acute and chronic conditions)” (R000-24).",
        ]
        if let requirement = appendix?["obstetricRequirement"]?.stringValue {
            let measures = (appendix?["obstetricMeasures"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "; ")
            let applies = data["entity"]?["obstetricDelivery"]?.boolValue == true ? " This applies: the entity has obstetric delivery services." : ""
            lines.append("“\(requirement)” \(measures) (Appendix \(letter), \(letter == "A" ? "R000-26" : "R000-27")).\(applies)")
        }
        return lines
    }

    /// A review dated before the submission it reviews contradicts it: the document says so.
    func reviewDateNote(_ data: JSONValue) -> String {
        guard let review = data["review"]?["date"]?.stringValue, let submitted = data["docket"]?["date"]?.stringValue,
              review.count == 10, submitted.count == 10, review < submitted else { return "" }
        return "the review is dated \(BuiltinFilters.longDate(review) ?? review), before this submission (\(BuiltinFilters.longDate(submitted) ?? submitted))."
    }

    /// The visible Docket note when `options.appendices` prints fewer appendices than the form has.
    func appendixNote(printed: [JSONValue], published: [String], config: JSONValue) -> String {
        func name(_ a: JSONValue?) -> String {
            "Appendix \(BuiltinFilters.text(a?["letter"])) (\(BuiltinFilters.text(a?["audience"])))"
        }
        let kept = printed.isEmpty ? "no appendix" : printed.map { name($0) }.joined(separator: " and ")
        let all = published.map { name(config["appendices"]?[$0]) }.joined(separator: " and ")
        return "This copy prints \(kept) only, as chosen in its data (options.appendices); the published form carries \(all)."
    }

    /// The key contact rows by role for the form's table (one column per role, one row): each fixed
    /// role's row, and `other`, every Other Supporting Personnel row.
    func contactCells(_ rows: [JSONValue], config: JSONValue) -> JSONValue {
        var cells: [String: JSONValue] = [:]
        for role in config["keyContactRoles"]?.arrayValue ?? [] {
            let key = role["key"]?.stringValue ?? ""
            cells[key] = rows.first { $0["path"]?.stringValue == "contacts.\(key)" } ?? .null
        }
        cells["other"] = .array(rows.filter { $0["hasRole"]?.boolValue == true })
        return .object(cells)
    }

    /// Fixed roles first, then every Other Supporting Personnel entry (at least one row, so the
    /// blank form keeps the form's fourth row).
    func keyContacts(_ data: JSONValue, config: JSONValue) -> [JSONValue] {
        let contacts = data["contacts"]
        var rows: [JSONValue] = []
        for role in config["keyContactRoles"]?.arrayValue ?? [] {
            let key = role["key"]?.stringValue ?? ""
            rows.append(row(contacts?[key], label: role["label"], role: nil, path: "contacts.\(key)", isOther: false))
        }
        let otherLabel = config["otherPersonnelLabel"] ?? "Other Supporting Personnel"
        let others = contacts?["other"]?.arrayValue ?? []
        for (i, person) in others.enumerated() {
            rows.append(row(person, label: otherLabel, role: person["role"], path: "contacts.other.\(i)", isOther: true))
        }
        if others.isEmpty { rows.append(row(nil, label: otherLabel, role: nil, path: "contacts.other.0", isOther: true)) }
        return rows
    }

    /// One row; `hasRole` marks Other Supporting Personnel, the only rows asked for a Role for PIPs.
    private func row(_ person: JSONValue?, label: JSONValue?, role: JSONValue?, path: String, isOther: Bool) -> JSONValue {
        let name = person?["name"] ?? .null
        let email = person?["email"] ?? .null
        let blank = BuiltinFilters.text(name).isEmpty && BuiltinFilters.text(email).isEmpty
        return [
            "label": .orNull(label), "role": .orNull(role), "hasRole": .bool(isOther), "name": name, "email": email,
            "phone": person?["phone"] ?? .null, "path": .string(path), "unchanged": .bool(blank),
        ]
    }

    /// The rubric rows; a domain naming "PIP 1" names the report's PIP (PIP 2's report is scored alike).
    func rubricRows(_ data: JSONValue, config: JSONValue) -> [JSONValue] {
        let pip = PIPDerivation.pipNumber(data)
        return (config["rubric"]?.arrayValue ?? []).map { criterion in
            let key = criterion["key"]?.stringValue ?? ""
            let review = data["review"]?["criteria"]?[key]
            let domain = criterion["domain"]?.stringValue.map { JSONValue.string($0.replacingOccurrences(of: "PIP 1", with: "PIP \(pip)")) }
            return [
                "key": .string(key), "domain": domain ?? .null,
                "criteria": .orNull(criterion["criteria"]), "rule": .orNull(criterion["rule"]),
                "rating": review?["rating"] ?? .null, "comments": review?["comments"] ?? .null,
            ]
        }
    }
}
