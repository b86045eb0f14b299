/// Review criteria: which ids a review must rate come from the deliverables' rubrics
/// (`Tracker.rubrics`, e.g. the PIP report's `key-contacts` R000-16 and `mid-year-narrative` R000-17).
public enum Rubric {
    /// Parses `ID=met|partially-met|did-not-meet` (also `Met`, `Partially Met`, `partially_met`).
    public static func parse(_ text: String) throws -> CriterionRating {
        guard let eq = text.firstIndex(of: "=") else {
            throw TrackerError.invalid(rule: "track.bad-criterion",
                "--criterion \"\(text)\": write ID=RATING, e.g. key-contacts=partially-met")
        }
        let id = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let raw = String(text[text.index(after: eq)...]).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        guard !id.isEmpty, let rating = Rating(rawValue: raw) else {
            throw TrackerError.invalid(rule: "track.bad-criterion",
                "--criterion \"\(text)\": rating must be met, partially-met or did-not-meet (R000-15)")
        }
        return CriterionRating(criterion: id, rating: rating)
    }
}

import Foundation

extension Tracker {
    /// Records a MassHealth review of a submitted instance: submitted → reviewed, and when any
    /// criterion is Partially Met or Did Not Meet, → resubmission-required due `resubmitBy` (R000-15).
    @discardableResult
    public func review(_ ref: String, criteria: [CriterionRating], comment: String? = nil,
                       resubmitBy: String? = nil) throws -> Instance {
        if let resubmitBy { _ = try TrackDate.require(resubmitBy, option: "--resubmit-by") }
        return try store.write { s in
            var inst = try Self.resolve(ref, in: s)
            guard Lifecycle.reviewEntry.contains(inst.status) else {
                throw TrackerError.invalid(rule: "track.illegal-transition",
                    "\(inst.key): cannot record a review while \(inst.status.rawValue); a review follows submitted. Legal from \(inst.status.rawValue): \(Lifecycle.describeLegal(from: inst.status))")
            }
            try Self.checkCriteria(criteria, for: inst, rubrics: rubrics)
            let needsResubmission = criteria.contains { $0.rating.requiresResubmission }
            if needsResubmission && resubmitBy == nil {
                throw TrackerError.invalid(rule: "track.resubmit-date-required",
                    "\(inst.key): Partially Met / Did Not Meet requires resubmission (R000-15); the sources give no resubmission deadline, so set one with --resubmit-by YYYY-MM-DD")
            }
            if !needsResubmission && resubmitBy != nil {
                throw TrackerError.invalid(rule: "track.resubmit-date-unused",
                    "\(inst.key): every criterion is Met, so no resubmission is required; drop --resubmit-by")
            }
            let review = Review(id: 0, instanceID: inst.id, at: context.timestamp, by: context.user, criteria: criteria,
                                comment: comment, resubmitBy: resubmitBy)
            _ = try s.insertReview(review)
            let summary = criteria.map { "\($0.criterion)=\($0.rating.rawValue)" }.joined(separator: ", ")
            try record(&inst, to: .reviewed, note: "review: \(summary)" + (comment.map { "; \($0)" } ?? ""),
                       file: nil, sha256: nil, in: s)
            if needsResubmission, let resubmitBy {
                inst.resubmitBy = resubmitBy
                try record(&inst, to: .resubmissionRequired, note: "resubmit by \(resubmitBy) (R000-15)",
                           file: nil, sha256: nil, in: s)
            }
            return inst
        }
    }

    static func checkCriteria(_ criteria: [CriterionRating], for inst: Instance, rubrics: [String: [String]]) throws {
        guard !criteria.isEmpty else {
            throw TrackerError.invalid(rule: "track.bad-criterion",
                "\(inst.key): give at least one --criterion ID=met|partially-met|did-not-meet")
        }
        var seen = Set<String>()
        for c in criteria where !seen.insert(c.criterion).inserted {
            throw TrackerError.invalid(rule: "track.bad-criterion", "criterion \"\(c.criterion)\" is rated twice")
        }
        guard let deliverable = inst.deliverable, let rubric = rubrics[deliverable], !rubric.isEmpty else { return }
        let unknown = criteria.map(\.criterion).filter { !rubric.contains($0) }
        let missing = rubric.filter { !seen.contains($0) }
        if !unknown.isEmpty || !missing.isEmpty {
            var parts: [String] = []
            if !unknown.isEmpty { parts.append("unknown: \(unknown.joined(separator: ", "))") }
            if !missing.isEmpty { parts.append("not rated: \(missing.joined(separator: ", "))") }
            throw TrackerError.invalid(rule: "track.bad-criterion",
                "\(inst.key): the \(deliverable) rubric (R000-15..R000-17) rates exactly \(rubric.joined(separator: ", ")); \(parts.joined(separator: "; "))")
        }
    }
}
