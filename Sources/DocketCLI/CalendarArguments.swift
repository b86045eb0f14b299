import ArgumentParser
import DocketCalendar
import DocketCore
import Foundation

/// Parsing and loading helpers of `docket calendar`.
enum CalendarArguments {
    /// `a=b` pairs; the error names the bad token and shows an example.
    static func pairs(_ items: [String], option: String, example: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("\(option) '\(item)' is not <id>=<value>" + (example.isEmpty ? "" : ", e.g. \(option) \(example)"))
            }
            if let old = out[parts[0]], old != parts[1] {
                throw ValidationError("\(option) gives '\(parts[0])' twice ('\(old)' and '\(parts[1])'); keep one")
            }
            out[parts[0]] = parts[1]
        }
        return out
    }

    static func triggerDates(_ items: [String]) throws -> [String: LocalDate] {
        var out: [String: LocalDate] = [:]
        for (id, value) in try pairs(items, option: "--trigger", example: "dsrip.aco.full-participation-plan=2017-12-15") {
            guard let d = LocalDate(value) else {
                throw ValidationError("--trigger \(id)='\(value)': the date must be YYYY-MM-DD, e.g. \(id)=2017-12-15")
            }
            out[id] = d
        }
        return out
    }

    /// `30,7,1` → [30, 7, 1]: positive whole days, no duplicates.
    static func reminders(_ text: String) throws -> [Int] {
        var out: [Int] = []
        for token in text.split(separator: ",", omittingEmptySubsequences: false) {
            let t = token.trimmingCharacters(in: .whitespaces)
            guard let n = Int(t), n > 0, n <= 3660 else {
                throw ValidationError("--remind '\(text)': '\(t)' is not a number of days (1-3660); write e.g. --remind 30,7,1")
            }
            if !out.contains(n) { out.append(n) }
        }
        return out
    }

    static func defaultSchedulePath() -> String {
        if let p = ProcessInfo.processInfo.environment["DOCKET_SCHEDULE"], !p.isEmpty { return p }
        if let root = ResourceLocator.root() { return Schedule.bundledDefaultURL(packageRoot: root).path }
        return "Schemas/schedule/masshealth-schedule.yaml"
    }

    static func load(_ path: String) -> Result<Schedule, DiagnosticList> {
        do { return .success(try Schedule.load(from: URL(fileURLWithPath: path))) } catch { return .failure(error) }
    }

    static func events(_ schedule: Schedule, _ query: CalendarQuery) -> Result<[CalendarEvent], DiagnosticList> {
        do { return .success(try schedule.events(options: query)) } catch { return .failure(error) }
    }

    /// UID → DTSTART/SEQUENCE of a prior publication, or nothing when there is none.
    static func priorPublication(_ path: String?) -> [String: ICSReader.PriorEvent] {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return [:] }
        return ICSReader.priorEvents(String(decoding: data, as: UTF8.self))
    }

    /// Today's date on this machine's clock, in its time zone.
    static func systemToday() -> LocalDate {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(dayNumber: 0)
    }
}
