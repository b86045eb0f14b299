import DocketCore
/// The readable agenda printed on a terminal: events by month, or with `upcoming` the overdue
/// items first, then what is due in the next N days, then pending items.
public struct AgendaWriter: Sendable {
    /// `--upcoming N` window from `today`.
    public struct Upcoming: Sendable {
        public var today: LocalDate
        public var days: Int
        /// Overdue items shown are those due from this day up to yesterday.
        public var overdueSince: LocalDate
        public init(today: LocalDate, days: Int, overdueSince: LocalDate) {
            self.today = today
            self.days = days
            self.overdueSince = overdueSince
        }
    }

    public var upcoming: Upcoming?
    /// Bold headings (ANSI) only when writing to a terminal.
    public var color: Bool

    public init(upcoming: Upcoming? = nil, color: Bool = false) {
        self.upcoming = upcoming
        self.color = color
    }

    public func write(_ events: [CalendarEvent]) -> String {
        let dated = events.filter { $0.due != nil }, pending = events.filter { $0.due == nil }
        var out = ""
        if let u = upcoming {
            let end = u.today.adding(days: u.days)
            let overdue = dated.filter { ($0.due ?? "") < u.today.description && ($0.due ?? "") >= u.overdueSince.description }
            let soon = dated.filter { ($0.due ?? "") >= u.today.description && ($0.due ?? "") <= end.description }
            out += section("Overdue (due \(u.overdueSince) – \(u.today.adding(days: -1)))", overdue, today: u.today)
            out += section("Due in the next \(u.days) days (\(u.today) – \(end))", soon, today: u.today)
        } else {
            var month = ""
            for e in dated {
                let m = String((e.due ?? "").prefix(7))
                if m != month {
                    out += (month.isEmpty ? "" : "\n") + heading(monthTitle(m)) + "\n"
                    month = m
                }
                out += line(e, today: nil)
            }
            if dated.isEmpty { out += "No dated deadlines match.\n" }
        }
        if !pending.isEmpty {
            out += "\n" + heading("Waiting for a trigger date (--trigger <id>=YYYY-MM-DD)") + "\n"
            for e in pending { out += "  \(e.id)\n      \(e.title) — \(e.trigger ?? "")\n" }
        }
        return out
    }

    func section(_ title: String, _ events: [CalendarEvent], today: LocalDate) -> String {
        var s = heading(title) + "\n"
        if events.isEmpty { s += "  (none)\n" }
        for e in events { s += line(e, today: today) }
        return s + "\n"
    }

    func line(_ e: CalendarEvent, today: LocalDate?) -> String {
        var s = "  \(EventText.dayLabel(e.due))  \(e.title)"
        if let today, let due = e.due.flatMap(LocalDate.init) {
            let n = today.days(until: due)
            s += n < 0 ? "  [\(-n) day\(n == -1 ? "" : "s") overdue]" : n == 0 ? "  [today]" : "  [in \(n) day\(n == 1 ? "" : "s")]"
        }
        s += "\n      \(e.program) · \(e.entityTypes.joined(separator: ", ")) · \(e.status.rawValue) · \(EventText.sourceLine(e.source))\n"
        if let f = e.fileName { s += "      file: \(f)\n" }
        return s
    }

    func heading(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    func monthTitle(_ yyyymm: String) -> String {
        let parts = yyyymm.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return yyyymm }
        return "\(DueRule.monthNames[m - 1]) \(parts[0])"
    }
}
