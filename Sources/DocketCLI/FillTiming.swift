import DocketCore
import Foundation

/// `docket fill --timing` (hidden, for `make bench`): the in-process cost of one fill, compiled
/// template reused, averaged over repeated fills of the same data.
enum FillTiming {
    static func measure(prepared: PreparedFill, dataPath: String, kind: OutputKind, date: String, repeats: Int = 200) -> String {
        guard let loaded = try? DataLoader.load(path: dataPath) else { return "timing: cannot load \(dataPath)" }
        _ = prepared.fill(loaded.value, kind: kind, date: date, allowMissing: true)
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats { _ = prepared.fill(loaded.value, kind: kind, date: date, allowMissing: true) }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(repeats) / 1e6
        return String(format: "timing: fill %.3f ms (mean of %d in-process fills)", ms, repeats)
    }
}
