import ArgumentParser
import DocketCalendar
import DocketCore
import DocketPDF

// Checks and parsers of option values shared by several commands.

/// Checks of date options: the message says what is wrong in words.
enum DateArgument {
    static func check(_ value: String, option: String, example: String) throws {
        if let problem = LocalDate.problem(value) {
            throw ValidationError("invalid \(option) '\(value)': \(problem); write YYYY-MM-DD, e.g. \(example)")
        }
    }
}

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

/// `--jobs N`: threads for batches (fill and validate).
struct JobsOption: ParsableArguments {
    @Option(name: .long, help: "Files handled in parallel (default: number of cores).") var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }

    var count: Int { jobs ?? RunContext.cores }
}

/// `--pdf-a` (fill, form): PDF/A-2b with `--format pdf`; nil options when the format is not pdf.
struct PDFAOption: ParsableArguments {
    @Flag(name: .customLong("pdf-a"), help: "With --format pdf: archival PDF/A-2b (tagged PDF is always on).") var pdfA = false

    func options(format: String) throws -> PDFOptions? {
        if pdfA && format != "pdf" { throw ValidationError("--pdf-a applies to --format pdf only") }
        return format == "pdf" ? PDFOptions(pdfA: pdfA) : nil
    }
}
