import DocketCore

/// Annual iterations of the Health Quality and Equity Strategic Plan (R003-21, D003-02: "In annual
/// iterations of this Strategic Plan, ACOs/MCOs will report on progress towards these goals, and
/// potentially have the opportunity to modify goals over time").
///
/// The plan year is the data's `year` (where it lives and its default, 2023, are the `year` field of
/// `due:` in deliverable.yaml, the one home shared with lateness). A plan for a later year carries
/// the previous plan's goals in `plan.previousGoals`, each with a progress row: `status`, the KPI
/// value then and now, a narrative, and for a modified goal its new wording and a reason, for a
/// retired one a reason.
public enum HQEAnnualIteration {
    /// How a previous goal has fared (`plan.previousGoals[].status`).
    public enum Status: String, CaseIterable, Sendable {
        case onTrack = "on track", behind, achieved, modified, retired

        /// Whether the status changes the goal and so needs a reason (Docket's reading, `hqe.goal-change`).
        public var changesGoal: Bool { self == .modified || self == .retired }
    }

    /// The fields of a progress row, in the order the template prints them.
    public static let progressFields = ["status", "kpiThen", "kpiNow", "narrative"]

    /// The year field of `due:` (name `year`) in the deliverable's configuration.
    static func yearField(_ config: JSONValue) -> Deliverable.DueEvent.Field? {
        Deliverable.DueEvent(json: config["due"])?.fields.first { $0.name == "year" }
    }

    /// The first plan year: the default of the `year` field (2023, D003-01).
    public static func firstYear(config: JSONValue) -> Int {
        yearField(config)?.defaultValue.flatMap { Int($0) } ?? 2023
    }

    /// The plan year of `data`: its `year` (a number, or text read back from a Word document),
    /// else the first year. Nil when the value is not a year.
    public static func year(of data: JSONValue, config: JSONValue) -> Int? {
        let path = yearField(config)?.from ?? "year"
        switch data.value(atDotted: path) {
        case nil, .null?: return firstYear(config: config)
        case .int(let y)?: return y
        case .string(let s)?: return Int(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// Whether `data` is an annual iteration (a year after the first).
    public static func isAnnualIteration(_ data: JSONValue, config: JSONValue) -> Bool {
        (year(of: data, config: config) ?? 0) > firstYear(config: config)
    }

    /// Next year's plan started from this year's data: the same data with `year` + 1, and this
    /// year's goals as `plan.previousGoals` with empty progress (to fill in) — the goals stay as
    /// next year's goals to revise. Translations are dropped (they translate this year's text).
    public static func next(from data: JSONValue, config: JSONValue) -> JSONValue {
        var out = data
        let path = yearField(config)?.from ?? "year"
        out.setValue(.int((year(of: data, config: config) ?? firstYear(config: config)) + 1), atDotted: path)
        let goals = data["plan"]?["goals"]?.arrayValue ?? []
        out.setValue(.array(goals.map { goal in
            var row: [String: JSONValue] = ["title": JSONValue.orNull(goal["title"])]
            for field in progressFields { row[field] = .null }
            return .object(row)
        }), atDotted: "plan.previousGoals")
        if case .object(var o) = out {
            o[Translations.key] = nil
            out = .object(o)
        }
        return out
    }

    /// The rows the template's progress table prints (`derived.progress`): each previous goal with
    /// its `path` in the data.
    static func progressRows(_ data: JSONValue) -> JSONValue {
        .array((data["plan"]?["previousGoals"]?.arrayValue ?? []).enumerated().map { i, goal in
            var g = goal.objectValue ?? [:]
            g["number"] = .int(i + 1)
            g["path"] = .string("plan.previousGoals.\(i)")
            return .object(g)
        })
    }
}
