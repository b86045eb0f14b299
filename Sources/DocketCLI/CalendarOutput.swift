import ArgumentParser
import DocketCalendar
import DocketCore

/// `docket calendar`'s output: the chosen format, written atomically or printed, and diagnostics.
extension CalendarCommand {
    func render(_ events: [CalendarEvent], _ s: Schedule, _ q: CalendarQuery) throws -> String {
        let filter = (entityTypes + programs + (entity.map { [$0] } ?? [])).joined(separator: ", ")
        return CalendarRendering(format: format, reminders: try remind.map(CalendarArguments.reminders) ?? [],
                                 previous: format == .ics ? ICSReader.priorEvents(path: previous ?? output) : [:],
                                 nameSuffix: filter.isEmpty ? nil : filter, color: output == nil && Terminal.isTerminal(fileDescriptor: 1),
                                 upcoming: upcoming).render(events, schedule: s, query: q)
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
