import Foundation
import DocketCore

extension Schedule {
    /// Every event of the schedule under `options`, sorted by due date (pending last), then id.
    /// Throws every problem with the query at once (unknown choice, alternative, trigger id,
    /// entity type or program).
    public func events(options: CalendarQuery) throws(DiagnosticList) -> [CalendarEvent] {
        let problems = check(options)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let chosen = resolvedChoices(options)
        var events: [CalendarEvent] = []
        for rule in rules where matches(rule.when, chosen) {
            events += instances(of: rule, chosen: chosen, options: options)
        }
        let wanted = wantedEntityTypes(options)
        return events.filter { keep($0, options, wanted) }.sorted(by: CalendarEvent.dueOrder)
    }

    /// The alternative in force for every choice: the query's, else the default.
    public func resolvedChoices(_ options: CalendarQuery) -> [String: String] {
        Dictionary(uniqueKeysWithValues: choices.map { ($0.id, options.choices[$0.id] ?? $0.defaultAlternative) })
    }

    /// Ids of the events waiting for a trigger date (valid keys of `CalendarQuery.triggers`).
    public var triggerEventIds: [String] {
        rules.flatMap { rule -> [String] in
            guard case .trigger = rule.rule else { return [] }
            if rule.periods.isEmpty { return [rule.id] }
            let keys = Set(rule.periods.flatMap { id in period(id).map(\.key) })
            return keys.map { rule.id.replacingOccurrences(of: "{period}", with: $0) }
        }.sorted()
    }

