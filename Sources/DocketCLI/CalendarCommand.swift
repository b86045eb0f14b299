import ArgumentParser
import DocketCalendar
import DocketCore
import Foundation

/// `docket calendar`: the deadline calendar as an agenda, iCalendar, CSV, Markdown or JSON.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List deliverable deadlines, or export them for Outlook, Google or Apple Calendar.",
        discussion: """
            Dates come from Schemas/schedule/masshealth-schedule.yaml: every event cites its source \
            document, line and quote. Where the sources are ambiguous the schedule makes a named \
            choice; see them with --list-choices and switch with --choose <id>=<alternative>. \
            Deadlines relative to a date the State sets stay pending until given with \
            --trigger <event-id>=YYYY-MM-DD. Exit codes: 0 ok, 1 invalid schedule, 2 usage or I/O error.
            """)

    typealias Format = CalendarRendering.Format

    @Option(name: .customLong("entity-type"), help: ArgumentHelp("Keep events for this entity type (aco, acpp, pcaco, mco, hospital, cp, csa, dsti-hospital); repeatable.", valueName: "type"))
    var entityTypes: [String] = []
    @Option(help: ArgumentHelp("Entity abbreviation: used in upload file names and per-entity calendar UIDs.", valueName: "ABBR"))
    var entity: String?
    @Option(name: .customLong("program"), help: ArgumentHelp("Keep events of this program (pip, hqe, dsrip, dsti); repeatable.", valueName: "program"))
    var programs: [String] = []
    @Option(help: ArgumentHelp("Keep events due on or after this date.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Keep events due on or before this date.", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: ArgumentHelp("List what is due in the next <days> days from --today, overdue items first.", valueName: "days")) var upcoming: Int?
    @Option(help: ArgumentHelp("The day --upcoming counts from (default: today).", valueName: "YYYY-MM-DD")) var today: String?
    @Option(help: "Output format.") var format: Format = .agenda
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file")) var output: String?
    @Option(help: ArgumentHelp("Reminders for iCalendar, in days before the due date, e.g. 30,7,1.", valueName: "days,…")) var remind: String?
    @Option(name: .customLong("trigger"), help: ArgumentHelp("Trigger date the State set for a pending event; repeatable.", valueName: "event-id=YYYY-MM-DD"))
    var triggers: [String] = []
    @Option(name: .customLong("choose"), help: ArgumentHelp("Alternative for an ambiguous point (see --list-choices); repeatable.", valueName: "choice-id=alternative"))
    var choices: [String] = []
    @Option(help: ArgumentHelp("Move due dates off weekends and Massachusetts holidays: none, previous-business-day, next-business-day.", valueName: "mode"))
    var adjust: String = "none"
    @Option(help: ArgumentHelp("Observed holidays: massachusetts (Sunday holidays move to Monday) or federal (also Saturday to Friday).", valueName: "rule"))
    var observance: String = "massachusetts"
    @Option(name: .customLong("juneteenth-from"), help: ArgumentHelp("First year Juneteenth counts as a Massachusetts holiday.", valueName: "year"))
    var juneteenthFrom: Int = 2021
    @Option(help: ArgumentHelp("Schedule file (default: the shipped Schemas/schedule/masshealth-schedule.yaml).", valueName: "file")) var schedule: String?
    @Option(help: ArgumentHelp("Prior .ics publication, to raise SEQUENCE for moved dates (default: --output when it exists).", valueName: "file")) var previous: String?
    @Flag(name: .customLong("list-choices"), help: "List the ambiguity choices, their defaults and alternatives, and exit.")
    var listChoices = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to), ("--today", today)] {
            if let value { try DateArgument.check(value, option: name, example: "2024-09-30") }
        }
        if let f = from.flatMap(LocalDate.init), let t = to.flatMap(LocalDate.init), t < f {
            throw ValidationError("--to \(t) is before --from \(f); swap them")
        }
        if let upcoming, upcoming < 0 { throw ValidationError("--upcoming '\(upcoming)' must be 0 or more days") }
        if let remind { _ = try CalendarArguments.reminders(remind) }
        _ = try Assignments.parse(triggers, option: "--trigger", example: "dsrip.aco.full-participation-plan=2017-12-15")
        _ = try CalendarArguments.triggerDates(triggers)
        _ = try Assignments.parse(choices, option: "--choose", example: "hqe-annual-dates=stated-only")
        if BusinessDayAdjustment(rawValue: adjust) == nil {
            throw ValidationError("--adjust '\(adjust)' is not one of \(BusinessDayAdjustment.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if MassachusettsHolidays.Observance(rawValue: observance) == nil {
            throw ValidationError("--observance '\(observance)' is not one of massachusetts, federal")
        }
        if let entity, entity.isEmpty || !entity.allSatisfy({ $0.isLetter || $0.isNumber }) {
            throw ValidationError("--entity '\(entity)' must be letters and digits only (it goes into file names), e.g. BMC")
        }
        if upcoming != nil, let to {
            throw ValidationError("--upcoming ends the window itself; drop --to \(to) (or drop --upcoming and keep --from/--to)")
        }
        if upcoming == nil, let today {
            throw ValidationError("--today \(today) only matters with --upcoming <days>; add e.g. --upcoming 30")
        }
        if upcoming != nil, format == .ics {
            throw ValidationError("--upcoming makes an agenda; for a calendar file use --from/--to with --format ics")
        }
    }

    func run() throws {
        let path = try schedule ?? RunContext.environment().schedulePath
        let loaded: Schedule
        do { loaded = try Schedule.load(from: URL(fileURLWithPath: path)) } catch { throw report(error.diagnostics, status: .invalid) }
        let query = try makeQuery()
        if listChoices {
            let text = format == .json ? JSONWriter.string(ChoiceList.json(loaded, chosen: query.choices), pretty: true) + "\n"
                : ChoiceList.text(loaded, chosen: query.choices)
            return try emit(text)
        }
        let events: [CalendarEvent]
        do { events = try loaded.events(options: query) } catch { throw report(error.diagnostics, status: .usage) }
        try emit(render(events, loaded, query))
    }

    func makeQuery() throws -> CalendarQuery {
        var query = CalendarQuery(entityTypes: Set(entityTypes), programs: Set(programs), from: from.flatMap(LocalDate.init),
                                  to: to.flatMap(LocalDate.init), triggers: try CalendarArguments.triggerDates(triggers),
                                  choices: try Assignments.parse(choices, option: "--choose", example: ""),
                                  adjust: BusinessDayAdjustment(rawValue: adjust) ?? .none,
                                  holidays: MassachusettsHolidays(juneteenthFrom: juneteenthFrom, observance: .init(rawValue: observance) ?? .massachusetts), entity: entity)
        if let upcoming {
            let day = try today.flatMap(LocalDate.init) ?? RunContext.environment().today
            query.from = from.flatMap(LocalDate.init) ?? day.adding(days: -upcoming)
            query.to = day.adding(days: upcoming)
        }
        return query
    }
}
