import Foundation
import DocketCore

/// Turns a loaded schedule file into a `Schedule`, checking structure and cross references
/// (programs, entity types, periods, choices, documents) and reporting every problem with its
/// location. The file's shape is also described by `Schemas/schedule/schedule.schema.json`.
enum ScheduleReader {
    static func read(_ data: LoadedData) throws(DiagnosticList) -> Schedule {
        var r = FieldReader(data)
        _ = r.object("", allowed: ["$schema", "version", "published", "calendarName", "refreshInterval", "documents",
                                   "entityTypes", "programs", "choices", "periods", "events"])
        if data.value.objectValue == nil { throw DiagnosticList(r.diagnostics) }
        let version = r.string("/version") ?? ""
        let published = r.date("/published") ?? LocalDate(dayNumber: 0)
        let calendarName = r.string("/calendarName") ?? "Docket"
        let refresh = r.string("/refreshInterval", required: false) ?? "P1D"

        var documents: [String: ScheduleDocument] = [:]
        for (key, _) in (r.object("/documents", allowed: Set(data.value["documents"]?.objectValue?.keys.map { $0 } ?? [])) ?? [:]) {
            let p = JSONPointer.appending("/documents", key)
            _ = r.object(p, allowed: ["file", "original", "title"])
            documents[key] = ScheduleDocument(file: r.string(p + "/file") ?? "", original: r.string(p + "/original") ?? "",
                                              title: r.string(p + "/title") ?? "")
        }
        var context = Context(documents: documents)

        let entityTypes = r.array("/entityTypes").indices.map { i -> EntityTypeDefinition in
            let p = "/entityTypes/\(i)"
            _ = r.object(p, allowed: ["id", "title", "parent"])
            return EntityTypeDefinition(id: r.string(p + "/id") ?? "", title: r.string(p + "/title") ?? "",
                                        parent: r.string(p + "/parent", required: false))
        }
        let programs = r.array("/programs").indices.map { i -> ProgramDefinition in
            let p = "/programs/\(i)"
            _ = r.object(p, allowed: ["id", "title"])
            return ProgramDefinition(id: r.string(p + "/id") ?? "", title: r.string(p + "/title") ?? "")
        }
        let choices = r.array("/choices").indices.map { readChoice("/choices/\($0)", &r, context) }
        context.choices = Dictionary(choices.map { ($0.id, Set($0.alternatives.map(\.id))) }, uniquingKeysWith: { a, _ in a })
        context.programs = Set(programs.map(\.id))
        context.entityTypes = Set(entityTypes.map(\.id))
        let periods = r.array("/periods").indices.map { readPeriod("/periods/\($0)", &r, context) }
        context.periods = Set(periods.map(\.id))
        let rules = r.array("/events").indices.map { readRule("/events/\($0)", &r, context) }

        checkUnique(periods.map { ($0.id, $0.when) }, pointers: periods.indices.map { "/periods/\($0)/id" }, what: "period", &r)
        checkUnique(rules.flatMap { rule in instanceIds(rule).map { ($0, rule.when) } },
                    pointers: rules.flatMap { rule in instanceIds(rule).map { _ in rule.pointer + "/id" } }, what: "event", &r)
        for (i, e) in entityTypes.enumerated() where e.parent.map({ !context.entityTypes.contains($0) }) ?? false {
            r.error("/entityTypes/\(i)/parent", "schedule.reference", "unknown parent entity type '\(e.parent!)'")
        }
        if !r.diagnostics.isEmpty { throw DiagnosticList(r.diagnostics) }
        return Schedule(version: version, published: published, calendarName: calendarName, refreshInterval: refresh,
                        documents: documents, entityTypes: entityTypes, programs: programs, periods: periods,
                        choices: choices, rules: rules, path: data.path)
    }