    func check(_ q: CalendarQuery) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func bad(_ rule: String, _ message: String) { out.append(Diagnostic(.error, rule: rule, message)) }
        for (id, alt) in q.choices.sorted(by: { $0.key < $1.key }) {
            guard let c = choice(id) else {
                bad("calendar.choice", "unknown choice '\(id)' (known: \(choices.map(\.id).joined(separator: ", ")); see --list-choices)")
                continue
            }
            if !c.alternatives.contains(where: { $0.id == alt }) {
                bad("calendar.choice", "choice '\(id)' has no alternative '\(alt)' (one of \(c.alternatives.map(\.id).joined(separator: ", ")))")
            }
        }
        let triggers = Set(triggerEventIds)
        for id in q.triggers.keys.sorted() where !triggers.contains(id) {
            bad("calendar.trigger", "'\(id)' is not an event waiting for a trigger date (one of \(triggers.sorted().joined(separator: ", ")))")
        }
        let types = Set(entityTypes.map(\.id))
        for t in q.entityTypes.sorted() where !types.contains(t) {
            bad("calendar.entity-type", "unknown entity type '\(t)' (one of \(entityTypes.map(\.id).joined(separator: ", ")))")
        }
        let known = Set(programs.map(\.id))
        for p in q.programs.sorted() where !known.contains(p) {
            bad("calendar.program", "unknown program '\(p)' (one of \(programs.map(\.id).joined(separator: ", ")))")
        }
        return out
    }

    func matches(_ when: [String: [String]], _ chosen: [String: String]) -> Bool {
        when.allSatisfy { key, alts in chosen[key].map(alts.contains) ?? false }
    }

    /// The entity types a query keeps: its own, their parents (ACPP → ACO) and their children
    /// (ACO → ACPP, PCACO); nil when the query does not filter by entity type.
    func wantedEntityTypes(_ q: CalendarQuery) -> Set<String>? {
        guard !q.entityTypes.isEmpty else { return nil }
        let parents = q.entityTypes.compactMap { t in entityTypes.first { $0.id == t }?.parent }
        let children = entityTypes.filter { $0.parent.map(q.entityTypes.contains) ?? false }.map(\.id)
        return q.entityTypes.union(parents).union(children)
    }

    func keep(_ e: CalendarEvent, _ q: CalendarQuery, _ wanted: Set<String>?) -> Bool {
        if !q.programs.isEmpty, !q.programs.contains(e.program) { return false }
        if let wanted, wanted.isDisjoint(with: e.entityTypes) { return false }
        guard let due = e.due.flatMap(LocalDate.init) else { return q.includePending }
        if let from = q.from, due < from { return false }
        if let to = q.to, due > to { return false }
        return true
    }

    /// The events one rule produces: one per applicable period (and per year for annual rules).
    func instances(of rule: EventRule, chosen: [String: String], options: CalendarQuery) -> [CalendarEvent] {
        let periodDefs: [PeriodDefinition?] = rule.periods.isEmpty ? [nil]
            : rule.periods.compactMap { id in period(id).first { matches($0.when, chosen) } }
        var out: [CalendarEvent] = []
        for def in periodDefs {
            let covered = def.map { RuleEngine.covered($0, part: rule.part) }
            var subs = ["{period}": def?.key ?? "", "{label}": def?.label ?? ""]
            func make(_ due: LocalDate?, period: EventPeriod?, status: EventStatus, trigger: String?) -> CalendarEvent {
                let id = RuleEngine.substitute(rule.id, subs), title = RuleEngine.substitute(rule.title, subs)
                var e = CalendarEvent(id: id, title: title, program: rule.program, entityTypes: rule.entityTypes, period: period,
                                      due: due?.description, status: status, source: rule.source, deliverable: rule.deliverable,
                                      trigger: trigger, note: note(for: rule, chosen: chosen), entity: options.entity)
                if !rule.deliverableOptions.isEmpty { e.deliverableOptions = rule.deliverableOptions.mapValues { $0.substituted(subs) } }
                if let due { RuleEngine.adjust(&e, due, options) }
                e.fileName = RuleEngine.fileName(rule.fileName, due: e.due.flatMap(LocalDate.init), entity: options.entity)
                return e
            }
            switch rule.rule {
            case let .annual(month, day, fromYear, throughYear):
                for year in fromYear...max(fromYear, throughYear) {
                    subs["{year}"] = String(year)
                    let date = LocalDate(year: year, month: month, clampingDay: day)
                    let cy = EventPeriod(label: "CY\(year)", start: "\(year)-01-01", end: "\(year)-12-31")
                    out.append(make(date, period: covered ?? cy, status: rule.status, trigger: nil))
                }
            case let .trigger(days, unit, waitsFor):
                let id = RuleEngine.substitute(rule.id, subs)
                if let start = options.triggers[id] {
                    let due = RuleEngine.add(days, unit, to: start, options.holidays)
                    out.append(make(due, period: covered, status: .derived, trigger: "\(waitsFor): \(start) (+\(days) \(unit.rawValue) days)"))
                } else {
                    out.append(make(nil, period: covered, status: .pending, trigger: "\(waitsFor) (\(days) \(unit.rawValue) days; give --trigger \(id)=YYYY-MM-DD)"))
                }
            default:
                guard let covered, let start = LocalDate(covered.start ?? ""), let end = LocalDate(covered.end ?? "") else {
                    out.append(make(RuleEngine.due(rule.rule, start: nil, end: nil, options.holidays), period: covered, status: rule.status, trigger: nil))
                    continue
                }
                out.append(make(RuleEngine.due(rule.rule, start: start, end: end, options.holidays), period: covered, status: rule.status, trigger: nil))
            }
        }
        return out
    }

    /// The rule's own note plus, for choice-dependent rules, the choice made and the alternatives.
    func note(for rule: EventRule, chosen: [String: String]) -> String? {
        var parts: [String] = rule.note.map { [$0] } ?? []
        for key in rule.when.keys.sorted() {
            guard let c = choice(key), let alt = chosen[key] else { continue }
            let others = c.alternatives.filter { $0.id != alt }.map(\.id).joined(separator: ", ")
            let what = c.alternatives.first { $0.id == alt }?.description ?? alt
            parts.append("Choice \(key) = \(alt)\(alt == c.defaultAlternative ? " (default)" : ""): \(what). Alternatives: \(others) (--choose \(key)=…).")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

/// Pure date computations of the rule engine.
public enum RuleEngine {
    /// The part of a period an event covers.
    public static func covered(_ p: PeriodDefinition, part: PeriodPart) -> EventPeriod {
        switch part {
        case .whole:
            return EventPeriod(label: p.label, start: p.start.description, end: p.end.description)
        case .firstSixMonths:
            let end = min(p.start.adding(months: 6).adding(days: -1), p.end)
            return EventPeriod(label: "\(p.label), first six months", start: p.start.description, end: end.description)
        }
    }

    /// The due date of a dated rule over a covered period (nil for trigger/annual rules or when a
    /// period-relative rule has no period).
    public static func due(_ rule: DueRule, start: LocalDate?, end: LocalDate?, _ holidays: MassachusettsHolidays) -> LocalDate? {
        func anchor(_ a: PeriodAnchor) -> LocalDate? { a == .start ? start : end }
        switch rule {
        case .fixed(let d): return d
        case let .offset(from, months, days, unit, policy):
            guard let base = anchor(from) else { return nil }
            return add(days, unit, to: base.adding(months: months, policy: policy), holidays)
        case let .before(days, unit, from):
            guard let base = anchor(from) else { return nil }
            return add(-days, unit, to: base, holidays)
        case let .monthDay(month, day, yearOffset, from):
            guard let base = anchor(from) else { return nil }
            let year = base.year + yearOffset
            return LocalDate(year: year, month: month, day: min(day, LocalDate.daysIn(month: month, year: year)))
        case .annual, .trigger: return nil
        }
    }

    public static func add(_ days: Int, _ unit: DayUnit, to date: LocalDate, _ holidays: MassachusettsHolidays) -> LocalDate {
        unit == .business ? holidays.adding(businessDays: days, to: date) : date.adding(days: days)
    }

    static func adjust(_ e: inout CalendarEvent, _ due: LocalDate, _ q: CalendarQuery) {
        let moved = q.adjust.apply(due, holidays: q.holidays)
        guard moved != due else { return }
        e.unadjustedDue = due.description
        e.due = moved.description
        let why = q.holidays.holiday(on: due)?.name ?? (due.isWeekend ? "a weekend day" : "not a business day")
        let note = "Due \(due) is \(why); moved to \(moved) (--adjust \(q.adjust.rawValue))."
        e.note = e.note.map { "\($0) \(note)" } ?? note
    }

    /// The upload file name: `<MMDDYYYY>` becomes the due date (the source asks for the submission
    /// date; Docket suggests the due date), `<ABBR>` the entity abbreviation when given.
    public static func fileName(_ pattern: String?, due: LocalDate?, entity: String?) -> String? {
        pattern.map { OnBaseName(pattern: $0).render(abbreviation: entity, date: due) }
    }

    static func substitute(_ text: String, _ subs: [String: String]) -> String {
        guard text.contains("{") else { return text }
        return subs.sorted { $0.key < $1.key }.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}

extension CalendarEvent {
    /// By due date (`YYYY-MM-DD` sorts as text), pending events last, then by id.
    public static func dueOrder(_ a: CalendarEvent, _ b: CalendarEvent) -> Bool {
        let x = a.due ?? "9999-99-99", y = b.due ?? "9999-99-99"
        return x != y ? x < y : a.id < b.id
    }
}
