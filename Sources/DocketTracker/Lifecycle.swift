/// The life of one deliverable instance, from the calendar to MassHealth's acceptance.
///
/// planned → drafting → filled → validated → uploaded → submitted → reviewed →
/// (resubmission-required → … → submitted) → accepted.
/// `uploaded` without `submitted` is flagged: OnBase needs a second "submit" click (R000-06).
/// Partially Met or Did Not Meet on any rubric criterion ⇒ resubmission required (R000-15).
public enum InstanceStatus: String, Sendable, CaseIterable, Codable, Comparable {
    case planned, drafting, filled, validated, uploaded, submitted, reviewed
    case resubmissionRequired = "resubmission-required"
    case accepted

    /// Position in the lifecycle (for sorting the board).
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }  // every case is in allCases
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// The statuses reachable from this one with `docket track set`.
    ///
    /// Going back is allowed while the file is still with the entity (a validated file can be
    /// re-filled); once submitted only MassHealth's review moves it on. `reviewed` and
    /// `resubmission-required` are entered through `docket track review`, not `set`
    /// (see `Lifecycle.reviewEntry`).
    public var legalNext: [InstanceStatus] {
        switch self {
        case .planned: return [.drafting, .filled]
        case .drafting: return [.filled]
        case .filled: return [.drafting, .filled, .validated]
        case .validated: return [.drafting, .filled, .validated, .uploaded]
        case .uploaded: return [.filled, .validated, .uploaded, .submitted]
        case .submitted: return []
        case .reviewed: return [.accepted]
        case .resubmissionRequired: return [.drafting, .filled, .validated, .uploaded]
        case .accepted: return []
        }
    }

    /// Work still lies with the entity (counts towards "overdue").
    public var isOpenForEntity: Bool {
        switch self {
        case .planned, .drafting, .filled, .validated, .uploaded, .resubmissionRequired: return true
        case .submitted, .reviewed, .accepted: return false
        }
    }
}

/// The transition rules, with messages that name the legal moves.
public enum Lifecycle {
    /// Statuses from which `docket track review` may record a review.
    public static let reviewEntry: [InstanceStatus] = [.submitted]

    /// Throws a `TrackerError` naming the legal next statuses when `from → to` is not allowed.
    public static func check(instance: String, from: InstanceStatus, to: InstanceStatus) throws(TrackerError) {
        guard from.legalNext.contains(to) else {
            throw TrackerError.illegalTransition(instance: instance, from: from, to: to)
        }
    }

    /// Human list of the legal next statuses, e.g. "drafting, filled".
    public static func describeLegal(from: InstanceStatus) -> String {
        var moves = from.legalNext.map(\.rawValue)
        if reviewEntry.contains(from) { moves.append("reviewed (via `docket track review`)") }
        return moves.isEmpty ? "none (\(from.rawValue) is final)" : moves.joined(separator: ", ")
    }

    /// Parses a status name, accepting `_` for `-`; the error lists every status.
    public static func parse(_ text: String) throws(TrackerError) -> InstanceStatus {
        let norm = text.lowercased().replacingOccurrences(of: "_", with: "-")
        if let s = InstanceStatus(rawValue: norm) { return s }
        throw TrackerError.invalid(rule: "track.unknown-status",
            "unknown status \"\(text)\"; use one of: \(InstanceStatus.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
