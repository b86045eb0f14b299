/// RFC 3339 `date`, `time`, `date-time` and appendix A `duration`.
enum DateFormats {
    private static func number(_ c: [Unicode.Scalar], _ at: Int, _ n: Int) -> Int? {
        guard at + n <= c.count else { return nil }
        var v = 0
        for i in at..<(at + n) {
            guard Formats.isDigit(c[i]) else { return nil }
            v = v * 10 + Int(c[i].value - 48)
        }
        return v
    }

    static func isDate(_ s: String) -> Bool { dateFields(Array(s.unicodeScalars)) != nil }

    private static func dateFields(_ c: [Unicode.Scalar]) -> (Int, Int, Int)? {
        guard c.count == 10, c[4] == "-", c[7] == "-",
              let y = number(c, 0, 4), let m = number(c, 5, 2), let d = number(c, 8, 2),
              (1...12).contains(m), d >= 1 else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days ? (y, m, d) : nil
    }

    static func isTime(_ s: String) -> Bool { isTime(Array(s.unicodeScalars)) }

    private static func isTime(_ c: [Unicode.Scalar]) -> Bool {
        guard c.count >= 9, c[2] == ":", c[5] == ":",
              let h = number(c, 0, 2), let m = number(c, 3, 2), let sec = number(c, 6, 2),
              h <= 23, m <= 59, sec <= 60 else { return false }
        var i = 8
        if i < c.count, c[i] == "." {
            i += 1
            let start = i
            while i < c.count, Formats.isDigit(c[i]) { i += 1 }
            if i == start { return false }
        }
        guard i < c.count else { return false }
        var offsetMinutes = 0
        if c[i] == "Z" || c[i] == "z" {
            guard i + 1 == c.count else { return false }
        } else if c[i] == "+" || c[i] == "-" {
            guard c.count == i + 6, c[i + 3] == ":", let oh = number(c, i + 1, 2), let om = number(c, i + 4, 2),
                  oh <= 23, om <= 59 else { return false }
            offsetMinutes = (oh * 60 + om) * (c[i] == "+" ? 1 : -1)
        } else {
            return false
        }
        if sec == 60 {
            // A leap second is only valid at 23:59:60 UTC.
            let utc = ((h * 60 + m - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ s: String) -> Bool {
        let c = Array(s.unicodeScalars)
        guard c.count > 11, c[10] == "T" || c[10] == "t" else { return false }
        return dateFields(Array(c[0..<10])) != nil && isTime(Array(c[11...]))
    }

    /// `P[nY][nM][nD][T[nH][nM][nS]]` or `PnW`, at least one element, none after an empty `T`.
    static func isDuration(_ s: String) -> Bool {
        let c = Array(s.unicodeScalars)
        guard c.count >= 3, c[0] == "P" else { return false }
        var i = 1
        var inTime = false
        var sawAny = false, sawTimeElement = false, sawWeek = false
        var order = "YMD"
        var previousUnit: Character?
        while i < c.count {
            if c[i] == "T" {
                guard !inTime else { return false }
                inTime = true
                order = "HMS"
                previousUnit = nil
                i += 1
                continue
            }
            let start = i
            while i < c.count, Formats.isDigit(c[i]) { i += 1 }
            guard i > start, i < c.count else { return false }
            let unit = Character(c[i])
            i += 1
            if !inTime && unit == "W" {
                guard !sawAny else { return false }
                sawWeek = true
                sawAny = true
                continue
            }
            guard !sawWeek, let pos = order.firstIndex(of: unit) else { return false }
            // Elements are contiguous: P1Y2D (no months) and PT1H2S (no minutes) are invalid.
            if previousUnit != nil, pos != order.startIndex { return false }
            previousUnit = unit
            order = String(order[order.index(after: pos)...])
            sawAny = true
            if inTime { sawTimeElement = true }
        }
        if sawWeek && inTime { return false }
        return sawAny && (!inTime || sawTimeElement)
    }
}
