import DocketCore
import Foundation

/// JSON's data model on top of `JSONValue`: one number type (so `1 == 1.0`), exact decimal
/// `multipleOf`, and a normal form whose hashing agrees with JSON equality.
enum JSONSemantics {
    /// JSON equality: numbers by value across integer/double, objects by key set.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double):
            return numbersEqual(a, b)
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], equal(v, w) else { return false }
            }
            return true
        case (.string(let x), .string(let y)):
            // Code point equality: Swift's `==` would equate canonically equivalent strings.
            return sameCodeUnits(x, y)
        default: return a == b
        }
    }

    /// Byte equality of two strings (Swift's `==` also equates canonically equivalent ones):
    /// equal code units are equal strings, so `==` decides only when the bytes could differ.
    @inline(__always)
    static func sameCodeUnits(_ x: String, _ y: String) -> Bool {
        guard x.utf8.count == y.utf8.count, x == y else { return false }
        return x.utf8.allSatisfy({ $0 < 0x80 }) || x.utf8.elementsEqual(y.utf8)
    }

    private static func numbersEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let i), .double(let d)), (.double(let d), .int(let i)):
            return d.rounded() == d && abs(d) < 9.2e18 ? Int(d) == i : false
        case (.double(let x), .double(let y)): return x == y
        default: return false
        }
    }

    /// A form where equal JSON values are equal Swift values (integral doubles become ints),
    /// so sets and dictionaries can be used for `enum` and `uniqueItems`.
    static func normalized(_ v: JSONValue) -> JSONValue {
        switch v {
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return .int(Int(d))
        case .double(let d) where d == 0: return .int(0)
        case .array(let a): return .array(a.map(normalized))
        case .object(let o): return .object(o.mapValues(normalized))
        default: return v
        }
    }

    /// The exact decimal value of a double as written (shortest round-trip digits), so that
    /// 0.01 is one hundredth, not the nearest binary fraction.
    static func decimal(_ v: JSONValue) -> Decimal? {
        switch v {
        case .int(let i): return Decimal(i)
        case .double(let d) where d.isFinite: return Decimal(string: "\(d)", locale: Locale(identifier: "en_US_POSIX"))
        default: return nil
        }
    }

    /// A decimal divisor as an integer over a power of ten (0.01 → 1 / 100), when it is one
    /// with at most 15 fractional digits: lets `isMultiple` work in scaled doubles.
    struct ScaledDivisor: Sendable {
        let integer: Double
        let scale: Double
        init?(_ divisor: JSONValue) {
            guard case .double(let m) = divisor, m > 0, m.isFinite else { return nil }
            var scale = 1.0
            for _ in 0...15 {
                let scaled = m * scale
                if abs(scaled - scaled.rounded()) <= 4 * scaled.ulp, scaled < 9e15 {
                    // 0.07 · 100 is 7.000000000000001 in binary: the decimal digits end here.
                    integer = scaled.rounded()
                    self.scale = scale
                    return
                }
                scale *= 10
            }
            return nil
        }
    }

    /// Whether `value` is an integer multiple of `divisor` (> 0), exactly for decimals.
    static func isMultiple(_ value: JSONValue, of divisor: JSONValue, divisorDecimal: Decimal?,
                           scaled: ScaledDivisor? = nil) -> Bool {
        if case .int(let x) = value, case .int(let m) = divisor { return x % m == 0 }
        guard let x = value.numericValue, let m = divisor.numericValue else { return true }
        if let scaled {
            // x·10^k must be (within a few ulps of binary rounding) an integer multiple of m·10^k.
            let xs = x * scaled.scale
            if xs.isFinite && abs(xs) < 9e15 {
                let r = xs.rounded()
                guard abs(xs - r) <= 8 * xs.ulp else { return false }
                return scaled.integer == 1 || r.truncatingRemainder(dividingBy: scaled.integer) == 0
            }
        }
        let quotient = x / m
        if !quotient.isFinite {
            // Overflow: an integral value is a multiple of any divisor of 1 (0.5, 0.25…).
            return value.isInteger && (1 / m).rounded() == 1 / m
        }
        if quotient.rounded() != quotient && abs(quotient) < 1e15 {
            // Binary rounding can only make a true multiple look fractional by a hair.
            if abs(quotient - quotient.rounded()) > 1e-6 { return false }
        }
        if abs(x) > 1e20 || abs(quotient) >= 1e15 { return quotient.rounded() == quotient }
        guard let dx = decimal(value), let dm = divisorDecimal else { return quotient.rounded() == quotient }
        var q = dx / dm
        var r = Decimal()
        NSDecimalRound(&r, &q, 0, .plain)
        return r == q
    }
}
