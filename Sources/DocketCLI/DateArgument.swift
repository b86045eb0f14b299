import ArgumentParser
import DocketCore

/// Checks of date options: the message says what is wrong in words.
enum DateArgument {
    static func check(_ value: String, option: String, example: String) throws {
        if let problem = LocalDate.problem(value) {
            throw ValidationError("invalid \(option) '\(value)': \(problem); write YYYY-MM-DD, e.g. \(example)")
        }
    }
}
