import DocketCore
import Foundation

/// The tracker's operations. Commands (and `fill --track` / `validate --track`) call these; each
/// public method is one store transaction, and any error thrown inside rolls everything back,
/// so bad input writes nothing.
public struct Tracker: Sendable {
    public let store: any TrackerStore
    public let context: TrackerContext
    /// Deliverable id → the criterion ids a review must rate (from each deliverable's rubric,
    /// `DeliverableRegistry.reviewCriteria`); a deliverable without one accepts any criterion id.
    public let rubrics: [String: [String]]

    public init(store: any TrackerStore, context: TrackerContext, rubrics: [String: [String]] = [:]) {
        self.store = store
        self.context = context
        self.rubrics = rubrics
    }

    /// Opens the embedded SQLite store at `path` (default: the environment's database), with
    /// "who" from `by` or the environment and "when" from the environment.
    public static func open(_ environment: DocketEnvironment, path: String? = nil, by: String? = nil,
                            rubrics: [String: [String]] = [:]) throws -> Tracker {
        let store = try SQLiteTrackerStore(path: path ?? environment.databasePath, busyTimeout: environment.busyTimeout)
        return Tracker(store: store, context: TrackerContext(environment: environment, by: by), rubrics: rubrics)
    }

    // MARK: Entities

    /// Adds or replaces an entity. Partners must exist; the partnership is recorded on both sides
    /// (and removed from former partners when an entity is replaced without them).
    public func addEntity(_ entity: Entity) throws {
        try checkEntity(entity)
        try store.write { s in
            for var former in try s.entities() where former.partners.contains(entity.abbreviation)
                && !entity.partners.contains(former.abbreviation) {
                former.partners.removeAll { $0 == entity.abbreviation }
                try s.saveEntity(former)
            }
            for p in entity.partners {
                guard var partner = try s.entity(p) else {
                    throw TrackerError.unknownEntity(p, known: try s.entities().map(\.abbreviation))
                }
                guard entity.isACO != partner.isACO, entity.isACO || entity.type == "hospital",
                      partner.isACO || partner.type == "hospital" else {
                    throw TrackerError.invalid(rule: "track.bad-partner",
                        "\(entity.abbreviation) (\(entity.type)) cannot partner with \(p) (\(partner.type)): PIP partnerships pair an ACO (aco, acpp, pcaco) with a hospital (R000-02)")
                }
                if !partner.partners.contains(entity.abbreviation) {
                    partner.partners.append(entity.abbreviation)
                    partner.partners.sort()
                    try s.saveEntity(partner)
                }
            }
            try s.saveEntity(entity)
        }
    }

    func checkEntity(_ e: Entity) throws {
        let ok = !e.abbreviation.isEmpty && e.abbreviation.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        guard ok else {
            throw TrackerError.invalid(rule: "track.bad-abbreviation",
                "abbreviation \"\(e.abbreviation)\" must be letters, digits or '-' (it is used in OnBase file names, R000-07)")
        }
        for t in [e.type] + e.alsoTypes where !Entity.knownTypes.contains(t) {
            throw TrackerError.invalid(rule: "track.bad-entity-type",
                "unknown entity type \"\(t)\"; use one of: \(Entity.knownTypes.joined(separator: ", "))")
        }
        if e.partners.contains(e.abbreviation) {
            throw TrackerError.invalid(rule: "track.bad-partner", "\(e.abbreviation) cannot partner with itself")
        }
        if e.partnerExempt && !e.partners.isEmpty {
            throw TrackerError.invalid(rule: "track.bad-partner",
                "\(e.abbreviation) is partner-exempt but lists partners \(e.partners.joined(separator: ", ")); drop one of them")
        }
    }

    public func entities() throws -> [Entity] { try store.read { try $0.entities() } }

    public func entity(_ abbreviation: String) throws -> Entity {
        try store.read { s in try Self.requireEntity(abbreviation, in: s) }
    }

    static func requireEntity(_ abbr: String, in s: any TrackerSession) throws -> Entity {
        if let e = try s.entity(abbr) { return e }
        throw TrackerError.unknownEntity(abbr, known: try s.entities().map(\.abbreviation))
    }

    // MARK: Instances

    /// Every instance, ordered by id.
    public func instances() throws -> [Instance] { try store.read { try $0.instances() } }

