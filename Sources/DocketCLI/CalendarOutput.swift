import ArgumentParser
import DocketCalendar
import DocketCore

/// `docket calendar`'s output: the chosen format, written atomically or printed, and diagnostics.
extension CalendarCommand {
    func render(_ events: [CalendarEvent], _ s: Schedule, _ q: CalendarQuery) throws -> String {
        switch format {
        case .json: return JSONEventsWriter.write(events)
        case .csv: return CSVWriter.write(events)
        case .md: return MarkdownWriter.write(events, schedule: s, choices: s.resolvedChoices(q))
        case .ics:
            let prior = CalendarArguments.priorPublication(previous ?? output)
            let filter = (entityTypes + programs + (entity.map { [$0] } ?? [])).joined(separator: ", ")
            return ICSWriter(schedule: s, reminders: try remind.map(CalendarArguments.reminders) ?? [], previous: prior,
                             nameSuffix: filter.isEmpty ? nil : filter).write(events)
        case .agenda:
            let color = output == nil && Terminal.isTerminal(fileDescriptor: 1)
            guard let upcoming, let start = q.to?.adding(days: -upcoming), let since = q.from else {
                return AgendaWriter(color: color).write(events)
            }
            return AgendaWriter(upcoming: .init(today: start, days: upcoming, overdueSince: since), color: color).write(events)
        }
    }

    func emit(_ text: String) throws {
        guard let output else { return print(text, terminator: "") }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            Terminal.writeError("docket calendar: \(error.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }

    /// Prints every diagnostic (JSON on stdout with --format json) and returns the exit to throw.
    func report(_ diagnostics: [Diagnostic], status: ExitStatus) -> ExitCode {
        TrackRunner.report(diagnostics, json: format == .json, quietText: true)
        return ExitCode(status.rawValue)
    }
}
