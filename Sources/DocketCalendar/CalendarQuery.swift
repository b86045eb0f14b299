import DocketCore
/// What to compute and which events to keep: the options of `docket calendar` and of the tracker.
public struct CalendarQuery: Sendable, Hashable {
    /// Entity types to keep (empty: all). An entity type also matches events of its parent type
    /// (an ACPP matches ACO events).
    public var entityTypes: Set<String>
    /// Programs to keep (empty: all): `pip`, `hqe`, `dsrip`, `dsti`.
    public var programs: Set<String>
    /// Keep events due on or after / on or before these dates (inclusive). Pending events have no
    /// date and are kept unless `includePending` is false.
    public var from: LocalDate?
    public var to: LocalDate?
    /// Trigger dates the State set, by pending event id (`--trigger <event-id>=YYYY-MM-DD`).
    public var triggers: [String: LocalDate]
    /// Alternatives chosen, by choice id (`--choose <choice-id>=<alternative>`); others use defaults.
    public var choices: [String: String]
    /// Business-day adjustment of due dates (default none).
    public var adjust: BusinessDayAdjustment
    public var holidays: MassachusettsHolidays
    /// Entity abbreviation for file names and per-entity UIDs (`--entity`).
    public var entity: String?
    public var includePending: Bool

    public init(entityTypes: Set<String> = [], programs: Set<String> = [], from: LocalDate? = nil, to: LocalDate? = nil,
                triggers: [String: LocalDate] = [:], choices: [String: String] = [:], adjust: BusinessDayAdjustment = .none,
                holidays: MassachusettsHolidays = MassachusettsHolidays(), entity: String? = nil, includePending: Bool = true) {
        self.entityTypes = entityTypes
        self.programs = programs
        self.from = from
        self.to = to
        self.triggers = triggers
        self.choices = choices
        self.adjust = adjust
        self.holidays = holidays
        self.entity = entity
        self.includePending = includePending
    }
}
