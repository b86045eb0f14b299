import DocketCore
import Foundation

/// Carry forward between the PIP reports (seed lines 88-90 / 172-174): Remeasurement 1 assesses performance
/// "towards achieving the health equity goals established in the Baseline Report", Remeasurement 2 those
/// "established in the Baseline Report and Remeasurement 1 Report", and the Closure Report assesses
/// "performance between baseline and remeasurement periods". One report's data (entity, PIP number, aim,
/// goals, measures) is copied into the next's: its measures under `carriedForward.<stage>`.
///
/// ```swift
/// let next = try PIPCarryForward.carry(from: baseline, into: remeasurement1, as: .remeasurement).get()
/// ```
public enum PIPCarryForward {
    /// Why a report's data cannot be carried into another report's.
    public enum Mismatch: Error, Sendable, Hashable {
        /// The two reports are for different entities (abbreviations).
        case entity(previous: String, next: String)
        /// The two reports are for different PIPs.
        case pip(previous: Int, next: Int)
        /// The previous report is not an earlier stage (a Closure Report, or a Remeasurement 2 into Remeasurement 1).
        case notEarlier(previous: String, next: String)

        public var message: String {
            switch self {
            case let .entity(previous, next): return "it is for entity `\(previous)`, this report for `\(next)`: carry forward only the same entity's reports"
            case let .pip(previous, next): return "it is for PIP \(previous), this report for PIP \(next): carry forward only the same PIP's reports"
            case let .notEarlier(previous, next): return "it is a \(previous), which does not come before this \(next)"
            }
        }
    }

    /// `next` with `previous` carried into it, as the report `report` (default: what `next` says it is,
    /// `PIPReport.kind(of:)`). What `next` already has wins: its entity, PIP, aim, goals and its own
    /// `carriedForward` entries. `previous`'s measures go to `carriedForward.<its stage>`, with its aim and
    /// goals; its own `carriedForward` entries (a Remeasurement 1 carrying the Baseline) come along.
    public static func carry(from previous: JSONValue, into next: JSONValue, as report: PIPReport? = nil) -> Result<JSONValue, Mismatch> {
        let nextKind = report ?? PIPReport.kind(of: next)
        let nextStage: PIPReport.Stage? = nextKind == .closure ? nil : nextKind == .baseline ? .baseline
            : PIPReport.Stage(remeasurement: PIPReport.remeasurement(of: next)) ?? .remeasurement1
        guard let stage = PIPReport.stage(of: previous), nextStage.map({ stage < $0 }) ?? true else {
            let previousName = PIPReport.stage(of: previous).map { "\($0.label) Report" } ?? "Closure Report"
            return .failure(.notEarlier(previous: previousName, next: nextStage.map { "\($0.label) Report" } ?? "Closure Report"))
        }
        let theirs = previous["entity"]?["abbreviation"]?.stringValue ?? ""
        if let mine = next["entity"]?["abbreviation"]?.stringValue, !theirs.isEmpty, mine != theirs {
            return .failure(.entity(previous: theirs, next: mine))
        }
        let nextPIP = next["pip"]?.intValue, previousPIP = PIPReport.pip(of: previous)
        if let nextPIP, nextPIP != previousPIP { return .failure(.pip(previous: previousPIP, next: nextPIP)) }

        var out = next.objectValue ?? [:]
        for key in ["entity", "pip", "aim", "goals"] where out[key] == nil || out[key] == .null {
            if let value = previous[key] { out[key] = value }
        }
        var carried = out["carriedForward"]?.objectValue ?? [:]
        for (key, value) in previous["carriedForward"]?.objectValue ?? [:] where carried[key] == nil { carried[key] = value }
        if carried[stage.rawValue] == nil {
            var entry: [String: JSONValue] = [:]
            for key in ["measures", "aim", "goals"] { if let value = previous[key] { entry[key] = value } }
            carried[stage.rawValue] = .object(entry)
        }
        out["carriedForward"] = .object(carried)
        return .success(.object(out))
    }

    /// Problems resolving `carryForwardFrom`; `unreadable` when a file could not be read at all (I/O, exit 2).
    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public var unreadable: Bool
    }

    /// The rule id of carry-forward problems (Docket's: the seed describes what the reports build on, not files).
    public static let rule = "pip-report.carry-forward"

    /// `loaded` with every file of its `carryForwardFrom` list carried in, in order, as the report
    /// `deliverable` (nothing happens for other deliverables, or without the key). Paths are relative to the
    /// data file and must stay in its folder (no absolute paths, no `..`). Every problem is reported at its
    /// list item: an unreadable file, invalid data, another entity or PIP number, a report that is not earlier.
    public static func resolve(_ loaded: LoadedData, deliverable: String) -> Result<LoadedData, Failure> {
        guard let report = PIPReport(rawValue: deliverable), let list = loaded.value["carryForwardFrom"]?.arrayValue else {
            return .success(loaded)
        }
        let folder = URL(fileURLWithPath: loaded.path).deletingLastPathComponent()
        var value = loaded.value
        var problems: [Diagnostic] = []
        var unreadable = false
        for (i, item) in list.enumerated() {
            let at = "/carryForwardFrom/\(i)"
            func problem(_ message: String) {
                problems.append(Diagnostic(.error, rule: rule, message, location: loaded.location(of: at), instanceLocation: at))
            }
            guard let relative = item.stringValue, !relative.isEmpty else { continue }  // the schema reports it
            let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
            guard !relative.hasPrefix("/"), !parts.contains("..") else {
                problem("`\(relative)`: give a path inside this file's folder (no absolute path, no `..`)")
                continue
            }
            let url = folder.appendingPathComponent(relative)
            let previous: LoadedData
            do {
                previous = try DataLoader.load(path: url.path)
            } catch {
                unreadable = unreadable || error.isUnreadable
                let d = error.diagnostic
                problem("cannot carry forward `\(relative)`: \(d.message)" + (d.location?.position != nil ? " (\(d.location?.prefix ?? ""))" : ""))
                continue
            }
            let stage = PIPReport.stage(of: previous.value)?.rawValue ?? ""
            let fresh = value["carriedForward"]?[stage] == nil
            switch carry(from: previous.value, into: value, as: report) {
            case .success(var carried):
                if fresh { carried.setValue(.string(relative), atDotted: "carriedForward.\(stage).source") }
                value = carried
            case .failure(let mismatch):
                problem("cannot carry forward `\(relative)`: " + mismatch.message)
            }
        }
        if !problems.isEmpty { return .failure(Failure(diagnostics: problems, unreadable: unreadable)) }
        var out = loaded
        out.value = value
        return .success(out)
    }
}
