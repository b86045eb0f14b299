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
        let day = LocalDate(today)
        let rows = instances.filter { includeAccepted || $0.status != .accepted }.map { Self.row($0, today: day) }
        // Sort keys computed once per row, then the rows moved once (comparing whole rows copied
        // each instance's strings on every comparison).
        // Entities and events ranked once (a few dozen each), so the keys hold integers only.
        let entityRank = Self.ranks(rows.map(\.instance.entity)), eventRank = Self.ranks(rows.map(\.instance.eventID))
        let keys = rows.map { Self.key($0, entity: entityRank[$0.instance.entity] ?? 0, event: eventRank[$0.instance.eventID] ?? 0) }
        self.rows = rows.indices.sorted { keys[$0] < keys[$1] }.map { rows[$0] }
    }

    static func row(_ i: Instance, today: LocalDate?) -> BoardRow {
        let days = i.effectiveDue.flatMap(LocalDate.init).flatMap { due in today.map { $0.days(until: due) } }
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

    /// A row's place: overdue first (most overdue first), then by section, then by due date;
    /// pending dates last; then entity and event (by their rank in sorted order).
    struct Key: Comparable {
        var notOverdue: Int
        var overdueDue: Int
        var section: Int
        var due: Int
        var entity: Int
        var event: Int

        static func < (a: Key, b: Key) -> Bool {
            (a.notOverdue, a.overdueDue, a.section, a.due, a.entity, a.event) < (b.notOverdue, b.overdueDue, b.section, b.due, b.entity, b.event)
        }
    }

    static func key(_ r: BoardRow, entity: Int, event: Int) -> Key {
        let due = r.instance.effectiveDue.flatMap(LocalDate.init)?.dayNumber ?? Int.max
        return Key(notOverdue: r.overdue ? 0 : 1, overdueDue: r.overdue ? due : 0,
                   section: sectionOrder.firstIndex(of: r.instance.status) ?? sectionOrder.count,
                   due: due, entity: entity, event: event)
    }

    /// Each distinct value → its place in sorted order.
    static func ranks(_ values: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, v) in Set(values).sorted().enumerated() { out[v] = i }
        return out
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