    /// Resolves `#12`, `12`, `ENTITY/EVENT-ID` or `ENTITY/DELIVERABLE-ID` (when one open instance matches).
    public func instance(_ ref: String) throws -> Instance {
        try store.read { s in try Self.resolve(ref, in: s) }
    }

    static func resolve(_ ref: String, in s: any TrackerSession) throws -> Instance {
        let trimmed = ref.hasPrefix("#") ? String(ref.dropFirst()) : ref
        if let id = Int64(trimmed), let i = try s.instance(id: id) { return i }
        if let slash = ref.firstIndex(of: "/") {
            let entity = String(ref[..<slash]), rest = String(ref[ref.index(after: slash)...])
            if let i = try s.instance(entity: entity, eventID: rest) { return i }
            _ = try requireEntity(entity, in: s)
            let byDeliverable = try s.instances().filter { $0.entity == entity && $0.deliverable == rest }
            let open = byDeliverable.filter { $0.status != .accepted }
            if open.count == 1 { return open[0] }
            if byDeliverable.count > 1 {
                throw TrackerError.invalid(rule: "track.ambiguous-instance",
                    "\"\(ref)\" matches \(byDeliverable.count) instances; name one: \(byDeliverable.map(\.key).joined(separator: ", "))")
            }
        }
        let needle = ref.lowercased()
        let suggestions = try s.instances().map(\.key).filter { key in
            let k = key.lowercased()
            return k.contains(needle) || needle.split(separator: "/").last.map { k.contains($0) } ?? false
        }
        throw TrackerError.unknownInstance(ref, suggestions: suggestions)
    }

    /// Moves an instance to `status` (checked against the lifecycle), recording the file's SHA-256.
    /// Returns the status it had before and the updated instance.
    @discardableResult
    public func setStatus(_ ref: String, to status: InstanceStatus, file: String? = nil,
                          note: String? = nil) throws -> (from: InstanceStatus, instance: Instance) {
        let hash = try file.map { try FileHash.sha256(path: $0) }
        return try store.write { s in
            var inst = try Self.resolve(ref, in: s)
            let from = inst.status
            try Lifecycle.check(instance: inst.key, from: from, to: status)
            try record(&inst, to: status, note: note, file: file, sha256: hash, in: s)
            return (from, inst)
        }
    }

    /// Applies a change and appends its history event (same session).
    func record(_ inst: inout Instance, to status: InstanceStatus, note: String?, file: String?, sha256: String?,
                in s: any TrackerSession) throws {
        let from = inst.status
        inst.status = status
        if let file { inst.file = file; inst.sha256 = sha256 }
        if status == .drafting || status == .filled { inst.validation = nil }
        try s.updateInstance(inst)
        try s.appendEvent(HistoryEvent(instanceID: inst.id, at: context.timestamp, by: context.user, from: from,
                                       to: status, note: note, file: file, sha256: sha256))
    }

    /// The instance, its full history (oldest first) and its reviews.
    public func history(_ ref: String) throws -> (instance: Instance, events: [HistoryEvent], reviews: [Review]) {
        try store.read { s in
            let inst = try Self.resolve(ref, in: s)
            return (inst, try s.events(instanceID: inst.id), try s.reviews(instanceID: inst.id))
        }
    }

    /// Records a State notification date for a trigger (all entities, or one).
    public func recordTrigger(_ trigger: String, date: String, entity: String? = nil, note: String? = nil) throws {
        _ = try TrackDate.require(date, option: "trigger date")
        guard !trigger.isEmpty else {
            throw TrackerError.invalid(rule: "track.bad-trigger", "the trigger id is empty; name the calendar event or trigger id")
        }
        try store.write { s in
            if let entity { _ = try Self.requireEntity(entity, in: s) }
            try s.setTrigger(trigger, entity: entity, date: date, note: note)
        }
    }

    public func triggers() throws -> [TriggerDate] { try store.read { try $0.triggers() } }

    /// Appends `count` note events to one instance, one transaction each, calling `committed`
    /// with each event id after its commit (used by the crash test: `docket track stress`).
    public func stress(_ ref: String, count: Int, committed: (Int64) -> Void) throws {
        let inst = try instance(ref)
        for n in 1...max(count, 1) {
            let id = try store.write { s in
                try s.appendEvent(HistoryEvent(instanceID: inst.id, at: context.timestamp, by: context.user,
                                               from: inst.status, to: inst.status, note: "stress \(n)"))
            }
            committed(id)
        }
    }
}
