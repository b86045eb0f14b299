import ArgumentParser
import DocketCore
import DocketTracker

/// `docket fill --track`: records each written file on its tracker instance (entity + deliverable).
enum FillTracking {
    static func record(_ files: [(path: String, entity: String?)], deliverable: String, options: TrackOptions) throws {
        try TrackRunner.run {
            let tracker = try options.open()
            for (path, entity) in files {
                guard let entity else { continue }
                let r = try tracker.recordArtifact(entity: entity, deliverable: deliverable, kind: .filled, file: path)
                Terminal.writeError("tracked \(path) on \(r.instance): \(r.from.rawValue) → \(r.to.rawValue) (sha256 \(r.sha256.prefix(12))…)")
            }
        }
    }
}
