import Foundation
import GRDB

/// `TrackerSession` over one GRDB `Database` inside a transaction.
struct SQLiteSession: TrackerSession {
    let db: Database

    func entities() throws -> [Entity] {
        try Row.fetchAll(db, sql: "SELECT * FROM entity ORDER BY abbreviation").map(Self.entity)
    }

    func entity(_ abbreviation: String) throws -> Entity? {
        try Row.fetchOne(db, sql: "SELECT * FROM entity WHERE abbreviation = ?", arguments: [abbreviation]).map(Self.entity)
    }

    func saveEntity(_ e: Entity) throws {
        try db.execute(sql: """
            INSERT INTO entity (abbreviation, name, type, obstetric, partner_exempt, partners, contacts, also_types)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(abbreviation) DO UPDATE SET name = excluded.name, type = excluded.type,
              obstetric = excluded.obstetric, partner_exempt = excluded.partner_exempt, partners = excluded.partners,
              contacts = excluded.contacts, also_types = excluded.also_types
            """, arguments: [e.abbreviation, e.name, e.type, e.obstetric, e.partnerExempt,
                             Self.encode(e.partners), Self.encode(e.contacts), Self.encode(e.alsoTypes)])
    }

    func instances() throws -> [Instance] {
        // Column positions are looked up once for the whole result, not by name in every row
        // (the board reads every instance on each request).
        // A cursor reuses one row value for the whole result: no copy of every row before decoding.
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM instance ORDER BY id")
        let columns = InstanceColumns(cursor.columnNames)
        var out: [Instance] = []
        while let row = try cursor.next() { out.append(columns.instance(row)) }
        return out
    }

    func instance(id: Int64) throws -> Instance? {
        try Row.fetchOne(db, sql: "SELECT * FROM instance WHERE id = ?", arguments: [id]).map(Self.instance)
    }

    func instance(entity: String, eventID: String) throws -> Instance? {
        try Row.fetchOne(db, sql: "SELECT * FROM instance WHERE entity = ? AND event_id = ?",
                         arguments: [entity, eventID]).map(Self.instance)
    }

