import ArgumentParser
import DocketCalendar
import DocketCore
import Foundation

/// Parsing and loading helpers of `docket calendar`.
enum CalendarArguments {
    static func triggerDates(_ items: [String]) throws -> [String: LocalDate] {
        var out: [String: LocalDate] = [:]
        for (id, value) in try Assignments.parse(items, option: "--trigger", example: "dsrip.aco.full-participation-plan=2017-12-15") {
            guard let d = LocalDate(value) else {
                throw ValidationError("--trigger \(id)='\(value)': the date must be YYYY-MM-DD, e.g. \(id)=2017-12-15")
            }
            out[id] = d
        }
        return out
    }

    /// `30,7,1` → [30, 7, 1].
    static func reminders(_ text: String) throws -> [Int] {
        switch ReminderDays.parse(text) {
        case .success(let days): return days
        case .failure(let bad):
            throw ValidationError("--remind '\(text)': '\(bad.token)' is not a number of days (1-3660); write e.g. --remind 30,7,1")
        }
    }
}

extension CalendarRendering.Format: ExpressibleByArgument {}
