/// What `docket fill --track` / `docket validate --track` produced or checked.
public enum ArtifactKind: Sendable, Hashable {
    case filled
    case validated(valid: Bool)
}

/// The outcome of `recordArtifact`: which instance, the move made and the file's hash.
public struct ArtifactRecord: Sendable, Hashable {
    public var instance: String
    public var from: InstanceStatus
    public var to: InstanceStatus
    public var sha256: String
}

/// One file to record with `recordArtifacts`.
public struct ArtifactInput: Sendable, Hashable {
    public var entity: String
    public var deliverable: String
    public var kind: ArtifactKind
    public var file: String
    public var note: String?
    /// The calendar event of the instance (`fill --instance`); nil: the nearest open instance of the deliverable.
    public var event: String?

    public init(entity: String, deliverable: String, kind: ArtifactKind, file: String, note: String? = nil, event: String? = nil) {
        self.event = event
        self.entity = entity
        self.deliverable = deliverable
        self.kind = kind
        self.file = file
        self.note = note
    }
}

extension Tracker {
    /// Records several files in ONE transaction (a `fill --batch --track` run): all or nothing.
    @discardableResult
    public func recordArtifacts(_ items: [ArtifactInput]) throws -> [ArtifactRecord] {
        let hashes = try items.map { try FileHash.sha256(path: $0.file) }
        return try store.write { s in
            try zip(items, hashes).map { item, hash in try record(item, sha256: hash, in: s) }
        }
    }

    /// Records a filled or validated file on the matching instance: same entity and deliverable id,
    /// still with the entity (not submitted/reviewed/accepted), nearest due date first.
    ///
    /// - filled: → filled (validation result cleared).
    /// - validated(valid: true): → validated (via filled when the instance was not filled yet).
    /// - validated(valid: false): → filled, with validation "invalid" recorded.
    @discardableResult
    public func recordArtifact(entity: String, deliverable: String, kind: ArtifactKind, file: String,
                               note: String? = nil) throws -> ArtifactRecord {
        let item = ArtifactInput(entity: entity, deliverable: deliverable, kind: kind, file: file, note: note)
        let hash = try FileHash.sha256(path: file)
        return try store.write { s in try record(item, sha256: hash, in: s) }
    }

    func record(_ item: ArtifactInput, sha256 hash: String, in s: any TrackerSession) throws -> ArtifactRecord {
        let (entity, deliverable, kind, file, note) = (item.entity, item.deliverable, item.kind, item.file, item.note)
        _ = try Self.requireEntity(entity, in: s)
        let all = try s.instances().filter { $0.entity == entity && $0.deliverable == deliverable && (item.event ?? $0.eventID) == $0.eventID }
        let open = all.filter(\.status.isOpenForEntity)
            .sorted { ($0.effectiveDue ?? "9999", $0.id) < ($1.effectiveDue ?? "9999", $1.id) }
        guard var inst = open.first else {
            let why = all.isEmpty ? "no instance of it was synced (run `docket track sync`)"
                : "every instance is already with MassHealth (\(all.map { "\($0.key): \($0.status.rawValue)" }.joined(separator: ", ")))"
            throw TrackerError.invalid(rule: "track.no-open-instance",
                "no open \(deliverable) instance for entity \(entity): \(why)")
        }
        let start = inst.status
        let tag = note.map { "; \($0)" } ?? ""
        switch kind {
        case .filled:
            try record(&inst, to: .filled, note: "filled by docket fill --track" + tag, file: file, sha256: hash, in: s)
        case .validated(let valid):
            if valid {
                if !start.legalNext.contains(.validated) {
                    try record(&inst, to: .filled, note: "file recorded by docket validate --track" + tag,
                               file: file, sha256: hash, in: s)
                }
                inst.validation = "valid"
                try record(&inst, to: .validated, note: "validation passed" + tag, file: file, sha256: hash, in: s)
            } else {
                try record(&inst, to: .filled, note: "validation failed" + tag, file: file, sha256: hash, in: s)
                inst.validation = "invalid"
                try s.updateInstance(inst)
            }
        }
        return ArtifactRecord(instance: inst.key, from: start, to: inst.status, sha256: hash)
    }
}