    func insertInstance(_ i: Instance) throws -> Instance {
        try db.execute(sql: """
            INSERT INTO instance (entity, event_id, deliverable, title, program, period, due, due_status, trigger_id,
              source, status, resubmit_by, file, sha256, validation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [i.entity, i.eventID, i.deliverable, i.title, i.program, i.period, i.due, i.dueStatus,
                             i.trigger, i.source, i.status.rawValue, i.resubmitBy, i.file, i.sha256, i.validation])
        var out = i
        out.id = db.lastInsertedRowID
        return out
    }

    func updateInstance(_ i: Instance) throws {
        try db.execute(sql: """
            UPDATE instance SET deliverable = ?, title = ?, program = ?, period = ?, due = ?, due_status = ?,
              trigger_id = ?, source = ?, status = ?, resubmit_by = ?, file = ?, sha256 = ?, validation = ?
            WHERE id = ?
            """, arguments: [i.deliverable, i.title, i.program, i.period, i.due, i.dueStatus, i.trigger, i.source,
                             i.status.rawValue, i.resubmitBy, i.file, i.sha256, i.validation, i.id])
    }

    @discardableResult func appendEvent(_ e: HistoryEvent) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO event (instance_id, at, by, from_status, to_status, note, file, sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.instanceID, e.at, e.by, e.from?.rawValue, e.to.rawValue, e.note, e.file, e.sha256])
        return db.lastInsertedRowID
    }

    func events(instanceID: Int64) throws -> [HistoryEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM event WHERE instance_id = ? ORDER BY id", arguments: [instanceID]).map { r in
            HistoryEvent(id: r["id"], instanceID: r["instance_id"], at: r["at"], by: r["by"],
                         from: (r["from_status"] as String?).flatMap(InstanceStatus.init(rawValue:)),
                         to: InstanceStatus(rawValue: r["to_status"]) ?? .planned,
                         note: r["note"], file: r["file"], sha256: r["sha256"])
        }
    }

    func eventCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
    }

    func insertReview(_ r: Review) throws -> Int64 {
        try db.execute(sql: "INSERT INTO review (instance_id, at, by, comment, resubmit_by) VALUES (?, ?, ?, ?, ?)",
                       arguments: [r.instanceID, r.at, r.by, r.comment, r.resubmitBy])
        let id = db.lastInsertedRowID
        for c in r.criteria {
            try db.execute(sql: "INSERT INTO review_criterion (review_id, criterion, rating, comment) VALUES (?, ?, ?, ?)",
                           arguments: [id, c.criterion, c.rating.rawValue, c.comment])
        }
        return id
    }

    func reviews(instanceID: Int64) throws -> [Review] {
        try Row.fetchAll(db, sql: "SELECT * FROM review WHERE instance_id = ? ORDER BY id", arguments: [instanceID]).map { r in
            let id: Int64 = r["id"]
            let criteria = try Row.fetchAll(db, sql: "SELECT * FROM review_criterion WHERE review_id = ? ORDER BY rowid",
                                            arguments: [id]).map { c in
                CriterionRating(criterion: c["criterion"], rating: Rating(rawValue: c["rating"]) ?? .didNotMeet, comment: c["comment"])
            }
            return Review(id: id, instanceID: r["instance_id"], at: r["at"], by: r["by"], criteria: criteria,
                          comment: r["comment"], resubmitBy: r["resubmit_by"])
        }
    }

    func setTrigger(_ trigger: String, entity: String?, date: String, note: String?) throws {
        try db.execute(sql: """
            INSERT INTO trigger_date (trigger_id, entity, date, note) VALUES (?, ?, ?, ?)
            ON CONFLICT(trigger_id, entity) DO UPDATE SET date = excluded.date, note = excluded.note
            """, arguments: [trigger, entity ?? "", date, note])
    }

    func triggers() throws -> [TriggerDate] {
        try Row.fetchAll(db, sql: "SELECT * FROM trigger_date ORDER BY trigger_id, entity").map { r in
            let e: String = r["entity"]
            return TriggerDate(trigger: r["trigger_id"], entity: e.isEmpty ? nil : e, date: r["date"], note: r["note"])
        }
    }

    static func entity(_ r: Row) -> Entity {
        Entity(abbreviation: r["abbreviation"], name: r["name"], type: r["type"], obstetric: r["obstetric"],
               partnerExempt: r["partner_exempt"], partners: decode(r["partners"]) ?? [],
               contacts: decode(r["contacts"]) ?? [], alsoTypes: decode(r["also_types"]) ?? [])
    }

    static func instance(_ r: Row) -> Instance {
        Instance(id: r["id"], entity: r["entity"], eventID: r["event_id"], deliverable: r["deliverable"], title: r["title"],
                 program: r["program"], period: r["period"], due: r["due"], dueStatus: r["due_status"],
                 trigger: r["trigger_id"], source: r["source"], status: InstanceStatus(rawValue: r["status"]) ?? .planned,
                 resubmitBy: r.hasColumn("resubmit_by") ? r["resubmit_by"] : nil, file: r["file"], sha256: r["sha256"],
                 validation: r.hasColumn("validation") ? r["validation"] : nil)
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return String(decoding: (try? enc.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}

/// Positions of the instance table's columns in a `SELECT *` result (`resubmit_by` and
/// `validation` exist from migration v2 on).
struct InstanceColumns {
    let id, entity, event, deliverable, title, program, period, due, dueStatus, trigger, source, status, file, sha256: Int
    let resubmitBy, validation: Int?

    init(_ names: [String]) {
        func at(_ name: String) -> Int? { names.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame } }
        // invariant: the v1 migration creates every one of these columns
        func must(_ name: String) -> Int { at(name)! }
        id = must("id"); entity = must("entity"); event = must("event_id"); deliverable = must("deliverable")
        title = must("title"); program = must("program"); period = must("period"); due = must("due")
        dueStatus = must("due_status"); trigger = must("trigger_id"); source = must("source"); status = must("status")
        file = must("file"); sha256 = must("sha256")
        resubmitBy = at("resubmit_by"); validation = at("validation")
    }

    func instance(_ r: Row) -> Instance {
        Instance(id: r[id], entity: r[entity], eventID: r[event], deliverable: r[deliverable], title: r[title],
                 program: r[program], period: r[period], due: r[due], dueStatus: r[dueStatus],
                 trigger: r[trigger], source: r[source], status: InstanceStatus(rawValue: r[status]) ?? .planned,
                 resubmitBy: resubmitBy.flatMap { r[$0] }, file: r[file], sha256: r[sha256],
                 validation: validation.flatMap { r[$0] })
    }
}
