import DocketCore
import Foundation

/// The in-process cost of one fill (`docket fill --timing`, for `make bench`): compiled template
/// reused, averaged over repeated fills of the same data.
public enum FillTiming {
    public static func measure(_ pipeline: FillPipeline, dataPath: String, kind: OutputKind, date: String, repeats: Int = 200) -> String {
        guard let loaded = try? DataLoader.load(path: dataPath) else { return "timing: cannot load \(dataPath)" }
        _ = pipeline.prepared.fill(loaded.value, kind: kind, date: date, allowMissing: true, imageBase: loaded.imageBase)
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats { _ = pipeline.prepared.fill(loaded.value, kind: kind, date: date, allowMissing: true, imageBase: loaded.imageBase) }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(repeats) / 1e6
        return String(format: "timing: fill %.3f ms (mean of %d in-process fills)", ms, repeats)
    }
}