    /// What the cross-reference checks need to know.
    struct Context {
        var documents: [String: ScheduleDocument]
        var choices: [String: Set<String>] = [:]
        var programs: Set<String> = []
        var entityTypes: Set<String> = []
        var periods: Set<String> = []
    }

    static func readSource(_ p: String, _ r: inout FieldReader, _ c: Context) -> EventSource {
        _ = r.object(p, allowed: ["doc", "line", "quote", "ref"])
        let doc = r.string(p + "/doc") ?? ""
        if !doc.isEmpty, c.documents[doc] == nil {
            r.error(p + "/doc", "schedule.reference", "unknown document '\(doc)'; declare it under 'documents'")
        }
        return EventSource(document: c.documents[doc]?.file ?? doc, line: r.string(p + "/line") ?? "",
                           quote: r.string(p + "/quote") ?? "", reference: r.string(p + "/ref", required: false))
    }

    static func readWhen(_ p: String, _ r: inout FieldReader, _ c: Context) -> [String: [String]] {
        guard let o = r.object(p, allowed: Set(c.choices.keys).union(r.value(p)?.objectValue?.keys.map { $0 } ?? [])) else { return [:] }
        var when: [String: [String]] = [:]
        for key in o.keys.sorted() {
            let q = JSONPointer.appending(p, key)
            let alts = r.value(q)?.arrayValue != nil ? r.strings(q) : [r.string(q)].compactMap { $0 }
            guard let known = c.choices[key] else {
                r.error(q, "schedule.reference", "unknown choice '\(key)'; declare it under 'choices'")
                continue
            }
            for alt in alts where !known.contains(alt) {
                r.error(q, "schedule.reference", "choice '\(key)' has no alternative '\(alt)' (has: \(known.sorted().joined(separator: ", ")))")
            }
            when[key] = alts
        }
        return when
    }

    static func readChoice(_ p: String, _ r: inout FieldReader, _ c: Context) -> Choice {
        _ = r.object(p, allowed: ["id", "question", "default", "alternatives", "sources"])
        let alternatives = r.array(p + "/alternatives").indices.map { i -> Choice.Alternative in
            let q = "\(p)/alternatives/\(i)"
            _ = r.object(q, allowed: ["id", "description"])
            return Choice.Alternative(id: r.string(q + "/id") ?? "", description: r.string(q + "/description") ?? "")
        }
        let def = r.string(p + "/default") ?? ""
        if alternatives.count < 2 { r.error(p + "/alternatives", "schedule.choice", "a choice needs at least two alternatives") }
        if !def.isEmpty, !alternatives.contains(where: { $0.id == def }) {
            r.error(p + "/default", "schedule.choice", "default '\(def)' is not one of the alternatives")
        }
        let sources = r.array(p + "/sources").indices.map { readSource("\(p)/sources/\($0)", &r, c) }
        return Choice(id: r.string(p + "/id") ?? "", question: r.string(p + "/question") ?? "", defaultAlternative: def,
                      alternatives: alternatives, sources: sources)
    }

    static func readPeriod(_ p: String, _ r: inout FieldReader, _ c: Context) -> PeriodDefinition {
        _ = r.object(p, allowed: ["id", "key", "program", "label", "start", "end", "status", "source", "when"])
        let program = r.string(p + "/program") ?? ""
        if !program.isEmpty, !c.programs.contains(program) { r.error(p + "/program", "schedule.reference", "unknown program '\(program)'") }
        let start = r.date(p + "/start"), end = r.date(p + "/end")
        if let start, let end, end < start { r.error(p + "/end", "schedule.period", "period ends (\(end)) before it starts (\(start))") }
        let fallback = LocalDate(dayNumber: 0)
        return PeriodDefinition(
            id: r.string(p + "/id") ?? "", key: r.string(p + "/key") ?? "", program: program, label: r.string(p + "/label") ?? "",
            start: start ?? fallback, end: end ?? fallback,
            status: r.enumeration(p + "/status", EventStatus.self, default: .explicit) ?? .explicit,
            source: readSource(p + "/source", &r, c), when: readWhen(p + "/when", &r, c))
    }

