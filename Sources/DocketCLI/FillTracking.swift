import DocketCore
import DocketTracker

/// `docket fill --track`: records every written file on its tracker instance (entity +
/// deliverable), the whole batch in one transaction.
struct FillTracking {
    let deliverable: String
    let event: String?
    let options: TrackOptions
    let environment: DocketEnvironment

    func record(_ files: [(path: String, entity: String?)]) throws {
        let items = files.compactMap { f in f.entity.map { ArtifactInput(entity: $0, deliverable: deliverable, kind: .filled, file: f.path, event: event) } }
        guard !items.isEmpty else { return }
        try TrackRunner.run {
            for (item, r) in zip(items, try options.open(environment).recordArtifacts(items)) {
                Terminal.writeError("tracked \(item.file) on \(r.instance): \(r.from.rawValue) → \(r.to.rawValue) (sha256 \(r.sha256.prefix(12))…)")
            }
        }
    }
}
