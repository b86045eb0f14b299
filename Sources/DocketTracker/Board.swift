import DocketCore

/// One line of the board: an instance with its days left and warnings.
public struct BoardRow: Sendable, Hashable {
    public var instance: Instance
    /// Days from today to the effective due date (negative = overdue); nil while pending.
    public var daysLeft: Int?
    public var overdue: Bool
    /// Stable flag ids with human text, e.g. `uploaded-not-submitted`.
    public var flags: [BoardFlag]
}

public struct BoardFlag: Sendable, Hashable {
    public var id: String
    public var message: String
}

/// What is due, by status, overdue first.
public struct Board: Sendable {
    public var today: String
    public var rows: [BoardRow]

    /// Builds the board for `instances` as of `today` (accepted instances only when `includeAccepted`).
    public init(instances: [Instance], today: String, includeAccepted: Bool = false) {
        self.today = today
        let rows = instances.filter { includeAccepted || $0.status != .accepted }.map { Self.row($0, today: today) }
        self.rows = rows.sorted(by: Self.order)
    }

    static func row(_ i: Instance, today: String) -> BoardRow {
        let days = i.effectiveDue.flatMap { TrackDate.days(from: today, to: $0) }
        let overdue = i.status.isOpenForEntity && (days ?? 0) < 0
        var flags: [BoardFlag] = []
        if i.status == .uploaded {
            flags.append(BoardFlag(id: "uploaded-not-submitted",
                message: "uploaded but not submitted: click \"submit\" in OnBase to finalise (R000-06)"))
        }
        if i.status == .resubmissionRequired {
            flags.append(BoardFlag(id: "resubmission-required",
                message: "resubmission required by \(i.resubmitBy ?? "an unset date") (R000-15)"))
        }
        if i.validation == "invalid" {
            flags.append(BoardFlag(id: "validation-failed", message: "last validation failed"))
        }
        if i.due == nil {
            flags.append(BoardFlag(id: "date-pending",
                message: "date pending" + (i.trigger.map { ": waits for \($0); record it with `docket track trigger`" } ?? "")))
        } else if i.dueStatus == "assumed" || i.dueStatus == "anticipated" {
            flags.append(BoardFlag(id: "date-\(i.dueStatus)", message: "due date is \(i.dueStatus), not stated"))
        }
        return BoardRow(instance: i, daysLeft: days, overdue: overdue, flags: flags)
    }

    /// Sections of the board: what needs action first (uploaded but not submitted, resubmission
    /// required), then work in progress, then what waits on MassHealth.
    public static let sectionOrder: [InstanceStatus] = [
        .uploaded, .resubmissionRequired, .validated, .filled, .drafting, .planned, .submitted, .reviewed, .accepted,
    ]

    /// Overdue first (most overdue first), then by section, then by due date; pending dates last.
    static func order(_ a: BoardRow, _ b: BoardRow) -> Bool {
        if a.overdue != b.overdue { return a.overdue }
        if a.overdue, let da = a.instance.effectiveDue, let db = b.instance.effectiveDue, da != db { return da < db }
        if a.instance.status != b.instance.status {
            return (sectionOrder.firstIndex(of: a.instance.status) ?? sectionOrder.count) < (sectionOrder.firstIndex(of: b.instance.status) ?? sectionOrder.count)
        }
        let da = a.instance.effectiveDue ?? "9999-99-99", db = b.instance.effectiveDue ?? "9999-99-99"
        return (da, a.instance.entity, a.instance.eventID) < (db, b.instance.entity, b.instance.eventID)
    }

    /// Rows still with the entity whose date has passed.
    public var overdue: [BoardRow] { rows.filter(\.overdue) }

    /// Rows still with the entity due within `days` days from today (inclusive).
    public func upcoming(days: Int) -> [BoardRow] {
        rows.filter { $0.instance.status.isOpenForEntity && ($0.daysLeft.map { $0 >= 0 && $0 <= days } ?? false) }
            .sorted { ($0.daysLeft ?? 0, $0.instance.entity, $0.instance.eventID) < ($1.daysLeft ?? 0, $1.instance.entity, $1.instance.eventID) }
    }
}

extension Tracker {
    /// The board as of the context's date, for one entity or all, read in one transaction.
    public func board(entity: String? = nil, includeAccepted: Bool = false) throws -> Board {
        try store.read { s in
            if let entity { _ = try Self.requireEntity(entity, in: s) }
            let instances = try s.instances().filter { entity == nil || $0.entity == entity }
            return Board(instances: instances, today: context.today, includeAccepted: includeAccepted)
        }
    }
}