    static func readRule(_ p: String, _ r: inout FieldReader, _ c: Context) -> EventRule {
        _ = r.object(p, allowed: ["id", "title", "program", "entityTypes", "period", "periods", "part", "rule", "status",
                                  "source", "deliverable", "deliverableOptions", "fileName", "note", "when"])
        let program = r.string(p + "/program") ?? ""
        if !program.isEmpty, !c.programs.contains(program) { r.error(p + "/program", "schedule.reference", "unknown program '\(program)'") }
        let types = r.strings(p + "/entityTypes")
        for (i, t) in types.enumerated() where !c.entityTypes.contains(t) {
            r.error("\(p)/entityTypes/\(i)", "schedule.reference", "unknown entity type '\(t)'")
        }
        var periods: [String] = []
        if r.value(p + "/periods") != nil { periods = r.strings(p + "/periods") }
        if let one = r.string(p + "/period", required: false) { periods.append(one) }
        for id in periods where !c.periods.contains(id) {
            r.error(p + (r.value(p + "/period") != nil ? "/period" : "/periods"), "schedule.reference", "unknown period '\(id)'")
        }
        let rule = RuleReader.read(p + "/rule", &r)
        let id = r.string(p + "/id") ?? ""
        if periods.count > 1, !id.contains("{period}") {
            r.error(p + "/id", "schedule.template", "an event over several periods needs '{period}' in its id")
        }
        if case .annual = rule, !id.contains("{year}") {
            r.error(p + "/id", "schedule.template", "an annual event needs '{year}' in its id")
        }
        var options: [String: DeliverableOption] = [:]
        for (key, value) in (r.value(p + "/deliverableOptions")?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let i = value.intValue { options[key] = .int(i) }
            else if let s = value.stringValue { options[key] = .text(s) }
            else { r.error(JSONPointer.appending(p + "/deliverableOptions", key), "schedule.type", "a deliverable option is an integer or text") }
        }
        return EventRule(
            id: id, title: r.string(p + "/title") ?? "", program: program, entityTypes: types, periods: periods,
            part: r.enumeration(p + "/part", PeriodPart.self, default: .whole) ?? .whole, rule: rule ?? .fixed(LocalDate(dayNumber: 0)),
            status: r.enumeration(p + "/status", EventStatus.self, default: nil) ?? .explicit,
            source: readSource(p + "/source", &r, c), deliverable: r.string(p + "/deliverable", required: false),
            deliverableOptions: options,
            fileName: r.string(p + "/fileName", required: false), note: r.string(p + "/note", required: false),
            when: readWhen(p + "/when", &r, c), pointer: p)
    }

    /// The ids a rule can produce, for the uniqueness check (annual years are not expanded).
    static func instanceIds(_ rule: EventRule) -> [String] {
        rule.periods.isEmpty ? [rule.id] : rule.periods.map { rule.id.replacingOccurrences(of: "{period}", with: $0) }
    }

    static func checkUnique(_ items: [(String, [String: [String]])], pointers: [String], what: String, _ r: inout FieldReader) {
        var seen: [String: [[String: [String]]]] = [:]
        for ((id, when), pointer) in zip(items, pointers) {
            // Two definitions may share an id only when their `when` conditions exclude each other.
            if let previous = seen[id], previous.contains(where: { !exclusive($0, when) }) {
                r.error(pointer, "schedule.duplicate-id", "duplicate \(what) id '\(id)' (give each a different id or disjoint 'when')")
            }
            seen[id, default: []].append(when)
        }
    }

    static func exclusive(_ a: [String: [String]], _ b: [String: [String]]) -> Bool {
        a.contains { key, alts in b[key].map { Set($0).isDisjoint(with: alts) } ?? false }
    }
}
