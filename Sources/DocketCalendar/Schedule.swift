import DocketCore
import Foundation

/// The schedule: programs, their periods, named ambiguity choices and deliverable rules, loaded
/// from a YAML/JSON file (`Schemas/schedule/masshealth-schedule.yaml` by default) and described by
/// `Schemas/schedule/schedule.schema.json`.
public struct Schedule: Sendable {
    /// Schedule version; also fixes the iCalendar DTSTAMP (with `published`).
    public var version: String
    /// The day this version was published: DTSTAMP of every exported event.
    public var published: LocalDate
    public var calendarName: String
    /// iCalendar REFRESH-INTERVAL duration, e.g. `P1D`.
    public var refreshInterval: String
    public var documents: [String: ScheduleDocument]
    public var entityTypes: [EntityTypeDefinition]
    public var programs: [ProgramDefinition]
    public var periods: [PeriodDefinition]
    public var choices: [Choice]
    public var rules: [EventRule]
    /// The file it was loaded from.
    public var path: String
}

/// A source document: its file in `../shared/seeds/` and its original name in the reference tables.
public struct ScheduleDocument: Sendable, Hashable {
    public var file: String
    public var original: String
    public var title: String
}

/// An entity type (`--entity-type`); `parent` makes e.g. an ACPP also match ACO events.
public struct EntityTypeDefinition: Sendable, Hashable {
    public var id: String
    public var title: String
    public var parent: String?
}

public struct ProgramDefinition: Sendable, Hashable {
    public var id: String
    public var title: String
}

/// A named period (PIP PY1, ACO BP2, DSTI DY16 …). `when` limits it to some alternatives of a choice.
public struct PeriodDefinition: Sendable, Hashable {
    public var id: String
    /// Short key substituted for `{period}` in event ids (e.g. `bp2`).
    public var key: String
    public var program: String
    public var label: String
    public var start: LocalDate
    public var end: LocalDate
    public var status: EventStatus
    public var source: EventSource
    public var when: [String: [String]]
}

/// A place where the sources conflict or are ambiguous: the default reading and the alternatives.
public struct Choice: Sendable, Hashable {
    public struct Alternative: Sendable, Hashable {
        public var id: String
        public var description: String
    }
    public var id: String
    public var question: String
    public var defaultAlternative: String
    public var alternatives: [Alternative]
    public var sources: [EventSource]
}

/// Which part of a period an event covers.
public enum PeriodPart: String, Sendable, Hashable, CaseIterable {
    case whole
    /// The first six months (semiannual Report 1; CP BP1 is nine months, its Report 1 covers six).
    case firstSixMonths = "first-six-months"
}

/// One deliverable rule: a single event, or a template expanded per period / per year.
public struct EventRule: Sendable, Hashable {
    /// Id, may contain `{period}` (period key) and `{year}`.
    public var id: String
    /// Title, may contain `{label}` (period label), `{period}` and `{year}`.
    public var title: String
    public var program: String
    public var entityTypes: [String]
    /// The period ids it applies to: one for a single event, several for a template.
    public var periods: [String]
    public var part: PeriodPart
    public var rule: DueRule
    public var status: EventStatus
    public var source: EventSource
    public var deliverable: String?
    /// Data the deliverable's fill takes from the event (`deliverableOptions:`), values may hold `{year}`.
    public var deliverableOptions: [String: DeliverableOption] = [:]
    /// File-name pattern to upload, e.g. `<ABBR>_PIPMidYearReport_<MMDDYYYY>` (R000-05).
    public var fileName: String?
    public var note: String?
    /// Choice id → alternatives under which this rule applies.
    public var when: [String: [String]]
    /// JSON Pointer of the rule in the schedule file (for diagnostics).
    public var pointer: String
}

extension Schedule {
    public func period(_ id: String) -> [PeriodDefinition] { periods.filter { $0.id == id } }
    public func choice(_ id: String) -> Choice? { choices.first { $0.id == id } }

    /// The schedule shipped with Docket: `Schemas/schedule/masshealth-schedule.yaml` under the package root.
    public static func bundledDefaultURL(packageRoot: URL) -> URL {
        packageRoot.appendingPathComponent(DocketEnvironment.scheduleRelativePath)
    }

    /// Loads the shipped schedule.
    public static func bundledDefault(packageRoot: URL) throws(DiagnosticList) -> Schedule {
        try load(from: bundledDefaultURL(packageRoot: packageRoot))
    }

    /// Loads and checks a schedule file: against the JSON Schema its `$schema` names (Docket's
    /// engine), then structure and cross references; every problem found is thrown at once, located.
    public static func load(from url: URL) throws(DiagnosticList) -> Schedule {
        let loaded: LoadedData
        do {
            loaded = try DataLoader.load(path: url.path)
        } catch {
            throw DiagnosticList([error.diagnostic])
        }
        // The JSON Schema named in `$schema` first (shape, with JSON Schema's own locations),
        // then Docket's reader (cross references between ids, real calendar dates).
        let schemaErrors = ScheduleSchemaCheck.errors(loaded)
        if !schemaErrors.isEmpty { throw DiagnosticList(schemaErrors) }
        return try ScheduleReader.read(loaded)
    }
}

/// One value of an event's `deliverableOptions:` (the data a fill of the event's deliverable takes
/// from it): an integer (`pip: 2`) or text, where `{year}` becomes the year of an annual rule.
public enum DeliverableOption: Sendable, Hashable, Codable {
    case int(Int)
    case text(String)

    /// A plain JSON number or string.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .text(let s): try c.encode(s)
        }
    }

    /// The value as data (`pip: 2` → 2).
    public var json: JSONValue {
        switch self {
        case .int(let i): return .int(i)
        case .text(let s): return .string(s)
        }
    }

    /// The value as text (`2`, `2025`).
    public var text: String {
        switch self {
        case .int(let i): return String(i)
        case .text(let s): return s
        }
    }

    /// The value for one event: `{year}` (and any substitution) applied; text that is a whole
    /// number after substitution becomes an integer (`year: "{year}"` → 2025).
    func substituted(_ subs: [String: String]) -> DeliverableOption {
        guard case .text(let s) = self else { return self }
        let out = RuleEngine.substitute(s, subs)
        return Int(out).map(DeliverableOption.int) ?? .text(out)
    }
}
