import ArgumentParser
import DocketTracker

/// `docket track review INSTANCE --criterion ID=RATING …`: records MassHealth's rubric review.
struct TrackReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "review",
        abstract: "Record a review: each rubric criterion Met / Partially Met / Did Not Meet (R000-15).",
        discussion: """
            Partially Met or Did Not Meet on any criterion requires resubmission: give --resubmit-by. \
            The PIP Mid-Year Report rubric rates key-contacts (R000-16) and mid-year-narrative (R000-17).
            """)

    @Argument(help: "Instance: ENTITY/EVENT-ID or #ID.") var instance: String
    @Option(name: .customLong("criterion"), help: "ID=met|partially-met|did-not-meet; repeatable.") var criteria: [String] = []
    @Option(name: .customLong("comment"),
            help: "Reviewer comment: ID=TEXT for one criterion, or TEXT for the review; repeatable.") var comments: [String] = []
    @Option(name: .customLong("resubmit-by"), help: "Resubmission due date, YYYY-MM-DD.") var resubmitBy: String?
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run {
            var ratings = try criteria.map(Rubric.parse)
            var general: [String] = []
            for c in comments {
                if let eq = c.firstIndex(of: "="), let k = ratings.firstIndex(where: { $0.criterion == String(c[..<eq]) }) {
                    ratings[k].comment = String(c[c.index(after: eq)...])
                } else {
                    general.append(c)
                }
            }
            let inst = try options.open().review(instance, criteria: ratings,
                                                 comment: general.isEmpty ? nil : general.joined(separator: " "),
                                                 resubmitBy: resubmitBy)
            var out = "#\(inst.id) \(inst.key): reviewed"
            if inst.status == .resubmissionRequired {
                out += " → resubmission-required, resubmit by \(inst.resubmitBy ?? "?")\n"
            } else {
                out += " (every criterion Met); once MassHealth confirms, `docket track set \(inst.key) accepted`\n"
            }
            TrackRunner.emit(out)
        }
    }
}
