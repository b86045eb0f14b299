/// Storage behind the tracker. Every command runs inside one `write` (or `read`) call, which is
/// one transaction: either everything it did is stored or nothing is.
///
/// `SQLiteTrackerStore` is the embedded default; a shared server database can be added later by
/// implementing these two small protocols, without touching the commands (they only see `Tracker`).
public protocol TrackerStore: Sendable {
    /// Where the data lives, for messages (a file path or a URL).
    var location: String { get }
    func read<T>(_ body: (any TrackerSession) throws -> T) throws -> T
    func write<T>(_ body: (any TrackerSession) throws -> T) throws -> T
}

/// What a transaction can do. Rows are plain values; ordering is deterministic (by key or id).
public protocol TrackerSession {
    func entities() throws -> [Entity]
    func entity(_ abbreviation: String) throws -> Entity?
    func saveEntity(_ entity: Entity) throws

    /// Instances ordered by id.
    func instances() throws -> [Instance]
    func instance(id: Int64) throws -> Instance?
    func instance(entity: String, eventID: String) throws -> Instance?
    /// Inserts and returns the instance with its new id (the `id` passed in is ignored).
    func insertInstance(_ instance: Instance) throws -> Instance
    func updateInstance(_ instance: Instance) throws

    /// Appends one history event and returns its id. History is never updated or deleted.
    @discardableResult func appendEvent(_ event: HistoryEvent) throws -> Int64
    /// Events of one instance, oldest first.
    func events(instanceID: Int64) throws -> [HistoryEvent]
    func eventCount() throws -> Int

    func insertReview(_ review: Review) throws -> Int64
    func reviews(instanceID: Int64) throws -> [Review]

    /// Recorded State notification dates: key = trigger id, entity = nil for all entities.
    func setTrigger(_ trigger: String, entity: String?, date: String, note: String?) throws
    func triggers() throws -> [TriggerDate]
}

/// A State notification date recorded with `docket track trigger`.
public struct TriggerDate: Sendable, Hashable, Codable {
    public var trigger: String
    /// nil: applies to every entity.
    public var entity: String?
    public var date: String
    public var note: String?

    public init(trigger: String, entity: String?, date: String, note: String? = nil) {
        self.trigger = trigger
        self.entity = entity
        self.date = date
        self.note = note
    }
}
