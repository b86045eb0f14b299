import ArgumentParser
import DocketCalendar

/// `id=value` options (`--choose`, `--trigger`): the one parser, strict, with errors that name the
/// token and show an example.
enum Assignments {
    static func parse(_ items: [String], option: String, example: String) throws -> [String: String] {
        do {
            return try ScheduleAssignments.parse(items)
        } catch {
            switch error {
            case .notAPair(let item):
                throw ValidationError("\(option) '\(item)' is not <id>=<value>" + (example.isEmpty ? "" : ", e.g. \(option) \(example)"))
            case .twice(let key, let first, let second):
                throw ValidationError("\(option) gives '\(key)' twice ('\(first)' and '\(second)'); keep one")
            }
        }
    }
}
