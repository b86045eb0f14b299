import DocketCore

/// How sure a due date is: stated in the source, anticipated by it, computed from a stated
/// rule, assumed by Docket (the user can change the assumption), or waiting for a trigger date
/// that the State sets.
public enum EventStatus: String, Sendable, Codable, CaseIterable {
    case explicit, anticipated, derived, assumed, pending
}

/// Where a date comes from: a seed document, a line, and the exact quote.
public struct EventSource: Sendable, Codable, Hashable {
    public var document: String
    public var line: String
    public var quote: String
    /// Reference id in `../shared/reference/seed-deadlines.md` (e.g. `D000-01`), when there is one.
    public var reference: String?

    public init(document: String, line: String, quote: String, reference: String? = nil) {
        self.document = document
        self.line = line
        self.quote = quote
        self.reference = reference
    }
}

/// The period a deliverable covers.
public struct EventPeriod: Sendable, Codable, Hashable {
    public var label: String
    /// `YYYY-MM-DD`, when known.
    public var start: String?
    public var end: String?

    public init(label: String, start: String? = nil, end: String? = nil) {
        self.label = label
        self.start = start
        self.end = end
    }
}

/// One deadline: the unit the calendar exports and the tracker instantiates per entity.
public struct CalendarEvent: Sendable, Codable, Hashable {
    /// Stable id, e.g. `pip.hospital.pip1.midyear-planning`.
    public var id: String
    public var title: String
    /// `pip`, `hqe`, `dsrip` or `dsti`.
    public var program: String
    /// Entity types it applies to: aco, acpp, pcaco, mco, hospital, cp, csa, dsti-hospital.
    public var entityTypes: [String]
    public var period: EventPeriod?
    /// `YYYY-MM-DD`; nil while `status == .pending` (waiting for a trigger date).
    public var due: String?
    public var status: EventStatus
    public var source: EventSource
    /// The Docket deliverable id it corresponds to (e.g. `pip-midyear-report`), when Docket fills it.
    public var deliverable: String?
    /// The data a fill of `deliverable` takes from this event (e.g. `pip: 2`, `year: 2025`); nil: none.
    public var deliverableOptions: [String: DeliverableOption]? = nil
    /// For `.pending` events: the trigger event id and what it waits for.
    public var trigger: String?
    /// Free text: the choice made where the sources are ambiguous, and the alternative.
    public var note: String?
    /// The file name to upload, for deliverables with a naming rule (e.g. R000-05), with the due
    /// date as `MMDDYYYY` and `<ABBR>` unless an entity abbreviation was given.
    public var fileName: String? = nil
    /// The due date before `--adjust` moved it to a business day (nil when it was not moved).
    public var unadjustedDue: String? = nil
    /// The entity abbreviation the event was generated for (`--entity`), if any.
    public var entity: String? = nil

    public init(id: String, title: String, program: String, entityTypes: [String], period: EventPeriod? = nil,
                due: String?, status: EventStatus, source: EventSource, deliverable: String? = nil,
                trigger: String? = nil, note: String? = nil, fileName: String? = nil,
                unadjustedDue: String? = nil, entity: String? = nil) {
        self.id = id
        self.title = title
        self.program = program
        self.entityTypes = entityTypes
        self.period = period
        self.due = due
        self.status = status
        self.source = source
        self.deliverable = deliverable
        self.trigger = trigger
        self.note = note
        self.fileName = fileName
        self.unadjustedDue = unadjustedDue
        self.entity = entity
    }
}
