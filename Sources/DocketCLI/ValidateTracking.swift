import DocketCore
import DocketTracker
import DocketValidation
import Foundation

/// `docket validate --track`: records each checked file and whether it passed on the matching
/// tracker instance (entity + deliverable). A failed validation sends the instance back to filled.
enum ValidateTracking {
    static func record(_ reports: [ValidationReport], strict: Bool, entity: String?, options: TrackOptions) throws {
        try TrackRunner.run {
            let tracker = try options.open()
            for report in reports where report.status != .usage {
                guard let deliverable = report.deliverable else {
                    Terminal.writeError("\(report.file): not tracked: the deliverable is unknown (give --deliverable)")
                    continue
                }
                guard let abbr = entity ?? report.trackingEntity else {
                    Terminal.writeError("\(report.file): not tracked: no entity abbreviation in the data or the file name (give --entity)")
                    continue
                }
                let valid = report.valid && !(strict && !report.warnings.isEmpty)
                let r = try tracker.recordArtifact(entity: abbr, deliverable: deliverable, kind: .validated(valid: valid), file: report.file,
                                                   note: "\(report.errors.count) errors, \(report.warnings.count) warnings")
                Terminal.writeError("tracked \(report.file) on \(r.instance): \(r.from.rawValue) → \(r.to.rawValue) (\(valid ? "valid" : "invalid"))")
            }
        }
    }
}
