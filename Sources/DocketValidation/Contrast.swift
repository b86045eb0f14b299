import Foundation

/// WCAG 2.1 colour contrast (success criterion 1.4.3, level AA): the ratio of the relative
/// luminances of two sRGB colours, `(L1 + 0.05) / (L2 + 0.05)`, at least 4.5:1 for normal text and
/// 3:1 for large text (18 pt, or 14 pt bold).
enum Contrast {
    /// `RRGGBB` → relative luminance (WCAG 2.1 definition), nil for anything else.
    static func luminance(_ hex: String) -> Double? {
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func ratio(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Large text: at least 18 pt, or 14 pt bold (`halfPoints` is `w:sz`).
    static func isLarge(halfPoints: Int, bold: Bool) -> Bool { halfPoints >= 36 || (bold && halfPoints >= 28) }

    static func required(large: Bool) -> Double { large ? 3 : 4.5 }

    /// The ratio printed as WCAG writes it, rounded down to one decimal (4.48 is "4.4:1", not a pass).
    static func text(_ ratio: Double) -> String { String(format: "%.1f:1", (ratio * 10).rounded(.down) / 10) }

    /// Whether text on `background` gets readable by darkening (a light background) rather than lightening.
    static func darkens(on background: String) -> Bool { (luminance(background) ?? 1) > 0.18 }

    /// The nearest colour of the same hue that reaches `required` against `background`: `text`
    /// darkened (on a light background) or lightened (on a dark one) step by step.
    static func suggestion(_ text: String, on background: String, required: Double) -> String {
        guard let value = UInt32(text, radix: 16), luminance(background) != nil else { return text }
        let rgb = [Double((value >> 16) & 0xFF), Double((value >> 8) & 0xFF), Double(value & 0xFF)]
        let towards: Double = darkens(on: background) ? 0 : 255
        for step in 1...100 {
            let t = Double(step) / 100
            let mixed = rgb.map { Int(($0 + (towards - $0) * t).rounded()) }
            let hex = String(format: "%02X%02X%02X", mixed[0], mixed[1], mixed[2])
            if let r = ratio(hex, background), r >= required { return hex }
        }
        return towards == 0 ? "000000" : "FFFFFF"
    }
}
