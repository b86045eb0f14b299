/// `ipv4`, `ipv6`, `hostname`, `idn-hostname`, `email`, `idn-email`.
enum NetworkFormats {
    /// Dotted quad, decimal octets 0–255 without leading zeros (RFC 2673 §3.2).
    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard (1...3).contains(p.unicodeScalars.count), p.unicodeScalars.allSatisfy(Formats.isDigit),
                  !(p.count > 1 && p.first == "0"), let v = Int(p), v <= 255 else { return false }
        }
        return true
    }

    /// RFC 4291 §2.2 text forms: eight groups, one `::`, optional trailing IPv4; no zone id.
    static func isIPv6(_ s: String) -> Bool {
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        var text = Substring(s)
        var groupsNeeded = 8
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
            text = text[...lastColon]
            if !text.hasSuffix("::") { text = text.dropLast() }
            groupsNeeded = 6
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            if part.isEmpty { return [] }
            let gs = part.split(separator: ":", omittingEmptySubsequences: false)
            for g in gs where g.isEmpty || g.count > 4 || !g.unicodeScalars.allSatisfy(Formats.isHex) { return nil }
            return gs
        }
        if halves.count == 1 {
            guard let g = groups(halves[0]) else { return false }
            return g.count == groupsNeeded
        }
        guard let a = groups(halves[0]), let b = groups(halves[1]) else { return false }
        return a.count + b.count < groupsNeeded
    }

    /// RFC 1123 host names; `xn--` labels must be valid punycode of an IDNA2008 label.
    static func isHostname(_ s: String, international: Bool) -> Bool {
        guard !s.isEmpty, s.unicodeScalars.count <= 253 else { return false }
        let separators: Set<Unicode.Scalar> = international ? [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"] : ["."]
        let labels = s.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-" else { return false }
            if label.allSatisfy({ $0.isASCII }) {
                guard label.allSatisfy({ Formats.isAlpha($0) || Formats.isDigit($0) || $0 == "-" }) else { return false }
                let lower = String(String.UnicodeScalarView(label)).lowercased()
                if lower.count >= 4, lower.dropFirst(2).hasPrefix("--") {
                    guard lower.hasPrefix("xn--"), let decoded = Punycode.decode(String(lower.dropFirst(4))),
                          IDNA.isValidLabel(decoded) else { return false }
                }
            } else {
                guard international, IDNA.isValidLabel(Array(label)) else { return false }
            }
        }
        return true
    }

    static func isEmail(_ s: String, international: Bool) -> Bool {
        guard let at = s.lastIndex(of: "@") else { return false }
        let local = s[..<at], domain = s[s.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
            let inner = local.dropFirst().dropLast()
            if inner.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 }) { return false }
        } else {
            let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
            for atom in atoms {
                guard !atom.isEmpty, atom.unicodeScalars.allSatisfy({
                    Formats.isAlpha($0) || Formats.isDigit($0) || atext.contains($0) || (international && !$0.isASCII)
                }) else { return false }
            }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = String(domain.dropFirst().dropLast())
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(literal)
        }
        return isHostname(String(domain), international: international)
    }
}

/// The parts of IDNA2008 (RFC 5892 / 5893) the format tests exercise: no leading combining
/// mark, the exceptions table, and the CONTEXTJ/CONTEXTO rules.
enum IDNA {
    /// RFC 5892 §2.6 exceptions that are PVALID.
    static let pvalid: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]
    static let disallowed: Set<UInt32> = [0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B]

    static func isValidLabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first else { return false }
        if isMark(first) { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        var arabicIndic = false, extendedArabicIndic = false
        for (i, c) in label.enumerated() {
            let v = c.value
            if disallowed.contains(v) { return false }
            if pvalid.contains(v) { continue }
            if !c.isASCII && !(c.properties.isAlphabetic || isMark(c) || c.properties.numericType != nil
                               || [0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x200C, 0x200D].contains(v)) { return false }
            if c.properties.isUppercase { return false }
            let before = i > 0 ? label[i - 1] : nil, after = i + 1 < label.count ? label[i + 1] : nil
            switch v {
            case 0x00B7: if before != "l" || after != "l" { return false }
            case 0x0375: if after.map(isGreek) != true { return false }
            case 0x05F3, 0x05F4: if before.map(isHebrew) != true { return false }
            case 0x30FB:
                if !label.contains(where: { isJapanese($0) && $0.value != 0x30FB }) { return false }
            case 0x200D: if before?.properties.canonicalCombiningClass != .virama { return false }
            case 0x0660...0x0669: arabicIndic = true
            case 0x06F0...0x06F9: extendedArabicIndic = true
            default: break
            }
        }
        return !(arabicIndic && extendedArabicIndic)
    }

    static func isMark(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .spacingMark, .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }
    static func isGreek(_ c: Unicode.Scalar) -> Bool { (0x0370...0x03FF).contains(c.value) || (0x1F00...0x1FFF).contains(c.value) }
    static func isHebrew(_ c: Unicode.Scalar) -> Bool { (0x0590...0x05FF).contains(c.value) }
    static func isJapanese(_ c: Unicode.Scalar) -> Bool {
        (0x3040...0x30FF).contains(c.value) || (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value)
            || (0x20000...0x2A6DF).contains(c.value)
    }
}

/// RFC 3492 punycode decoding (the part after `xn--`).
enum Punycode {
    static func decode(_ input: String) -> [Unicode.Scalar]? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        var n = 128, i = 0, bias = 72
        var output: [Unicode.Scalar] = []
        var scalars = Array(input.unicodeScalars)
        if let d = scalars.lastIndex(of: "-") {
            output = Array(scalars[..<d])
            guard output.allSatisfy({ $0.isASCII }) else { return nil }
            scalars = Array(scalars[(d + 1)...])
        }
        var pos = 0
        func digit(_ c: Unicode.Scalar) -> Int? {
            switch c.value {
            case 0x30...0x39: return Int(c.value) - 22
            case 0x41...0x5A: return Int(c.value) - 0x41
            case 0x61...0x7A: return Int(c.value) - 0x61
            default: return nil
            }
        }
        func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
            var delta = first ? delta / damp : delta / 2
            delta += delta / count
            var k = 0
            while delta > ((base - tMin) * tMax) / 2 { delta /= base - tMin; k += base }
            return k + (base - tMin + 1) * delta / (delta + skew)
        }
        if scalars.isEmpty { return output.isEmpty ? nil : output }
        while pos < scalars.count {
            let oldI = i
            var w = 1, k = base
            while true {
                guard pos < scalars.count, let d = digit(scalars[pos]) else { return nil }
                pos += 1
                i += d * w
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if d < t { break }
                w *= base - t
                k += base
                if i > 0x10FFFF * 4 || w > 0x10FFFF * 4 { return nil }
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }
}
